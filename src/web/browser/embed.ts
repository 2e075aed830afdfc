/**
 * The one script a council website pastes in (`<script src="https://<bot host>/embed.js" defer></script>`), built
 * from this file by esbuild: a "Chat with us" launcher and a chat window with Microsoft's Web Chat, styled in the
 * council's colour. The conversation (token and id) is kept in sessionStorage, so it carries on across page
 * navigation on the same site. Keyboard: the launcher is a button; opening moves focus to the message box; Escape
 * closes and returns focus. On a phone (up to 40rem wide) the open chat fills the screen inside the safe-area insets,
 * with its own × in the header, and the launcher is hidden until it closes; it follows the visual viewport, so the
 * on-screen keyboard never covers the message box. Suggested-action buttons wrap their labels and scroll when there
 * are many, so nothing is cut at 320 px or with text at 200%.
 */
import type { EmbedSettings } from '../embedSettings';

/**
 * The council's settings: the server wraps the built script in `(function (EMBED_SETTINGS) { ... })({...})`, so the
 * script itself is built once and the settings follow the knowledge base's profile.
 */
declare const EMBED_SETTINGS: EmbedSettings;

/** The parts of Microsoft's Web Chat bundle (`window.WebChat`) this script uses. */
interface WebChatAction {
  type: string;
  payload?: unknown;
}
interface WebChatStoreApi {
  dispatch: (action: WebChatAction) => unknown;
}
type WebChatMiddleware = (
  api: WebChatStoreApi,
) => (next: (action: WebChatAction) => unknown) => (action: WebChatAction) => unknown;
interface WebChatGlobal {
  createDirectLine: (options: {
    domain: string;
    token: string;
    conversationId: string;
    watermark: string | undefined;
    webSocket: boolean;
  }) => unknown;
  createStore: (initialState: Record<string, never>, middleware: WebChatMiddleware) => unknown;
  renderWebChat: (props: Record<string, unknown>, element: HTMLElement) => void;
}
declare global {
  interface Window {
    WebChat?: WebChatGlobal;
  }
}

/** What `/api/webchat/token` answers. */
interface ChatSession {
  token: string;
  conversationId: string;
  userId: string;
}

/** What is kept in sessionStorage between pages. */
interface SavedState {
  token?: string;
  conversationId?: string;
  open?: boolean;
}

const settings = EMBED_SETTINGS;
const script = document.currentScript as HTMLScriptElement | null;
const origin = new URL(script ? script.src : window.location.href).origin;
const storageKey = 'councilChat:' + origin;
let launcher: HTMLButtonElement;
let panel: HTMLElement | undefined;
let chatHost: HTMLElement;
let rendered = false;
const narrow = window.matchMedia('(max-width: 40rem)');

function saved(): SavedState | null {
  try {
    return JSON.parse(window.sessionStorage.getItem(storageKey) || 'null') as SavedState | null;
  } catch {
    return null;
  }
}

function save(state: SavedState | null): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(state));
  } catch {
    /* private mode */
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function styles(colour: string): string {
  return (
    '.council-chat-launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;background:' +
    colour +
    ';color:#fff;border:2px solid #fff;border-radius:2rem;padding:.75rem 1.25rem;font:700 1rem/1.2 system-ui,sans-serif;' +
    'box-shadow:0 2px 6px rgba(0,0,0,.35);cursor:pointer}' +
    '.council-chat-launcher:focus-visible,.council-chat-close:focus-visible{outline:3px solid #ffdd00;outline-offset:2px}' +
    '.council-chat-panel{position:fixed;right:1rem;bottom:4.75rem;z-index:2147483000;width:min(26rem,calc(100vw - 2rem));' +
    'height:min(38rem,calc(100vh - 6rem));display:flex;flex-direction:column;background:#fff;border:1px solid #505a5f;' +
    'border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.35);overflow:hidden}' +
    '.council-chat-panel[hidden]{display:none}' +
    '.council-chat-header{display:flex;align-items:center;justify-content:space-between;background:' +
    colour +
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
    'env(safe-area-inset-left);background:' +
    colour +
    '}' +
    '.council-chat-body{background:#fff}' +
    '.council-chat-launcher[aria-expanded="true"]{display:none}}'
  );
}

function build(): void {
  const style = el('style');
  style.textContent = styles(settings.brandColour);
  document.head.appendChild(style);

  launcher = el(
    'button',
    { type: 'button', class: 'council-chat-launcher', 'aria-expanded': 'false', 'aria-controls': 'council-chat-panel' },
    'Chat with us',
  );
  const section = el('section', {
    id: 'council-chat-panel',
    class: 'council-chat-panel',
    'aria-labelledby': 'council-chat-title',
  });
  section.hidden = true;
  panel = section;
  const header = el('div', { class: 'council-chat-header' });
  header.appendChild(
    el('h2', { id: 'council-chat-title', class: 'council-chat-title' }, settings.councilName + ' online assistant'),
  );
  const close = el('button', { type: 'button', class: 'council-chat-close', 'aria-label': 'Close chat' }, '×');
  header.appendChild(close);
  chatHost = el('div', { class: 'council-chat-body' });
  section.appendChild(header);
  section.appendChild(chatHost);
  document.body.appendChild(section);
  document.body.appendChild(launcher);

  launcher.addEventListener('click', () => (section.hidden ? open() : hide()));
  close.addEventListener('click', hide);
  section.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', fitToViewport);
    window.visualViewport.addEventListener('scroll', fitToViewport);
  }
  // Older Safari has only addListener on media queries.
  if ('addEventListener' in narrow) narrow.addEventListener('change', fitToViewport);
}

/**
 * On a phone the open chat fills the screen. When the on-screen keyboard opens, the visual viewport shrinks while
 * the layout viewport does not: the panel follows the visual one, so the message box stays in sight.
 */
function fitToViewport(): void {
  const viewport = window.visualViewport;
  if (!panel || panel.hidden || !narrow.matches || !viewport) {
    if (panel) {
      panel.style.height = '';
      panel.style.top = '';
    }
    return;
  }
  panel.style.height = viewport.height + 'px';
  panel.style.top = viewport.offsetTop + 'px';
}

function loadBundle(): Promise<void> {
  if (window.WebChat) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const tag = el('script', { src: origin + settings.bundlePath });
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error('chat could not load'));
    document.head.appendChild(tag);
  });
}

function fetchToken(): Promise<ChatSession> {
  const state = saved();
  return fetch(origin + '/api/webchat/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'omit',
    body: JSON.stringify(state && state.token ? { token: state.token } : {}),
  }).then((response): Promise<ChatSession> => {
    if (response.ok) return response.json() as Promise<ChatSession>;
    if (state) {
      save(null);
      return fetchToken();
    }
    throw new Error('chat is unavailable (' + response.status + ')');
  });
}

function render(): Promise<void> {
  rendered = true;
  return Promise.all([loadBundle(), fetchToken()])
    .then(([, session]) => {
      const webChat = window.WebChat;
      if (!webChat) throw new Error('chat could not load');
      const resumed = saved()?.conversationId === session.conversationId;
      save({ token: session.token, conversationId: session.conversationId, open: true });
      const directLine = webChat.createDirectLine({
        domain: origin + '/v3/directline',
        token: session.token,
        conversationId: session.conversationId,
        watermark: resumed ? '0' : undefined,
        webSocket: true,
      });
      const store = webChat.createStore({}, (api) => (next) => (action) => {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !resumed) {
          api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
        }
        return next(action);
      });
      webChat.renderWebChat(
        {
          directLine,
          store,
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
            primaryFont: 'system-ui, sans-serif',
          },
        },
        chatHost,
      );
      focusSendBox();
    })
    .catch(() => {
      rendered = false;
      chatHost.textContent = 'Sorry, the chat is not available right now. Please phone us instead.';
    });
}

function focusSendBox(): void {
  let tries = 0;
  const attempt = (): void => {
    const box = chatHost.querySelector<HTMLElement>('input[type="text"], textarea');
    if (box) box.focus();
    else if (tries++ < 50) setTimeout(attempt, 100);
  };
  attempt();
}

function open(): void {
  if (!panel) return;
  panel.hidden = false;
  launcher.setAttribute('aria-expanded', 'true');
  launcher.textContent = 'Close chat';
  fitToViewport();
  const state = saved() || {};
  state.open = true;
  save(state);
  if (!rendered) void render();
  else focusSendBox();
}

function hide(): void {
  if (!panel) return;
  panel.hidden = true;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.textContent = 'Chat with us';
  const state = saved();
  if (state) {
    state.open = false;
    save(state);
  }
  launcher.focus();
}

function start(): void {
  build();
  if (saved()?.open) open();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
