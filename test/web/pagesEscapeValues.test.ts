import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { computeFigures, type PeriodFigures } from '../../src/figures/computeFigures';
import type { FiguresReport } from '../../src/figures/figuresService';
import { recentPeriods } from '../../src/figures/periods';
import { type CouncilProfile, councilProfileSchema } from '../../src/knowledge/councilProfileSchema';
import type { AnalyticsEvent } from '../../src/storage/repositories/analyticsRepository';
import { barChart } from '../../src/web/charts/barChart';
import { columnChart } from '../../src/web/charts/columnChart';
import { renderDemoPage } from '../../src/web/demoPage';
import { html } from '../../src/web/html/html';
import { renderPerformancePage } from '../../src/web/performancePage';
import { renderSitePage } from '../../src/web/sitePage';

/**
 * Every value a page or chart interpolates, given markup, quotes and ampersands, comes out as text: each field gets
 * its own hostile value naming it (`XSS-name`), and once every escaped copy is taken out nothing of any is left.
 */
const attack = (field: string) => `"'><script>&amp;XSS-${field}`;

/** How the hostile value must appear: as text, in element content and in quoted attribute values alike. */
const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function expectOnlyEscaped(markup: string, fields: ReadonlyArray<string | [field: string, asShown: string]>): void {
  let rest = markup;
  for (const entry of fields) {
    const [field, asShown] = typeof entry === 'string' ? [entry, attack(entry)] : entry;
    expect({ field, found: rest.includes(escaped(asShown)) }).toEqual({ field, found: true });
    rest = rest.split(escaped(asShown)).join('');
  }
  expect(rest).not.toContain('XSS');
  expect(rest).not.toContain('<script>&');
}

const profile: CouncilProfile = councilProfileSchema.parse(
  parse(readFileSync(join(__dirname, '../../knowledge/council.yaml'), 'utf8')),
);
const hostileProfile: CouncilProfile = {
  ...profile,
  name: attack('name'),
  phone: `0 ${attack('phone')}`,
  email: attack('email'),
  address: [attack('address1'), attack('address2')],
};

const NOW = new Date('2026-11-25T10:30:00Z');
const EVENTS: AnalyticsEvent[] = [];

function report(granularity: 'month' | 'week', count: number): FiguresReport {
  const periods: PeriodFigures[] = recentPeriods(granularity, count, NOW).map((period, index) => ({
    ...computeFigures(period, EVENTS, NOW),
    period: {
      ...period,
      label: attack(`${granularity}label${index}`),
      shortLabel: attack(`${granularity}short${index}`),
    },
  }));
  return { granularity, service: undefined, generatedAt: NOW, periods };
}

describe('the public pages and the charts escape every value they show', () => {
  it('the site page: its title and the council name, wherever they appear', () => {
    const page = renderSitePage(hostileProfile, { title: attack('title'), main: html`<p>${attack('main')}</p>` });
    expectOnlyEscaped(page, ['title', 'name', 'main']);
    // The council name is in the tab title, the masthead and the footer.
    expect(page.split(escaped(attack('name'))).length - 1).toBe(3);
  });

  it('the demo page: the council name, phone (shown and dialled), email (shown and linked), address and hours', () => {
    const page = renderDemoPage(hostileProfile, attack('hours'));
    expectOnlyEscaped(page, [
      'name',
      ['phone', `0 ${attack('phone')}`],
      ['phone in the tel: link, without spaces', `0${attack('phone')}`],
      'email',
      'address1',
      'address2',
      'hours',
    ]);
    expect(page).toContain(`href="tel:${escaped(`0${attack('phone')}`)}"`);
    expect(page).toContain(`href="mailto:${escaped(attack('email'))}"`);
  });

  it('the performance page: the council name and every period label, in the tables and the charts', () => {
    const months = report('month', 3);
    const weeks = report('week', 2);
    const page = renderPerformancePage({ profile: hostileProfile, months, weeks, refreshSeconds: 300 });
    // Labels name the table rows (the current period's with "(so far)"); the months' short labels the charts' columns.
    expectOnlyEscaped(page, [
      'name',
      ...months.periods.flatMap((_, index) => [`monthlabel${index}`, `monthshort${index}`]),
      ...weeks.periods.map((_, index) => `weeklabel${index}`),
    ]);
    expect(page).toContain(`<th scope="row">${escaped(`${attack('monthlabel2')} (so far)`)}</th>`);
  });

  it('a column chart: its accessible name, categories, series names, colours and formatted values', () => {
    const chart = columnChart({
      label: attack('label'),
      categories: [attack('category0'), attack('category1')],
      series: [
        { name: attack('series0'), values: [1, 2] },
        { name: attack('series1'), values: [3, null], colour: attack('colour') },
      ],
      format: (value) => attack(`value${value}`),
    }).value;
    expectOnlyEscaped(chart, [
      'label',
      'category0',
      'category1',
      'series0',
      'series1',
      'colour',
      ...['0', '1', '2', '3'].map((value) => `value${value}`),
    ]);
    expect(chart).toContain(`aria-label="${escaped(attack('label'))}"`);
    expect(chart).toContain(`fill="${escaped(attack('colour'))}"`);
  });

  it('a bar chart: its accessible name, series names, bar labels and totals', () => {
    const chart = barChart({
      label: attack('label'),
      series: [attack('series0'), attack('series1')],
      bars: [
        { label: attack('bar0'), values: [1, 2] },
        { label: attack('bar1'), values: [4, 0] },
      ],
      format: (value) => attack(`total${value}`),
    }).value;
    expectOnlyEscaped(chart, ['label', 'series0', 'series1', 'bar0', 'bar1', 'total3', 'total4']);
    expect(chart).toContain(`aria-label="${escaped(attack('label'))}"`);
  });
});
