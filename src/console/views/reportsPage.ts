import type { FigureNames } from '../../figures/figuresCsv';
import type { FiguresReport } from '../../figures/figuresService';
import type { ReportFilters } from '../routes/reportQuery';
import { errorFor, type FieldError, select, textInput } from './components';
import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';
import { reportSections } from './reportSections';

export interface ReportsView {
  filters: ReportFilters;
  services: readonly string[];
  errors: readonly FieldError[];
  /** Absent when the filters are wrong. */
  report?: FiguresReport;
  names: FigureNames;
  /** The CSV export of the same figures. */
  csvHref?: string;
}

/**
 * Supervisors' reports: a GET form of filters (works without JavaScript), then each group of figures as a chart
 * drawn on the server with its table (the accessible source) below it, and a link to the same figures as CSV.
 */
export function renderReportsPage(frame: PageFrame, view: ReportsView): string {
  const { filters, report } = view;
  const first = report?.periods[0]?.period;
  const last = report?.periods.at(-1)?.period;
  return renderPage(frame, {
    title: 'Reports',
    current: 'reports',
    width: 'full',
    errors: view.errors,
    body: html`<h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">
        How the service is doing against the council's customer care standards, from what the bot, the team and
        residents did. Counts and times only: no resident's details are kept for these figures.
      </p>
      <form method="get" action="/console/reports" class="govuk-!-margin-bottom-6" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter">
            ${select({
              id: 'period',
              name: 'period',
              label: 'Period',
              error: errorFor(view.errors, 'period'),
              options: [
                { value: 'day', text: 'Days', selected: filters.period === 'day' },
                { value: 'week', text: 'Weeks', selected: filters.period === 'week' },
                { value: 'month', text: 'Months', selected: filters.period === 'month' },
              ],
            })}
          </div>
          <div class="govuk-grid-column-one-quarter">
            ${textInput({
              id: 'count',
              name: 'count',
              label: 'How many periods',
              hint: 'Including the current one',
              value: filters.count,
              inputClass: 'govuk-input--width-4',
              error: errorFor(view.errors, 'count'),
            })}
          </div>
          <div class="govuk-grid-column-one-half">
            ${select({
              id: 'service',
              name: 'service',
              label: 'Service',
              error: errorFor(view.errors, 'service'),
              options: [
                { value: '', text: 'All services', selected: filters.service === '' },
                ...view.services.map((service) => ({
                  value: service,
                  text: service,
                  selected: filters.service === service,
                })),
              ],
            })}
          </div>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show figures
        </button>
      </form>
      ${
        report &&
        first &&
        last &&
        html`<div class="govuk-inset-text">
            <p class="govuk-body">
              ${report.service ?? 'All services'}, ${first.label} to ${last.label}. The last period is not over yet.
              ${
                report.service &&
                'A service’s figures count every conversation that touched it (an answer from one of its articles, a handoff to it or one of its requests).'
              }
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href="${view.csvHref ?? ''}">Download CSV</a>
              (the same figures, one row per period)
            </p>
          </div>
          ${reportSections(report, view.names)}`
      }`,
  });
}
