import type { PeriodFigures } from '../../figures/computeFigures';
import type { FigureNames } from '../../figures/figuresCsv';
import type { FiguresReport } from '../../figures/figuresService';
import type { Granularity } from '../../figures/periods';
import { barChart } from '../../web/charts/barChart';
import { type DataTable, dataTable } from './dataTable';
import { html, type SafeHtml } from '../../web/html/html';
import { urgentCategoryName } from '../../handoff/urgentCategoryName';
import { URGENT_CATEGORIES } from '../../safety/urgentCategory';

export const PER: Record<Granularity, string> = { day: 'per day', week: 'per week', month: 'per month' };

export const ROW_HEADER: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** Articles shown in the "Was this helpful?" figures: those with the most answers rated. */
export const TOP_ARTICLES = 10;

export const SEE_TABLE = 'The figures are in the table below the chart.';

export interface SectionContext {
  report: FiguresReport;
  names: FigureNames;
  /** `per week` */
  per: string;
  rowHeader: string;
}

export function section(id: string, title: string, description: string, ...parts: SafeHtml[]): SafeHtml {
  return html`<section class="figures-section" aria-labelledby="${id}">
    <h2 class="govuk-heading-m" id="${id}">${title}</h2>
    <p class="govuk-body">${description}</p>
    ${parts}
  </section>`;
}

export function table(
  context: SectionContext,
  caption: string,
  columns: string[],
  cells: (f: PeriodFigures) => Array<string | number>,
): SafeHtml {
  const spec: DataTable = {
    caption,
    rowHeader: context.rowHeader,
    columns,
    rows: context.report.periods.map((figures) => ({
      header: periodName(figures, context.report),
      cells: cells(figures),
    })),
  };
  return dataTable(spec);
}

export function periodName(figures: PeriodFigures, report: FiguresReport): string {
  return figures.period.end > report.generatedAt ? `${figures.period.label} (so far)` : figures.period.label;
}

export function categories(context: SectionContext): string[] {
  return context.report.periods.map((figures) => figures.period.shortLabel);
}

export function categoryName(code: string): string {
  const category = URGENT_CATEGORIES.find((known) => known === code);
  return category ? urgentCategoryName(category) : code;
}

export function onTimeSeries(figures: ReadonlyArray<{ onTime: number; late: number; pending: number }>) {
  return [
    { name: 'On time', values: figures.map((f) => f.onTime), colour: '#00703c' },
    { name: 'Late', values: figures.map((f) => f.late), colour: '#d4351c' },
    { name: 'Not yet due', values: figures.map((f) => f.pending), colour: '#505a5f' },
  ];
}

export interface Breakdown {
  /** `Handoffs` */
  what: string;
  /** `reason` */
  by: string;
  counts(figures: PeriodFigures): Record<string, number>;
  /** A key's name for people (a reason's words, a request type's title); the key itself by default. */
  name?: (key: string) => string;
  /** Columns before the categories' (totals). */
  leading?: { columns: string[]; cells(figures: PeriodFigures): Array<string | number> };
}

/**
 * Counts by category (reasons, services, request types): a bar chart of each category over all the periods, largest
 * first, and a table of each period's counts. Nothing when no period has any, unless there are leading columns.
 */
export function breakdown(context: SectionContext, spec: Breakdown): SafeHtml[] {
  const totals = totalsOf(context.report.periods, spec.counts);
  const name = spec.name ?? ((key: string) => key);
  const what = spec.what.toLowerCase();
  if (totals.length === 0 && !spec.leading) return [];
  const chart =
    totals.length === 0
      ? html`<p class="govuk-body">No ${what} in these periods.</p>`
      : barChart({
          label: `Bar chart of ${what} by ${spec.by}, all periods together. ${SEE_TABLE}`,
          series: [spec.what],
          bars: totals.map(([key, count]) => ({ label: name(key), values: [count] })),
        });
  return [
    chart,
    table(
      context,
      `${spec.what} by ${spec.by} ${context.per}`,
      [...(spec.leading?.columns ?? []), ...totals.map(([key]) => name(key))],
      (f) => [...(spec.leading?.cells(f) ?? []), ...totals.map(([key]) => spec.counts(f)[key] ?? 0)],
    ),
  ];
}

/** Each key's total over the periods, largest first. */
export function totalsOf(
  periods: readonly PeriodFigures[],
  counts: (f: PeriodFigures) => Record<string, number>,
): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const figures of periods) {
    for (const [key, count] of Object.entries(counts(figures))) totals.set(key, (totals.get(key) ?? 0) + count);
  }
  return [...totals.entries()].sort(([a, one], [b, other]) => other - one || a.localeCompare(b));
}
