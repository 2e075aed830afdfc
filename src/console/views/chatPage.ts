import type { ChatView, TranscriptLine } from '../../handoff/handoffDesk';
import { REQUEST_DEFINITIONS, REQUEST_TYPES } from '../../requests/requestTypes';
import {
  type Banner,
  buttonForm,
  csrfField,
  errorFor,
  type FieldError,
  select,
  summaryList,
  type SummaryRow,
  textarea,
  textInput,
} from './components';
import { describeReason } from './describeReason';
import { formatDateTime, formatTime, formatWait } from './formatTime';
import { renderBotMarkdown } from './botMarkdown';
import { html, type SafeHtml } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';
import { acceptButton, priorityTag } from './queuePage';
import { urgentAlert, urgentLabel } from './urgentAlert';

export interface ChatPageView {
  chat: ChatView;
  me: { id: string };
  now: Date;
  cannedResponses: ReadonlyArray<{ title: string; text: string }>;
  teams: readonly string[];
  articles: ReadonlyArray<{ id: string; title: string }>;
  /** What the CSA typed, kept after a failed send. */
  draft?: { message?: string; note?: string; reference?: string };
  errors?: readonly FieldError[];
  banner?: Banner;
}

function captionOf(view: ChatPageView, mine: boolean): string {
  const { item } = view.chat;
  if (item.state === 'queued') return 'Waiting in the queue';
  if (item.state === 'ended') return 'Chat ended';
  if (item.state === 'callbackBooked') return 'Callback booked';
  return mine ? 'Your chat' : `Being helped by ${item.assignedCsa?.displayName ?? 'another CSA'}`;
}

function replyHintOf(state: ChatPageView['chat']['item']['state']): string {
  if (state === 'ended') return 'This chat has ended.';
  if (state === 'callbackBooked') return 'The resident asked to be contacted: see Callbacks.';
  return 'Accept the chat to reply.';
}

/**
 * A conversation handed off: the brief first (so the CSA never asks again what the resident already said), then the
 * whole transcript with each speaker marked in words as well as colour, then the tools. The transcript is a polite
 * live region, so new lines are read out.
 */
export function renderChatPage(frame: PageFrame, view: ChatPageView): string {
  const { item } = view.chat;
  const mine = item.state === 'accepted' && item.assignedCsa?.id === view.me.id;
  const errors = view.errors ?? [];
  return renderPage(frame, {
    title: `Chat: ${item.topic}`,
    current: 'queue',
    width: 'full',
    errors,
    banner: view.banner,
    mainData: { stream: `/console/stream?chat=${encodeURIComponent(item.sessionId)}`, chat: item.sessionId },
    body: html`<span class="govuk-caption-l">${captionOf(view, mine)}</span>
      <h1 class="govuk-heading-l">${item.topic}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          ${
            item.priority === 'urgent' &&
            urgentAlert(
              `${urgentLabel(view.chat.brief.urgentCategory ?? item.urgentCategory)}. The resident was given the emergency numbers. Check first that they are safe now.`,
            )
          }
          ${item.state === 'queued' && html`<div class="console-actions">${acceptButton(frame, item.sessionId)}</div>`}
          ${renderBrief(view)}
          <h2 class="govuk-heading-m" id="transcript-heading">Conversation</h2>
          <ol
            class="console-transcript"
            id="transcript"
            aria-labelledby="transcript-heading"
            aria-live="polite"
            aria-relevant="additions"
            tabindex="0"
          >
            ${view.chat.transcript.map((line) => renderLine(line, view.now))}
          </ol>
          <p class="govuk-body console-status" id="chat-status" role="status"></p>
          ${mine ? messageForm(frame, view, errors) : html`<p class="govuk-body">${replyHintOf(item.state)}</p>`}
        </div>
        <div class="govuk-grid-column-one-third">
          ${mine && tools(frame, view, errors)} ${notes(frame, view, errors, mine)}
        </div>
      </div>
      <noscript
        ><p class="govuk-body">
          New messages do not appear by themselves without JavaScript.
          <a class="govuk-link" href="/console/chats/${item.sessionId}">Reload the chat</a> to see them.
        </p></noscript
      >`,
  });
}

function renderBrief(view: ChatPageView): SafeHtml {
  const { brief, item } = view.chat;
  const waitedUntil = item.acceptedAt ?? view.now;
  const details = brief.details;
  const detailRows: SummaryRow[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value) detailRows.push({ key, value });
  };
  add('Name', details.name);
  add('Email', details.email);
  add('Phone', details.phone);
  add('Address', details.address);
  add('Postcode', details.postcode);
  if (details.requestReferences.length > 0) {
    detailRows.push({
      key: 'Service requests',
      value: html`${details.requestReferences.map(
        (reference, index) =>
          html`${index > 0 && ', '}<a class="govuk-link" href="/console/requests/${encodeURIComponent(reference)}"
              >${reference}</a
            >`,
      )}`,
    });
  }
  return html`<h2 class="govuk-heading-m">Brief</h2>
    ${summaryList([
      { key: 'Why', value: brief.reasonText || describeReason(brief.reason) },
      { key: 'Service area', value: brief.serviceArea },
      { key: 'Priority', value: priorityTag(brief) },
      { key: item.acceptedAt ? 'Waited' : 'Waiting', value: formatWait(brief.queuedAt, waitedUntil) },
      { key: 'Team', value: item.team },
      { key: 'Channel', value: brief.channel === 'directline' ? 'Website chat' : brief.channel },
      { key: 'Conversation started', value: formatDateTime(brief.conversationStartedAt) },
    ])}
    <h3 class="govuk-heading-s">In their own words</h3>
    ${
      brief.residentWords.length === 0
        ? html`<p class="govuk-body">The resident has not said anything about their problem yet.</p>`
        : html`<ul class="govuk-list govuk-list--bullet">
            ${brief.residentWords.map((words) => html`<li class="console-quote">${words}</li>`)}
          </ul>`
    }
    <h3 class="govuk-heading-s">Articles the bot showed</h3>
    ${
      brief.articlesShown.length === 0
        ? html`<p class="govuk-body">None.</p>`
        : html`<ul class="govuk-list">
            ${brief.articlesShown.map(
              (article) =>
                html`<li>
                  ${safeHref(article.url) ? html`<a class="govuk-link" href="${article.url}" rel="noreferrer noopener" target="_blank">${article.title} (opens in new tab)</a>` : article.title}
                </li>`,
            )}
          </ul>`
    }
    ${
      brief.botReplies.length > 0 &&
      html`<h3 class="govuk-heading-s">What the bot last said</h3>
        <ul class="govuk-list govuk-list--bullet">
          ${brief.botReplies.map(
            (reply) => html`<li class="console-quote console-line__text--bot">${renderBotMarkdown(reply)}</li>`,
          )}
        </ul>`
    }
    <h3 class="govuk-heading-s">Details already given</h3>
    ${detailRows.length === 0 ? html`<p class="govuk-body">None yet.</p>` : summaryList(detailRows)}`;
}

const SPEAKERS: Record<TranscriptLine['from'], string> = {
  resident: 'Resident',
  bot: 'Bot',
  csa: 'CSA',
  system: 'System',
};

/** One line of the transcript; the console's script builds the same markup for lines that arrive live. */
export function renderLine(line: TranscriptLine, now: Date): SafeHtml {
  const speaker = line.from === 'csa' && line.name ? `${line.name} (CSA)` : SPEAKERS[line.from];
  return html`<li class="console-line console-line--${line.from}" id="line-${line.id}" data-line-id="${line.id}">
    <span class="console-line__meta"
      ><strong>${speaker}</strong> at <time datetime="${line.at.toISOString()}">${formatTime(line.at, now)}</time></span
    >
    ${
      line.from === 'bot'
        ? html`<div class="console-line__text console-line__text--bot">${renderBotMarkdown(line.text)}</div>`
        : html`<p class="console-line__text">${line.text}</p>`
    }
    ${
      line.attachments.length > 0 &&
      html`<ul class="govuk-list govuk-body-s">
        ${line.attachments.map(
          (attachment) =>
            html`<li>
              ${
                attachment.url && safeHref(attachment.url)
                  ? html`<a class="govuk-link" href="${attachment.url}" rel="noreferrer noopener" target="_blank"
                      >${attachment.name ?? 'Attachment'} (${attachment.contentType}, opens in new tab)</a
                    >`
                  : html`${attachment.name ?? 'Attachment'} (${attachment.contentType})`
              }
            </li>`,
        )}
      </ul>`
    }
  </li>`;
}

function messageForm(frame: PageFrame, view: ChatPageView, errors: readonly FieldError[]): SafeHtml {
  const id = view.chat.item.sessionId;
  return html`<form
      method="post"
      action="/console/chats/${id}/messages"
      id="message-form"
      data-console-send="line"
      novalidate
    >
      ${csrfField(frame.csrfToken ?? '')}
      ${textarea({
        id: 'message',
        name: 'text',
        label: 'Message',
        hint: 'The resident sees it from the council’s team, with your first name. Ctrl and Enter sends it.',
        value: view.draft?.message,
        error: errorFor(errors, 'message'),
        rows: 4,
      })}
      <button type="submit" class="govuk-button" data-module="govuk-button">Send</button>
    </form>
    ${
      view.cannedResponses.length > 0 &&
      html`<form method="get" action="/console/chats/${id}" id="canned-form" data-console-canned novalidate>
          ${select({
            id: 'canned',
            name: 'canned',
            label: 'Ready-made reply',
            hint: 'Puts the reply in the message box for you to check and send.',
            options: view.cannedResponses.map((response, index) => ({ value: String(index), text: response.title })),
          })}
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            Use this reply
          </button>
        </form>
        <template id="canned-texts"
          >${view.cannedResponses.map((response, index) => html`<span data-index="${index}">${response.text}</span>`)}</template
        >`
    }`;
}

function tools(frame: PageFrame, view: ChatPageView, errors: readonly FieldError[]): SafeHtml {
  const id = view.chat.item.sessionId;
  const csrf = frame.csrfToken ?? '';
  return html`<h2 class="govuk-heading-m">Tools</h2>
    <form method="post" action="/console/chats/${id}/articles" data-console-send="line" novalidate>
      ${csrfField(csrf)}
      ${select({
        id: 'articleId',
        name: 'articleId',
        label: 'Send an article',
        hint: 'The resident gets its link and summary.',
        error: errorFor(errors, 'articleId'),
        options: view.articles.map((article) => ({ value: article.id, text: article.title })),
      })}
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Send article
      </button>
    </form>
    <form method="post" action="/console/chats/${id}/requests" data-console-send="reload" novalidate>
      ${csrfField(csrf)}
      ${textInput({
        id: 'reference',
        name: 'reference',
        label: 'Attach a service request',
        hint: 'Its reference, for example SR-7K3M9QXA',
        value: view.draft?.reference,
        error: errorFor(errors, 'reference'),
        inputClass: 'govuk-input--width-10',
        spellcheck: false,
      })}
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Attach request
      </button>
    </form>
    <form method="get" action="/console/chats/${id}/new-request" novalidate>
      ${select({
        id: 'type',
        name: 'type',
        label: 'Make a service request for the resident',
        hint: 'Filled in with the details they already gave.',
        options: REQUEST_TYPES.map((type) => ({ value: type, text: REQUEST_DEFINITIONS[type].title })),
      })}
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Start request
      </button>
    </form>
    <form method="post" action="/console/chats/${id}/transfer" novalidate>
      ${csrfField(csrf)}
      ${select({
        id: 'team',
        name: 'team',
        label: 'Transfer to another team',
        hint: 'The conversation goes back in the queue for that team, and the resident is told.',
        error: errorFor(errors, 'team'),
        options: view.teams.filter((team) => team !== view.chat.item.team).map((team) => ({ value: team, text: team })),
      })}
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Transfer</button>
    </form>
    <h2 class="govuk-heading-m">Finish</h2>
    <p class="govuk-body">The resident goes back to the bot, which asks them to rate the help they had.</p>
    ${buttonForm({ action: `/console/chats/${id}/end`, csrfToken: csrf, text: 'End chat', kind: 'warning' })}`;
}

function notes(frame: PageFrame, view: ChatPageView, errors: readonly FieldError[], mine: boolean): SafeHtml {
  const id = view.chat.item.sessionId;
  return html`<h2 class="govuk-heading-m" id="notes-heading">Private notes</h2>
    <p class="govuk-body-s">Only CSAs see these; the resident never does.</p>
    <ul class="console-notes" id="notes" aria-labelledby="notes-heading">
      ${view.chat.notes.map(
        (note) =>
          html`<li>
            <span class="console-line__meta"
              ><strong>${note.csa.displayName}</strong> at ${formatTime(note.at, view.now)}</span
            >
            <p class="console-line__text">${note.text}</p>
          </li>`,
      )}
    </ul>
    ${
      (mine || view.chat.item.state === 'queued') &&
      html`<form method="post" action="/console/chats/${id}/notes" data-console-send="note" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        ${textarea({ id: 'note', name: 'text', label: 'Private note', value: view.draft?.note, error: errorFor(errors, 'note'), rows: 3 })}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Add note</button>
      </form>`
    }`;
}

/** Only web addresses and this server's own paths become links; anything else (`javascript:`) stays text. */
function safeHref(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url);
}
