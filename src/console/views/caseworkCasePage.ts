import type { CaseHistoryEntry, CouncillorCase } from '../../casework/memberEnquiry';
import { formatLongDate } from '../../calendar/dateLabels';
import { csrfField, errorFor, type FieldError, summaryList, tag, textarea } from './components';
import { formatDateTime } from './formatTime';
import { html, type SafeHtml } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';
import { statusTag } from './requestsPages';

export interface CasePageView {
  item: CouncillorCase;
  /** Just raised: show the reference and due date in a confirmation panel. */
  raised?: boolean;
  updated?: boolean;
  errors?: readonly FieldError[];
  draftUpdate?: string;
}

/** One of the councillor's cases: its details, its history with the council's notes, and `Add an update`. */
export function renderCasePage(frame: PageFrame, view: CasePageView): string {
  const { item } = view;
  const errors = view.errors ?? [];
  const due = item.dueBy ? formatLongDate(item.dueBy) : undefined;
  const constituent = [
    ['Name', item.constituent.name],
    ['Email', item.constituent.email],
    ['Phone', item.constituent.phone],
    ['Address', item.constituent.address],
  ]
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([key, value]) => ({ key, value }));
  return renderPage(frame, {
    title: `Case ${item.reference}`,
    current: 'cases',
    errors,
    banner: view.updated ? { kind: 'success', text: 'Your update has been added to the case.' } : undefined,
    body: html`<a href="/console/casework" class="govuk-back-link">Back to your cases</a>
      ${
        view.raised
          ? html`<div class="govuk-panel govuk-panel--confirmation">
                <h1 class="govuk-panel__title">Case raised</h1>
                <div class="govuk-panel__body">
                  Your reference<br /><strong>${item.reference}</strong
                  >${due && html`<br />A full reply is due by ${due}`}
                </div>
              </div>
              <p class="govuk-body">We have emailed you these details. The case has gone to the service team.</p>`
          : html`<span class="govuk-caption-l">${item.serviceArea}</span>
              <h1 class="govuk-heading-l">Case ${item.reference}</h1>`
      }
      ${summaryList([
        { key: 'Reference', value: item.reference },
        { key: 'Service area', value: item.serviceArea },
        { key: 'Status', value: statusTag(item.status) },
        { key: 'Raised', value: formatDateTime(item.raisedAt) },
        { key: 'Full reply due by', value: html`${due ?? 'Not set'} ${item.overdue && tag('Overdue', 'red')}` },
      ])}
      <h2 class="govuk-heading-m">What is the problem</h2>
      <p class="govuk-body console-quote">${item.problem}</p>
      <h2 class="govuk-heading-m">Constituent</h2>
      ${summaryList(constituent)}
      <h2 class="govuk-heading-m">History</h2>
      <ol class="govuk-list govuk-list--number">
        ${item.history.map(historyItem)}
      </ol>
      <h2 class="govuk-heading-m">Add an update</h2>
      <form method="post" action="/console/casework/cases/${encodeURIComponent(item.reference)}/updates" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        ${textarea({ id: 'update', name: 'update', label: 'Your update', hint: 'Anything new from the constituent, or a question for the team. Staff see it in the case’s history.', value: view.draftUpdate, error: errorFor(errors, 'update'), rows: 4 })}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add an update
        </button>
      </form>`,
  });
}

function historyItem(entry: CaseHistoryEntry): SafeHtml {
  if (entry.kind === 'councillorUpdate') {
    return html`<li>Your update, ${formatDateTime(entry.at)}: <span class="console-quote">${entry.text}</span></li>`;
  }
  return html`<li>
    ${statusTag(entry.status)}
    ${formatDateTime(entry.at)}${
      entry.note && html`<br />Note from the council: <span class="console-quote">${entry.note}</span>`
    }
  </li>`;
}
