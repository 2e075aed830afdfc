/** What the embed script needs to know, filled in by the server for each council. */
export interface EmbedSettings {
  councilName: string;
  brandColour: string;
  bundlePath: string;
}

/**
 * The one script a council website pastes in (`<script src="https://<bot host>/embed.js" defer></script>`): a
 * "Chat with us" launcher and a chat window with Microsoft's Web Chat, styled in the council's colour. The
 * conversation (token and id) is kept in sessionStorage, so it carries on across page navigation on the same site.
 * Keyboard: the launcher is a button; opening moves focus to the message box; Escape closes and returns focus.
 * On a phone (up to 40rem wide) the open chat fills the screen inside the safe-area insets, with its own × in the
 * header, and the launcher is hidden until it closes; it follows the visual viewport, so the on-screen keyboard
 * never covers the message box. Suggested-action buttons wrap their labels and scroll when there are many, so
 * nothing is cut at 320 px or with text at 200%.
 */
export function renderEmbedScript(settings: EmbedSettings): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `(function () {
  'use strict';
  var settings = ${json};
  var script = document.currentScript;
  var origin = new URL(script ? script.src : window.location.href).origin;
  var storageKey = 'councilChat:' + origin;
  var launcher, panel, chatHost, rendered = false;
  var narrow = window.matchMedia('(max-width: 40rem)');

  function saved() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }
  function save(state) {
    try { window.sessionStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function build() {
    var style = el('style');
    style.textContent =
      '.council-chat-launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;background:' + settings.brandColour +
      ';color:#fff;border:2px solid #fff;border-radius:2rem;padding:.75rem 1.25rem;font:700 1rem/1.2 system-ui,sans-serif;' +
      'box-shadow:0 2px 6px rgba(0,0,0,.35);cursor:pointer}' +
      '.council-chat-launcher:focus-visible,.council-chat-close:focus-visible{outline:3px solid #ffdd00;outline-offset:2px}' +
      '.council-chat-panel{position:fixed;right:1rem;bottom:4.75rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));' +
      'height:min(38rem,calc(100vh - 6rem));display:flex;flex-direction:column;background:#fff;border:1px solid #505a5f;' +
      'border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.35);overflow:hidden}' +
      '.council-chat-panel[hidden]{display:none}' +
      '.council-chat-header{display:flex;align-items:center;justify-content:space-between;background:' + settings.brandColour +
      ';color:#fff;padding:.5rem .75rem}' +
      '.council-chat-title{margin:0;min-width:0;overflow-wrap:anywhere;font:700 1rem/1.3 system-ui,sans-serif}' +
      '.council-chat-close{background:transparent;color:#fff;border:2px solid #fff;border-radius:.25rem;font:700 1rem system-ui,sans-serif;' +
      'padding:.25rem .6rem;margin-left:.5rem;flex:none;cursor:pointer}' +
      '.council-chat-body{flex:1;min-height:0}' +
      '.council-chat-body .webchat__suggested-action{height:auto!important;min-height:2.75rem;max-width:100%;' +
      'padding-top:.35rem;padding-bottom:.35rem}' +
      '.council-chat-body .webchat__suggested-action__text{white-space:normal;overflow:visible;text-overflow:clip;' +
      'overflow-wrap:anywhere;text-align:left;line-height:1.3}' +
      '.council-chat-body .webchat__suggested-actions__flow-item-box{max-width:100%}' +
      '.council-chat-body .webchat__suggested-actions{max-height:40vh;max-height:40dvh;overflow-y:auto}' +
      '@media (max-width:40rem){' +
      '.council-chat-panel{top:0;left:0;right:0;bottom:auto;width:100%;height:100%;height:100dvh;border:0;border-radius:0;' +
      'box-sizing:border-box;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) ' +
      'env(safe-area-inset-left);background:' + settings.brandColour + '}' +
      '.council-chat-body{background:#fff}' +
      '.council-chat-launcher[aria-expanded="true"]{display:none}}';
    document.head.appendChild(style);

    launcher = el('button', { type: 'button', class: 'council-chat-launcher', 'aria-expanded': 'false', 'aria-controls': 'council-chat-panel' }, 'Chat with us');
    panel = el('section', { id: 'council-chat-panel', class: 'council-chat-panel', 'aria-labelledby': 'council-chat-title' });
    panel.hidden = true;
    var header = el('div', { class: 'council-chat-header' });
    header.appendChild(el('h2', { id: 'council-chat-title', class: 'council-chat-title' }, settings.councilName + ' online assistant'));
    var close = el('button', { type: 'button', class: 'council-chat-close', 'aria-label': 'Close chat' }, '×');
    header.appendChild(close);
    chatHost = el('div', { class: 'council-chat-body' });
    panel.appendChild(header);
    panel.appendChild(chatHost);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);

    launcher.addEventListener('click', function () { panel.hidden ? open() : hide(); });
    close.addEventListener('click', hide);
    panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') hide(); });
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', fitToViewport);
      window.visualViewport.addEventListener('scroll', fitToViewport);
    }
    if (narrow.addEventListener) narrow.addEventListener('change', fitToViewport);
  }

  /**
   * On a phone the open chat fills the screen. When the on-screen keyboard opens, the visual viewport shrinks
   * while the layout viewport does not: the panel follows the visual one, so the message box stays in sight.
   */
  function fitToViewport() {
    var viewport = window.visualViewport;
    if (!panel || panel.hidden || !narrow.matches || !viewport) {
      if (panel) { panel.style.height = ''; panel.style.top = ''; }
      return;
    }
    panel.style.height = viewport.height + 'px';
    panel.style.top = viewport.offsetTop + 'px';
  }

  function loadBundle() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = el('script', { src: origin + settings.bundlePath });
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error('chat could not load')); };
      document.head.appendChild(tag);
    });
  }

  function fetchToken() {
    var state = saved();
    return fetch(origin + '/api/webchat/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify(state && state.token ? { token: state.token } : {})
    }).then(function (response) {
      if (response.ok) return response.json();
      if (state) { save(null); return fetchToken(); }
      throw new Error('chat is unavailable (' + response.status + ')');
    });
  }

  function render() {
    rendered = true;
    return Promise.all([loadBundle(), fetchToken()]).then(function (results) {
      var session = results[1];
      var resumed = Boolean(saved() && saved().conversationId === session.conversationId);
      save({ token: session.token, conversationId: session.conversationId, open: true });
      var directLine = window.WebChat.createDirectLine({
        domain: origin + '/v3/directline',
        token: session.token,
        conversationId: session.conversationId,
        watermark: resumed ? '0' : undefined,
        webSocket: true
      });
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !resumed) {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        locale: 'en-GB',
        userID: session.userId,
        styleOptions: {
          accent: settings.brandColour,
          bubbleFromUserBackground: '#e8f1ef',
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
          botAvatarInitials: 'Bot',
          userAvatarInitials: 'You',
          hideUploadButton: false,
          sendBoxTextWrap: true,
          suggestedActionLayout: 'flow',
          primaryFont: 'system-ui, sans-serif'
        }
      }, chatHost);
      focusSendBox();
    }).catch(function () {
      rendered = false;
      chatHost.textContent = 'Sorry, the chat is not available right now. Please phone us instead.';
    });
  }

  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      var box = chatHost.querySelector('input[type="text"], textarea');
      if (box) box.focus();
      else if (tries++ < 50) setTimeout(attempt, 100);
    })();
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.textContent = 'Close chat';
    fitToViewport();
    var state = saved() || {};
    state.open = true;
    save(state);
    if (!rendered) render(); else focusSendBox();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.textContent = 'Chat with us';
    var state = saved();
    if (state) { state.open = false; save(state); }
    launcher.focus();
  }

  function start() {
    build();
    var state = saved();
    if (state && state.open) open();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
}
