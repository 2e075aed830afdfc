import type { CallbackWindow } from '../../contactCentre/callbackWindow';
import { clock } from '../../contactCentre/openingHours';
import { formatLongDate } from '../../calendar/dateLabels';
import {
  REQUEST_STATUSES,
  type RequestStatus,
  type ServiceRequest,
} from '../../storage/repositories/requestRepository';
import { type Banner, csrfField, errorFor, type FieldError, select, summaryList, tag, textarea } from './components';
import { formatDateTime } from './formatTime';
import { SAFEGUARDING_DETAIL } from '../../handoff/handoffPort';
import { urgentCategoryName } from '../../handoff/urgentCategoryName';
import { URGENT_CATEGORIES, type UrgentCategory } from '../../safety/urgentCategory';
import { html, type SafeHtml } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

const STATUS_NAMES: Record<RequestStatus, string> = {
  submitted: 'Submitted',
  forwarded: 'Sent to the service',
  inProgress: 'In progress',
  resolved: 'Resolved',
  cancelled: 'Cancelled',
};
const STATUS_COLOURS: Record<RequestStatus, 'blue' | 'yellow' | 'orange' | 'green' | 'grey'> = {
  submitted: 'blue',
  forwarded: 'yellow',
  inProgress: 'orange',
  resolved: 'green',
  cancelled: 'grey',
};

export function statusTag(status: RequestStatus): SafeHtml {
  return tag(STATUS_NAMES[status], STATUS_COLOURS[status]);
}

/** "missed-bin" → "Missed bin". */
export function requestTypeName(requestType: string): string {
  const words = requestType.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** When the resident asked to be called, as they gave it (the callback dialog's answer). */
export function preferredTimeOf(request: ServiceRequest): string | undefined {
  const key = Object.keys(request.details).find((name) => /prefer|when|time|callback/i.test(name));
  return key ? request.details[key] : undefined;
}

/** A callback the bot recorded for a flagged conversation nobody could take (`details.safeguarding` is its kind). */
export function isSafeguardingFollowUp(request: ServiceRequest): boolean {
  return categoryOf(request) !== undefined;
}

function categoryOf(request: ServiceRequest): UrgentCategory | undefined {
  const value = request.details[SAFEGUARDING_DETAIL];
  return URGENT_CATEGORIES.find((category) => category === value);
}

/** "Monday 7 December 2026, 9am to 12pm" */
function describeWindow(window: CallbackWindow): string {
  return `${formatLongDate(window.date)}, ${clock(window.startMinutes)} to ${clock(window.endMinutes)}`;
}

export function topicOf(request: ServiceRequest): string {
  const key = Object.keys(request.details).find((name) => /topic|subject|about|reason/i.test(name));
  return (key ? request.details[key] : undefined) ?? requestTypeName(request.requestType);
}

export interface RequestFilters {
  status?: string;
  type?: string;
}

export function renderRequestsPage(
  frame: PageFrame,
  view: { requests: readonly ServiceRequest[]; filters: RequestFilters; types: readonly string[] },
): string {
  return renderPage(frame, {
    title: 'Service requests',
    current: 'requests',
    width: 'full',
    body: html`<h1 class="govuk-heading-l">Service requests</h1>
      <form method="get" action="/console/requests" class="govuk-!-margin-bottom-6" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">
            ${select({
              id: 'status',
              name: 'status',
              label: 'Status',
              options: [
                { value: '', text: 'Open (not resolved or cancelled)', selected: !view.filters.status },
                { value: 'all', text: 'Any status', selected: view.filters.status === 'all' },
                ...REQUEST_STATUSES.map((status) => ({
                  value: status,
                  text: STATUS_NAMES[status],
                  selected: view.filters.status === status,
                })),
              ],
            })}
          </div>
          <div class="govuk-grid-column-one-third">
            ${select({
              id: 'type',
              name: 'type',
              label: 'Type',
              options: [
                { value: '', text: 'Any type', selected: !view.filters.type },
                ...view.types.map((type) => ({
                  value: type,
                  text: requestTypeName(type),
                  selected: view.filters.type === type,
                })),
              ],
            })}
          </div>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show requests
        </button>
      </form>
      <p class="govuk-body">
        To find one request, open <code>/console/requests/</code> followed by its reference, or follow the link from a
        chat’s brief.
      </p>
      ${
        view.requests.length === 0
          ? html`<p class="govuk-body">No requests match.</p>`
          : html`<table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">
                ${view.requests.length} request${view.requests.length === 1 ? '' : 's'}, newest first
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Reference</th>
                  <th scope="col" class="govuk-table__header">Type</th>
                  <th scope="col" class="govuk-table__header">Status</th>
                  <th scope="col" class="govuk-table__header">Made</th>
                  <th scope="col" class="govuk-table__header">Last change</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${view.requests.map(
                  (request) =>
                    html`<tr class="govuk-table__row">
                      <td class="govuk-table__cell">
                        <a class="govuk-link" href="/console/requests/${encodeURIComponent(request.reference)}"
                          >${request.reference}</a
                        >
                      </td>
                      <td class="govuk-table__cell">
                        ${requestTypeName(request.requestType)}${
                          request.details.councillor &&
                          html`<br /><span class="govuk-body-s"
                              >Councillor enquiry from ${request.details.councillor}</span
                            >`
                        }
                      </td>
                      <td class="govuk-table__cell">${statusTag(request.status)}</td>
                      <td class="govuk-table__cell">${formatDateTime(request.createdAt)}</td>
                      <td class="govuk-table__cell">${formatDateTime(request.updatedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  });
}

export function renderRequestPage(
  frame: PageFrame,
  request: ServiceRequest,
  options: { errors?: readonly FieldError[]; banner?: Banner; draft?: { status?: string; note?: string } },
): string {
  const errors = options.errors ?? [];
  const contact = request.contact;
  const contactRows = [
    ['Name', contact.name],
    ['Email', contact.email],
    ['Phone', contact.phone],
    ['Address', contact.address],
  ]
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([key, value]) => ({ key, value }));
  return renderPage(frame, {
    title: `Request ${request.reference}`,
    current: 'requests',
    errors,
    banner: options.banner,
    body: html`<a href="/console/requests" class="govuk-back-link">Back to service requests</a>
      <span class="govuk-caption-l">${requestTypeName(request.requestType)}</span>
      <h1 class="govuk-heading-l">Request ${request.reference}</h1>
      ${summaryList([
        { key: 'Status', value: statusTag(request.status) },
        { key: 'Made', value: formatDateTime(request.createdAt) },
        ...Object.entries(request.details).map(([key, value]) => ({
          key: requestTypeName(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()),
          value,
        })),
      ])}
      <h2 class="govuk-heading-m">Contact</h2>
      ${contactRows.length > 0 ? summaryList(contactRows) : html`<p class="govuk-body">No contact details were given.</p>`}
      <h2 class="govuk-heading-m">History</h2>
      <ol class="govuk-list govuk-list--number">
        ${request.statusHistory.map(
          (change) =>
            html`<li>
              ${STATUS_NAMES[change.status]},
              ${formatDateTime(change.at)}${change.note ? html`: <span class="console-quote">${change.note}</span>` : ''}
            </li>`,
        )}
      </ol>
      <h2 class="govuk-heading-m">Update the status</h2>
      <form method="post" action="/console/requests/${encodeURIComponent(request.reference)}/status" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        ${select({
          id: 'status',
          name: 'status',
          label: 'New status',
          error: errorFor(errors, 'status'),
          options: REQUEST_STATUSES.map((status) => ({
            value: status,
            text: STATUS_NAMES[status],
            selected: (options.draft?.status ?? request.status) === status,
          })),
        })}
        ${textarea({ id: 'note', name: 'note', label: 'Note', hint: 'What was done, or why. Kept in the request’s history.', value: options.draft?.note, error: errorFor(errors, 'note') })}
        <button type="submit" class="govuk-button" data-module="govuk-button">Update status</button>
      </form>`,
  });
}

export function renderCallbacksPage(
  frame: PageFrame,
  view: {
    callbacks: readonly ServiceRequest[];
    /** The handoff (brief and conversation) behind each callback, by reference, where there is one. */
    briefs?: ReadonlyMap<string, string>;
    /** When the resident was promised the call, by reference. */
    windows?: ReadonlyMap<string, CallbackWindow>;
    errors?: readonly FieldError[];
    banner?: Banner;
    draft?: { reference: string; outcome: string };
  },
): string {
  const errors = view.errors ?? [];
  return renderPage(frame, {
    title: 'Callbacks',
    current: 'callbacks',
    width: 'full',
    errors,
    banner: view.banner,
    body: html`<h1 class="govuk-heading-l">Callbacks</h1>
      <p class="govuk-body">
        Residents waiting for a call or an email back: safeguarding follow-ups first, then by the time we promised. When
        you have called, record what happened.
      </p>
      ${
        view.callbacks.length === 0
          ? html`<p class="govuk-body">No callbacks are waiting.</p>`
          : view.callbacks.map((request) =>
              callbackCard(
                frame,
                request,
                errors,
                view.draft,
                view.briefs?.get(request.reference),
                view.windows?.get(request.reference),
              ),
            )
      }`,
  });
}

function callbackCard(
  frame: PageFrame,
  request: ServiceRequest,
  errors: readonly FieldError[],
  draft: { reference: string; outcome: string } | undefined,
  briefSessionId: string | undefined,
  window: CallbackWindow | undefined,
): SafeHtml {
  const id = `outcome-${request.reference}`;
  const drafted = draft?.reference === request.reference;
  const brief = briefSessionId
    ? html`<p class="govuk-body">
        <a class="govuk-link" href="/console/chats/${encodeURIComponent(briefSessionId)}"
          >Brief and conversation<span class="govuk-visually-hidden"> for ${request.reference}</span></a
        >
      </p>`
    : html``;
  const category = categoryOf(request);
  return html`<div class="govuk-summary-card${category ? ' console-urgent' : ''}">
    <div class="govuk-summary-card__title-wrapper">
      <h2 class="govuk-summary-card__title">
        ${category && html`${tag(`Urgent: ${urgentCategoryName(category)}`, 'red')} `}${topicOf(request)}
        <span class="govuk-body-s">(${request.reference})</span>
      </h2>
    </div>
    <div class="govuk-summary-card__content">
      ${summaryList([
        ...(window ? [{ key: 'Promised', value: describeWindow(window) }] : []),
        { key: 'Preferred time', value: preferredTimeOf(request) ?? 'Any time' },
        { key: 'Asked', value: formatDateTime(request.createdAt) },
        { key: 'Phone', value: request.contact.phone ?? 'Not given' },
        { key: 'Email', value: request.contact.email ?? 'Not given' },
        { key: 'Name', value: request.contact.name ?? 'Not given' },
        { key: 'Status', value: statusTag(request.status) },
      ])}
      ${brief}
      <form method="post" action="/console/callbacks/${encodeURIComponent(request.reference)}/done" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        ${textarea({
          id,
          name: 'outcome',
          label: `Outcome of the callback ${request.reference}`,
          hint: 'For example: called, explained the collection dates, no further action.',
          value: drafted ? draft?.outcome : undefined,
          error: drafted ? errorFor(errors, id) : undefined,
          rows: 2,
        })}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Mark done<span class="govuk-visually-hidden"> for ${request.reference}</span>
        </button>
      </form>
    </div>
  </div>`;
}
