import { WARD_SUMMARY_DAYS, type WardSummaryRow } from '../../casework/wardSummary';
import type { Ward } from '../../places/wardSchema';
import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';
import { requestTypeName } from './requestsPages';

export interface WardPageView {
  ward: Ward;
  rows: readonly WardSummaryRow[];
  meetingsSite?: string;
}

/** `Your ward`: service requests in the ward over the last 90 days by type (counts only), and useful links. */
export function renderWardPage(frame: PageFrame, view: WardPageView): string {
  const { ward, rows } = view;
  return renderPage(frame, {
    title: 'Your ward',
    current: 'ward',
    width: 'full',
    body: html`<span class="govuk-caption-l">Your ward</span>
      <h1 class="govuk-heading-l">${ward.name}</h1>
      <h2 class="govuk-heading-m">Service requests in the last ${WARD_SUMMARY_DAYS} days</h2>
      <p class="govuk-body">
        Counts only: no residents’ names or contact details. Overdue means still open after the date a full reply was
        due.
      </p>
      ${
        rows.length === 0
          ? html`<p class="govuk-body">No service requests in the ward in the last ${WARD_SUMMARY_DAYS} days.</p>`
          : html`<table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">
                Service requests in ${ward.name} by type, last ${WARD_SUMMARY_DAYS} days
              </caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Type</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">All</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Open</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Resolved</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${rows.map(
                  (row) =>
                    html`<tr class="govuk-table__row">
                      <th scope="row" class="govuk-table__header">${requestTypeName(row.requestType)}</th>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${row.total}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${row.open}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${row.resolved}</td>
                      <td class="govuk-table__cell govuk-table__cell--numeric">${row.overdue}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <h2 class="govuk-heading-m">The ward’s councillors</h2>
      <ul class="govuk-list">
        ${ward.councillors.map(
          (councillor) =>
            html`<li>
              ${councillor.page ? html`<a class="govuk-link" href="${councillor.page}">${councillor.name}</a>` : councillor.name}
              (${councillor.party}), <a class="govuk-link" href="mailto:${councillor.email}">${councillor.email}</a>${
                councillor.phone && html`, ${councillor.phone}`
              }
            </li>`,
        )}
      </ul>
      ${
        view.meetingsSite &&
        html`<h2 class="govuk-heading-m">Meetings</h2>
          <p class="govuk-body">
            <a class="govuk-link" href="${view.meetingsSite}">Council meetings, agendas and minutes</a>
          </p>`
      }`,
  });
}
