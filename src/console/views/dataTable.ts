import { html, type SafeHtml } from '../../web/html/html';

export type Cell = string | number;

export interface DataTable {
  /** Says what the table holds; also names its scrolling region. */
  caption: string;
  /** The first column's header (what each row is: "Week", "Article"). */
  rowHeader: string;
  columns: readonly string[];
  rows: ReadonlyArray<{ header: string; cells: readonly Cell[] }>;
}

/** Tables wider than this scroll sideways in a focusable region rather than squeezing their columns. */
const SCROLL_FROM_COLUMNS = 5;

/**
 * A GOV.UK table of figures, the accessible form of a chart: a caption, column headers and row headers with their
 * scope, numbers right-aligned. Wide tables scroll in a region keyboard users can reach.
 */
export function dataTable(table: DataTable): SafeHtml {
  const markup = html`<table class="govuk-table figures-table">
    <caption class="govuk-table__caption govuk-table__caption--s">
      ${table.caption}
    </caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">${table.rowHeader}</th>
        ${table.columns.map(
          (column) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${column}</th>`,
        )}
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      ${table.rows.map(
        (row) =>
          html`<tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">${row.header}</th>
            ${row.cells.map(
              (cell) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${formatCell(cell)}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
  if (table.columns.length < SCROLL_FROM_COLUMNS) return markup;
  return html`<div class="figures-scroll" role="region" aria-label="${table.caption}" tabindex="0">${markup}</div>`;
}

function formatCell(cell: Cell): string {
  return typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
}
