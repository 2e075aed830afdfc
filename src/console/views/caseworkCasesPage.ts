import type { CouncillorCase } from '../../casework/memberEnquiry';
import { formatLongDate } from '../../calendar/dateLabels';
import type { Banner } from './components';
import { tag } from './components';
import { formatDateTime } from './formatTime';
import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';
import { statusTag } from './requestsPages';

/** `Your cases`: the councillor's own cases, newest first, overdue ones marked. */
export function renderCasesPage(frame: PageFrame, cases: readonly CouncillorCase[], banner?: Banner): string {
  const overdue = cases.filter((item) => item.overdue).length;
  return renderPage(frame, {
    title: 'Your cases',
    current: 'cases',
    width: 'full',
    banner,
    body: html`<h1 class="govuk-heading-l">Your cases</h1>
      <a href="/console/casework/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button"
        >Raise a case</a
      >
      ${
        cases.length === 0
          ? html`<p class="govuk-body">You have not raised any cases yet.</p>`
          : html`${overdue > 0 && html`<p class="govuk-body"><strong>${overdue} overdue</strong>: the date a full reply was due has passed.</p>`}
              <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--m">
                  ${cases.length} case${cases.length === 1 ? '' : 's'}, newest first
                </caption>
                <thead class="govuk-table__head">
                  <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">Reference</th>
                    <th scope="col" class="govuk-table__header">Service area</th>
                    <th scope="col" class="govuk-table__header">Status</th>
                    <th scope="col" class="govuk-table__header">Reply due</th>
                    <th scope="col" class="govuk-table__header">Last update</th>
                  </tr>
                </thead>
                <tbody class="govuk-table__body">
                  ${cases.map(
                    (item) =>
                      html`<tr class="govuk-table__row">
                        <td class="govuk-table__cell">
                          <a class="govuk-link" href="/console/casework/cases/${encodeURIComponent(item.reference)}"
                            >${item.reference}</a
                          >
                        </td>
                        <td class="govuk-table__cell">${item.serviceArea}</td>
                        <td class="govuk-table__cell">${statusTag(item.status)}</td>
                        <td class="govuk-table__cell">
                          ${item.dueBy ? formatLongDate(item.dueBy) : 'Not set'}
                          ${item.overdue && tag('Overdue', 'red')}
                        </td>
                        <td class="govuk-table__cell">${formatDateTime(item.lastUpdate)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }`,
  });
}
