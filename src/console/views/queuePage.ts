import type { QueueItem } from '../../handoff/handoffDesk';
import { type Banner, buttonForm, type FieldError, tag } from './components';
import { formatTime, formatWait } from './formatTime';
import { html, type SafeHtml } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';
import { describeReason } from './describeReason';
import { urgentAlert, urgentLabel } from './urgentAlert';

export interface QueueView {
  /** Undefined when the handoff desk is not wired in. */
  items?: readonly QueueItem[];
  me: { id: string; availability: 'available' | 'away' };
  availableCount?: number;
  now: Date;
  banner?: Banner;
  errors?: readonly FieldError[];
}

/**
 * The queue page: the CSA's availability, the waiting conversations (urgent first, then longest waiting) with their
 * topic, wait, priority, reason and an `Accept` button, and the CSA's own chats. Without JavaScript it is up to
 * date whenever it is loaded; with it, the live stream refreshes the queue in place.
 */
export function renderQueuePage(frame: PageFrame, view: QueueView): string {
  return renderPage(frame, {
    title: 'Queue',
    current: 'queue',
    width: 'full',
    banner: view.banner,
    errors: view.errors,
    mainData: view.items ? { stream: '/console/stream', fragment: '/console/queue' } : {},
    body: html`<h1 class="govuk-heading-l">Queue</h1>
      ${availabilityPanel(frame, view)}
      ${
        view.items
          ? html`<div id="queue-content">${renderQueueContent(frame, view)}</div>
              <p class="govuk-body console-status" id="queue-status" role="status"></p>
              <noscript
                ><p class="govuk-body">
                  This page does not update by itself without JavaScript.
                  <a class="govuk-link" href="/console">Reload the queue</a> to see new conversations.
                </p></noscript
              >`
          : html`<div
              class="govuk-notification-banner"
              role="region"
              aria-labelledby="desk-unavailable-title"
              data-module="govuk-notification-banner"
            >
              <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="desk-unavailable-title">Important</h2>
              </div>
              <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">Chats go to your external agent hub.</p>
                <p class="govuk-body">
                  This server hands residents to an agent hub through Azure Bot Service (HANDOFF_MODE=botframework), not
                  to this console. Callbacks and service requests still work here.
                </p>
              </div>
            </div>`
      }`,
  });
}

function availabilityPanel(frame: PageFrame, view: QueueView): SafeHtml {
  const available = view.me.availability === 'available';
  return html`<div class="govuk-inset-text" id="availability">
    <p class="govuk-body">
      You are
      ${available ? tag('Available', 'green') : tag('Away', 'grey')}${
        view.availableCount !== undefined &&
        html` <span class="govuk-body-s"
          >(${view.availableCount} CSA${view.availableCount === 1 ? '' : 's'} available now)</span
        >`
      }
    </p>
    ${buttonForm({
      action: '/console/availability',
      csrfToken: frame.csrfToken ?? '',
      text: available ? 'Away' : 'Available',
      kind: 'secondary',
      hidden: { availability: available ? 'away' : 'available' },
    })}
  </div>`;
}

/** The part of the queue page the live stream refreshes. */
export function renderQueueContent(frame: PageFrame, view: QueueView): SafeHtml {
  const items = view.items ?? [];
  const waiting = items.filter((item) => item.state === 'queued');
  const mine = items.filter((item) => item.state === 'accepted' && item.assignedCsa?.id === view.me.id);
  const others = items.filter((item) => item.state === 'accepted' && item.assignedCsa?.id !== view.me.id);
  const urgent = waiting.filter((item) => item.priority === 'urgent');
  return html`${
      urgent.length > 0 &&
      urgentAlert(
        urgent.length === 1
          ? `A resident may be at risk (${urgentLabel(urgent[0]?.urgentCategory).toLowerCase()}): their conversation is at the top of the queue. Accept it first.`
          : `${urgent.length} residents may be at risk: their conversations are at the top of the queue. Accept them first.`,
      )
    }
    <h2 class="govuk-heading-m" id="waiting-heading">Waiting (${waiting.length})</h2>
    ${
      waiting.length === 0
        ? html`<p class="govuk-body">Nobody is waiting.</p>`
        : html`<table class="govuk-table" aria-labelledby="waiting-heading">
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Topic</th>
                <th scope="col" class="govuk-table__header">Waiting</th>
                <th scope="col" class="govuk-table__header">Priority</th>
                <th scope="col" class="govuk-table__header">Reason</th>
                <th scope="col" class="govuk-table__header">Team</th>
                <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${waiting.map((item) => waitingRow(frame, item, view.now))}
            </tbody>
          </table>`
    }
    <h2 class="govuk-heading-m" id="mine-heading">Your chats (${mine.length})</h2>
    ${
      mine.length === 0
        ? html`<p class="govuk-body">You are not helping anyone at the moment.</p>`
        : html`<table class="govuk-table" aria-labelledby="mine-heading">
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Topic</th>
                <th scope="col" class="govuk-table__header">Accepted</th>
                <th scope="col" class="govuk-table__header">New messages</th>
                <th scope="col" class="govuk-table__header">Priority</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              ${mine.map(
                (item) =>
                  html`<tr class="govuk-table__row${item.priority === 'urgent' ? ' console-urgent' : ''}">
                    <td class="govuk-table__cell">
                      <a class="govuk-link" href="/console/chats/${item.sessionId}">${item.topic}</a>
                    </td>
                    <td class="govuk-table__cell">${item.acceptedAt ? formatTime(item.acceptedAt, view.now) : ''}</td>
                    <td class="govuk-table__cell">${item.residentMessagesSinceHandoff}</td>
                    <td class="govuk-table__cell">${priorityTag(item)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${
      others.length > 0 &&
      html`<h2 class="govuk-heading-m" id="others-heading">Being helped by others (${others.length})</h2>
        <table class="govuk-table" aria-labelledby="others-heading">
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Topic</th>
              <th scope="col" class="govuk-table__header">CSA</th>
              <th scope="col" class="govuk-table__header">Accepted</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${others.map(
              (item) =>
                html`<tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href="/console/chats/${item.sessionId}">${item.topic}</a>
                  </td>
                  <td class="govuk-table__cell">${item.assignedCsa?.displayName ?? ''}</td>
                  <td class="govuk-table__cell">${item.acceptedAt ? formatTime(item.acceptedAt, view.now) : ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
    }`;
}

function waitingRow(frame: PageFrame, item: QueueItem, now: Date): SafeHtml {
  const topicId = `topic-${item.sessionId}`;
  return html`<tr class="govuk-table__row${item.priority === 'urgent' ? ' console-urgent' : ''}">
    <td class="govuk-table__cell" id="${topicId}">
      <a class="govuk-link" href="/console/chats/${item.sessionId}">${item.topic}</a>${
        item.priority === 'urgent' && html`<br />${tag(urgentLabel(item.urgentCategory), 'red')}`
      }${
        item.residentMessagesSinceHandoff > 0 &&
        html`<br /><span class="govuk-body-s"
            >${item.residentMessagesSinceHandoff} new message${item.residentMessagesSinceHandoff === 1 ? '' : 's'}</span
          >`
      }
    </td>
    <td class="govuk-table__cell">${formatWait(item.queuedAt, now)}</td>
    <td class="govuk-table__cell">${priorityTag(item)}</td>
    <td class="govuk-table__cell">${describeReason(item.reason)}</td>
    <td class="govuk-table__cell">${item.team}</td>
    <td class="govuk-table__cell">${acceptButton(frame, item.sessionId, topicId)}</td>
  </tr>`;
}

/** The `Accept` button; its row's topic describes it for screen readers. */
export function acceptButton(frame: PageFrame, sessionId: string, describedBy?: string): SafeHtml {
  return html`<form method="post" action="/console/chats/${sessionId}/accept" class="console-inline-form" novalidate>
    <input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}" />
    <button
      type="submit"
      class="govuk-button govuk-!-margin-bottom-0"
      data-module="govuk-button"
      data-prevent-double-click="true"
      ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
    >
      Accept
    </button>
  </form>`;
}

export function priorityTag(item: { priority: 'urgent' | 'normal' }): SafeHtml {
  return item.priority === 'urgent' ? tag('Urgent', 'red') : tag('Normal', 'grey');
}
