import type { PeriodFigures } from '../figures/computeFigures';
import type { FiguresReport } from '../figures/figuresService';
import { formatAverage, formatMinutes, formatShare, shareOf } from '../figures/formatFigure';
import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { columnChart } from './charts/columnChart';
import { html, join, type SafeHtml } from './html/html';
import { renderSitePage } from './sitePage';

/**
 * Below this many residents counted, a share, an average or a wait is not shown: with so few, a figure could say
 * something about one person (the practice of official statistics).
 */
export const FEWEST_TO_SHOW = 5;
const TOO_FEW = 'Too few to show';

export interface PerformanceView {
  profile: CouncilProfile;
  months: FiguresReport;
  weeks: FiguresReport;
  /** How often the figures are computed again, to say so on the page. */
  refreshSeconds: number;
}

type Cell = string | number;
interface Table {
  columns: readonly string[];
  cells(figures: PeriodFigures): Cell[];
}

/**
 * The public performance page (`/performance`): how the service meets the council's customer care standards, month
 * by month and week by week, in plain English with accessible tables and simple charts. Aggregate counts, shares and
 * times only: no references, conversation ids, words anyone wrote, or figures about single articles; shares, averages
 * and waits of fewer than `FEWEST_TO_SHOW` residents are withheld.
 */
export function renderPerformancePage(view: PerformanceView): string {
  const days = view.profile.responseTarget.workingDays;
  const sections = [
    section(view, {
      id: 'any-hour',
      title: 'Help at any time of day or night',
      standard: 'Make it easy to access services, 24/7, thinking digital first',
      explanation:
        'Our online assistant answers questions and takes reports at any hour. Resolved online means the resident did not need to ask for a person.',
      chart: {
        label:
          'Column chart of the share of conversations resolved online each month. The figures are in the table below.',
        values: (f) => (f.conversations < FEWEST_TO_SHOW ? null : f.containmentRate),
      },
      caption: 'Conversations with the online assistant',
      table: {
        columns: [
          'Conversations',
          'Resolved online',
          'Share resolved online',
          'Share of questions it had an answer for',
        ],
        cells: (f) => [
          f.conversations,
          f.contained,
          share(f.containmentRate, f.conversations),
          share(f.noMatchRate === null ? null : 1 - f.noMatchRate, f.questions),
        ],
      },
    }),
    section(view, {
      id: 'reply',
      title: `A full reply within ${days} working days`,
      standard: 'Put customers first',
      explanation: `Every report or request made online gets a reference and the date of a full reply: ${days} working days. Not yet due means we have not replied yet and that date has not passed. Callbacks are requests for our team to phone or email.`,
      chart: {
        label:
          'Column chart of the share of reports and requests replied to on time each month. The figures are in the table below.',
        values: (f) => (f.requests.onTime + f.requests.late < FEWEST_TO_SHOW ? null : f.requests.onTimeRate),
      },
      caption: 'Reports, requests and callbacks',
      table: {
        columns: [
          'Reports and requests',
          'Replied on time',
          'Replied late',
          'Not yet due',
          'Share on time',
          'Callbacks',
          'Share of callbacks on time',
        ],
        cells: (f) => [
          f.requests.total,
          f.requests.onTime,
          f.requests.late,
          f.requests.pending,
          share(f.requests.onTimeRate, f.requests.onTime + f.requests.late),
          f.callbacks.total,
          share(f.callbacks.onTimeRate, f.callbacks.onTime + f.callbacks.late),
        ],
      },
    }),
    section(view, {
      id: 'person',
      title: 'Talking to a person',
      standard: 'Take responsibility or find the right person to help, and keep traditional ways to contact us',
      explanation:
        'When the assistant cannot help, or a resident asks for a person, it passes the conversation to our customer service team with everything said so far. When the team is closed it offers a callback. The typical wait is the median: half of residents waited less.',
      caption: 'Conversations passed to our team',
      table: {
        columns: [
          'Passed to our team',
          'When the team was closed',
          'Typical wait',
          '9 in 10 waited less than',
          'Share who stopped waiting',
        ],
        cells: (f) => [
          f.handoffs.total,
          f.handoffs.outOfHours,
          withheld(f.queueWait.accepted, formatMinutes(f.queueWait.medianMinutes)),
          withheld(f.queueWait.accepted, formatMinutes(f.queueWait.p90Minutes)),
          share(f.abandonment.rate, f.abandonment.queued),
        ],
      },
    }),
    section(view, {
      id: 'councillors',
      title: `Councillors’ enquiries answered within ${view.profile.memberEnquiryTarget.workingDays} working days`,
      standard: 'Take responsibility or find the right person to help',
      explanation: `Councillors raise cases for residents who ask them for help. Each gets a reference and the date of a full reply: ${view.profile.memberEnquiryTarget.workingDays} working days. Not yet due means we have not replied yet and that date has not passed.`,
      chart: {
        label:
          'Column chart of the share of councillors’ enquiries answered on time each month. The figures are in the table below.',
        values: (f) =>
          f.memberEnquiries.onTime + f.memberEnquiries.late < FEWEST_TO_SHOW ? null : f.memberEnquiries.onTimeRate,
      },
      caption: 'Councillors’ enquiries',
      table: {
        columns: ['Enquiries', 'Answered on time', 'Answered late', 'Not yet due', 'Share on time'],
        cells: (f) => [
          f.memberEnquiries.total,
          f.memberEnquiries.onTime,
          f.memberEnquiries.late,
          f.memberEnquiries.pending,
          share(f.memberEnquiries.onTimeRate, f.memberEnquiries.onTime + f.memberEnquiries.late),
        ],
      },
    }),
    section(view, {
      id: 'feedback',
      title: 'What residents tell us',
      standard: 'Be courteous and helpful',
      explanation:
        'After a chat with our team, residents can rate it from 1 (very poor) to 5 (very good). After an answer, the assistant asks whether it was helpful.',
      caption: 'Ratings and feedback',
      table: {
        columns: ['Ratings', 'Average rating (out of 5)', 'Answers rated', 'Share rated helpful'],
        cells: (f) => {
          const helpful = f.helpfulness.reduce((sum, article) => sum + article.helpful, 0);
          const rated = f.helpfulness.reduce((sum, article) => sum + article.helpful + article.notHelpful, 0);
          return [
            f.satisfaction.ratings,
            withheld(f.satisfaction.ratings, formatAverage(f.satisfaction.average)),
            rated,
            share(shareOf(helpful, rated), rated),
          ];
        },
      },
    }),
  ];
  const updated = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(view.months.generatedAt);
  return renderSitePage(view.profile, {
    title: 'How we are doing',
    main: html`<h1>How we are doing</h1>
      <p class="lead">
        How well we meet our customer care standards, from our online assistant, the chats our customer service team
        take and the reports residents make online.
      </p>
      <p>
        The figures are counted automatically. They never include anyone's name, contact details or what they wrote.
        Where fewer than ${FEWEST_TO_SHOW} people are counted we do not show a share, an average or a wait, so that
        nobody can be identified. The current month and week are not over yet.
      </p>
      <p class="updated">${refreshText(view.refreshSeconds)} Last updated ${updated}.</p>
      <nav aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        <ul>
          ${sections.map((one) => html`<li><a href="#${one.id}">${one.title}</a></li>`)}
        </ul>
      </nav>
      ${join(
        sections.map((one) => one.markup),
        '\n',
      )}`,
  });
}

interface SectionSpec {
  id: string;
  title: string;
  standard: string;
  explanation: string;
  chart?: { label: string; values(figures: PeriodFigures): number | null };
  caption: string;
  table: Table;
}

function section(view: PerformanceView, spec: SectionSpec): { id: string; title: string; markup: SafeHtml } {
  const chart =
    spec.chart &&
    columnChart({
      label: spec.chart.label,
      categories: view.months.periods.map((f) => f.period.shortLabel),
      series: [{ name: 'Share', values: view.months.periods.map((f) => spec.chart?.values(f) ?? null) }],
      max: 1,
      format: formatShare,
    });
  const markup = html`<section class="figures" id="${spec.id}" aria-labelledby="${spec.id}-heading">
    <h2 id="${spec.id}-heading">${spec.title}</h2>
    <p class="standard">Our standard: ${spec.standard}.</p>
    <p>${spec.explanation}</p>
    ${chart} ${table(view.months, `${spec.caption}, by month`, 'Month', spec.table)}
    <details>
      <summary>${spec.caption}, by week</summary>
      ${table(view.weeks, `${spec.caption}, by week`, 'Week', spec.table)}
    </details>
  </section>`;
  return { id: spec.id, title: spec.title, markup };
}

function table(report: FiguresReport, caption: string, rowHeader: string, spec: Table): SafeHtml {
  const rows = report.periods.map((figures) => {
    const name = figures.period.end > report.generatedAt ? `${figures.period.label} (so far)` : figures.period.label;
    const cells = spec.cells(figures).map((cell) => html`<td>${formatCell(cell)}</td>`);
    return html`<tr>
      <th scope="row">${name}</th>
      ${cells}
    </tr>`;
  });
  const headers = [rowHeader, ...spec.columns].map((header, index) =>
    index === 0 ? html`<th scope="col">${header}</th>` : html`<th scope="col" class="number">${header}</th>`,
  );
  return html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0">
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** A share, unless fewer than `FEWEST_TO_SHOW` are counted in it. */
function share(rate: number | null, counted: number): string {
  return counted > 0 && counted < FEWEST_TO_SHOW ? TOO_FEW : formatShare(rate);
}

/** An average or a wait of `counted` residents, unless they are too few. */
function withheld(counted: number, figure: string): string {
  return counted > 0 && counted < FEWEST_TO_SHOW ? TOO_FEW : figure;
}

function formatCell(cell: Cell): string {
  return typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
}

function refreshText(seconds: number): string {
  if (seconds === 0) return 'Updated whenever the page is loaded.';
  if (seconds < 60) return `Updated every ${seconds} seconds.`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'Updated every minute.' : `Updated every ${minutes} minutes.`;
}
