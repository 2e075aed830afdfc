/**
 * The console's one script (`/console/assets/<version>/console.js`, an ES module built from this file by esbuild;
 * no inline script anywhere). It starts GOV.UK Frontend, then adds what the pages do without it, only faster:
 * - the live stream (`data-stream` on `<main>`): the queue refreshes in place; new chat lines are appended to the
 *   transcript, a polite live region, and announced;
 * - forms marked `data-console-send` are posted with fetch (CSRF token in a header): on success the box is cleared
 *   and the line appears; on any failure the text stays in the box and the problem is shown next to it and
 *   announced, so a reply is never lost without the CSA knowing;
 * - ready-made replies are put in the message box; Ctrl+Enter sends.
 * Text from the server is only ever set with `textContent`, never parsed as HTML, except the queue fragment and a
 * bot line's `html` (its markdown as the resident saw it), which the server renders with everything escaped.
 */
import { initAll } from './govuk/govuk-frontend.min.js';

/** A transcript line as the server sends it (`lineJson` in chatRoutes). */
interface ConsoleLine {
  id: string;
  at: string;
  from: string;
  name?: string;
  text?: string;
  html?: string;
  attachments?: { name?: string; contentType?: string; url?: string }[];
}

/** What a `data-console-send` form's POST answers. */
interface SendResult {
  ok: boolean;
  message?: string;
  line?: ConsoleLine;
  note?: { at: string; csa: string; text: string };
}

type Speaker = 'resident' | 'bot' | 'csa' | 'system';
type FormField = HTMLTextAreaElement | HTMLInputElement | HTMLSelectElement;

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

const main = document.getElementById('main-content');
const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
const speakers: Record<Speaker, string> = { resident: 'Resident', bot: 'Bot', csa: 'CSA', system: 'System' };
const FIELD = 'textarea, input:not([type=hidden]), select';

function isSpeaker(value: string): value is Speaker {
  return Object.prototype.hasOwnProperty.call(speakers, value);
}

function isLine(value: unknown): value is ConsoleLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return typeof line.id === 'string' && typeof line.at === 'string' && typeof line.from === 'string';
}

// Bidirectional overrides and isolates in residents' text could reorder what the CSA sees (the pages drop them too).
function plain(value: unknown): string {
  return String(value ?? '').replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

function say(id: string, text: string): void {
  const region = document.getElementById(id);
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

function lineElement(line: ConsoleLine): HTMLLIElement {
  const item = document.createElement('li');
  const from: Speaker = isSpeaker(line.from) ? line.from : 'system';
  item.className = 'console-line console-line--' + from;
  item.id = 'line-' + line.id;
  item.dataset.lineId = line.id;
  const meta = document.createElement('span');
  meta.className = 'console-line__meta';
  const who = document.createElement('strong');
  who.textContent = from === 'csa' && line.name ? plain(line.name) + ' (CSA)' : speakers[from];
  const time = document.createElement('time');
  time.dateTime = line.at;
  time.textContent = timeFormat.format(new Date(line.at));
  meta.append(who, ' at ', time);
  const text = document.createElement(from === 'bot' && typeof line.html === 'string' ? 'div' : 'p');
  text.className = 'console-line__text';
  if (from === 'bot' && typeof line.html === 'string') {
    text.classList.add('console-line__text--bot');
    text.innerHTML = line.html;
  } else text.textContent = plain(line.text);
  item.append(meta, text);
  if (Array.isArray(line.attachments) && line.attachments.length > 0) {
    const list = document.createElement('ul');
    list.className = 'govuk-list govuk-body-s';
    for (const attachment of line.attachments) {
      const entry = document.createElement('li');
      const label = plain(attachment.name || 'Attachment') + ' (' + plain(attachment.contentType) + ')';
      if (attachment.url && /^(https?:\/\/|\/(?!\/))/i.test(attachment.url)) {
        const link = document.createElement('a');
        link.className = 'govuk-link';
        link.href = attachment.url;
        link.rel = 'noreferrer noopener';
        link.target = '_blank';
        link.textContent = label + ', opens in new tab';
        entry.append(link);
      } else {
        entry.textContent = label;
      }
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

function appendLine(line: ConsoleLine): boolean {
  const transcript = document.getElementById('transcript');
  if (!transcript || document.getElementById('line-' + line.id)) return false;
  transcript.append(lineElement(line));
  transcript.scrollTop = transcript.scrollHeight;
  return true;
}

async function refreshQueue(): Promise<void> {
  const target = document.getElementById('queue-content');
  if (!target || !main?.dataset.fragment) return;
  const response = await fetch(main.dataset.fragment, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign('/console/sign-in');
    return;
  }
  if (!response.ok) return;
  const focused = document.activeElement;
  const focusKey =
    focused && target.contains(focused)
      ? focused.closest('form')?.getAttribute('action') || focused.getAttribute('href')
      : null;
  target.innerHTML = await response.text();
  if (focusKey) {
    target
      .querySelector<HTMLElement>(
        'form[action="' + CSS.escape(focusKey) + '"] button, a[href="' + CSS.escape(focusKey) + '"]',
      )
      ?.focus();
  }
  const waiting = response.headers.get('x-queue-waiting');
  say('queue-status', 'The queue has changed: ' + waiting + ' waiting.');
}

async function catchUpChat(): Promise<void> {
  const chat = main?.dataset.chat;
  if (!chat) return;
  const response = await fetch('/console/chats/' + encodeURIComponent(chat) + '/lines', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) return;
  const body = (await response.json()) as { lines?: unknown[] };
  const added = (body.lines ?? []).filter(isLine).filter((line) => appendLine(line));
  const [first] = added;
  if (added.length === 1 && first?.from === 'resident') say('chat-status', 'The resident wrote: ' + first.text);
  else if (added.length > 0) say('chat-status', added.length + ' new message' + (added.length === 1 ? '' : 's') + '.');
}

const sessionWords: Record<string, string> = {
  ended: 'This chat has ended.',
  callbackBooked: 'A callback was booked instead: this chat has ended.',
  queued: 'This chat is back in the queue.',
  accepted: 'This chat has been accepted.',
};

function openStream(): void {
  if (!main?.dataset.stream || !('EventSource' in window)) return;
  const source = new EventSource(main.dataset.stream);
  let opened = false;
  source.addEventListener('ready', () => {
    if (opened) {
      void refreshQueue();
      void catchUpChat();
    }
    opened = true;
  });
  source.addEventListener('queueChanged', () => void refreshQueue());
  source.addEventListener('linesChanged', () => void catchUpChat());
  source.addEventListener('line', (event: MessageEvent<string>) => {
    const line: unknown = JSON.parse(event.data);
    if (isLine(line) && appendLine(line) && line.from === 'resident') {
      say('chat-status', 'The resident wrote: ' + line.text);
    }
  });
  source.addEventListener('sessionChanged', (event: MessageEvent<string>) => {
    const { state } = JSON.parse(event.data) as { state?: string };
    say(
      'chat-status',
      (sessionWords[state ?? ''] || 'This chat has changed.') + ' Reload the page to see where it stands.',
    );
  });
  source.addEventListener('signedOut', () => {
    source.close();
    window.location.assign('/console/sign-in');
  });
}

function showFieldError(form: HTMLFormElement, message: string): void {
  const group = form.querySelector('.govuk-form-group');
  const field = form.querySelector<FormField>(FIELD);
  if (!group || !field) {
    say('chat-status', message);
    return;
  }
  let error = group.querySelector('.govuk-error-message');
  if (!error) {
    error = document.createElement('p');
    error.className = 'govuk-error-message';
    error.id = field.id + '-error';
    group.insertBefore(error, field);
    field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' ' + error.id).trim());
  }
  const hidden = document.createElement('span');
  hidden.className = 'govuk-visually-hidden';
  hidden.textContent = 'Error: ';
  error.replaceChildren(hidden, message);
  group.classList.add('govuk-form-group--error');
  field.classList.add(
    field.tagName === 'TEXTAREA'
      ? 'govuk-textarea--error'
      : field.tagName === 'SELECT'
        ? 'govuk-select--error'
        : 'govuk-input--error',
  );
  field.focus();
  say('chat-status', message);
}

function clearFieldError(form: HTMLFormElement): void {
  const group = form.querySelector('.govuk-form-group');
  group?.classList.remove('govuk-form-group--error');
  group?.querySelector('.govuk-error-message')?.remove();
  form.querySelectorAll('.govuk-textarea--error, .govuk-input--error, .govuk-select--error').forEach((field) => {
    field.classList.remove('govuk-textarea--error', 'govuk-input--error', 'govuk-select--error');
  });
}

function appendNote(note: NonNullable<SendResult['note']>): void {
  const notes = document.getElementById('notes');
  const item = document.createElement('li');
  const meta = document.createElement('span');
  meta.className = 'console-line__meta';
  const who = document.createElement('strong');
  who.textContent = plain(note.csa);
  meta.append(who, ' at ', timeFormat.format(new Date(note.at)));
  const text = document.createElement('p');
  text.className = 'console-line__text';
  text.textContent = note.text;
  item.append(meta, text);
  notes?.append(item);
}

async function post(form: HTMLFormElement): Promise<SendResult> {
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': csrf,
      },
      // FormData's entries are strings here: these forms have no file inputs.
      body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
    });
    const body = await response
      .json()
      .then((value: unknown) => value as SendResult)
      .catch((): SendResult => ({
        ok: false,
        message: 'The server did not answer properly (' + response.status + ').',
      }));
    if (response.status === 401) {
      body.message =
        'You have been signed out. Nothing was sent: copy your text, sign in again in another tab, then send it.';
    }
    return body;
  } catch {
    return {
      ok: false,
      message: 'Not sent: the connection to the server was lost. Your text is still here; try again.',
    };
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-console-send]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (button?.disabled) return;
    const kind = form.dataset.consoleSend;
    const field = form.querySelector<FormField>(FIELD);
    if (button) button.disabled = true;
    let body: SendResult;
    try {
      body = await post(form);
    } finally {
      if (button) button.disabled = false;
    }
    if (!body.ok) {
      showFieldError(form, body.message || 'Not sent. Your text is still here; try again.');
      return;
    }
    clearFieldError(form);
    if (kind === 'line' && body.line) appendLine(body.line);
    if (kind === 'note' && body.note) appendNote(body.note);
    if (kind === 'reload') {
      window.location.reload();
      return;
    }
    if (field && field.tagName !== 'SELECT') field.value = '';
    say('chat-status', kind === 'note' ? 'Note added.' : 'Sent.');
    field?.focus();
  });
}

const message = document.getElementById('message') as HTMLTextAreaElement | null;
message?.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    message.form?.requestSubmit();
  }
});

const canned = document.querySelector<HTMLFormElement>('form[data-console-canned]');
canned?.addEventListener('submit', (event) => {
  const choice = canned.querySelector('select')?.value;
  const template = document.getElementById('canned-texts') as HTMLTemplateElement | null;
  const text = template?.content.querySelector('[data-index="' + CSS.escape(choice ?? '') + '"]')?.textContent;
  if (!message || text === undefined || text === null) return;
  event.preventDefault();
  message.value = message.value ? message.value + '\n' + text : text;
  message.focus();
  say('chat-status', 'Reply added to the message box. Check it, then send.');
});

openStream();
