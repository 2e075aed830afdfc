import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { recentPeriods, type Period } from '../../src/figures/periods';
import type { NewAnalyticsEvent } from '../../src/storage/repositories/analyticsRepository';
import { seriousViolations } from '../support/accessibility';
import { launchChromium } from '../support/browser';
import { BOOTSTRAP, type ConsoleHarness, createAccount, startConsole } from '../support/consoleHarness';

jest.setTimeout(120_000);

const CSA = {
  email: 'kim.csa@eastmere.example',
  displayName: 'Kim Lee',
  role: 'csa' as const,
  password: 'kim password 123',
};
const HOUR = 3_600_000;
const MINUTE = 60_000;

async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/console/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
}

/** The data cells of the row headed `rowHeader` in the table captioned `caption`. */
async function row(page: Page, caption: string, rowHeader: string): Promise<string[]> {
  const table = page.getByRole('table', { name: caption, exact: true });
  const cells = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowHeader, exact: true }) })
    .getByRole('cell');
  return (await cells.allTextContents()).map((text) => text.trim());
}

describe('a supervisor reads the figures', () => {
  let harness: ConsoleHarness;
  let browser: Browser;
  let lastWeek: Period;
  let weekBefore: Period;

  beforeAll(async () => {
    harness = await startConsole();
    await createAccount(harness.app, CSA);
    [weekBefore, lastWeek] = recentPeriods('week', 3, harness.clock.now()) as [Period, Period, Period];
    const monday = lastWeek.start.getTime();
    const at = (offsetMs: number) => new Date(monday + offsetMs);
    const record = (offsetMs: number, event: NewAnalyticsEvent) =>
      harness.app.repositories.analytics.record({ ...event, at: at(offsetMs) });

    // Last week: six conversations.
    // c1 (Monday) is answered about council tax bands and finds it helpful.
    await record(10 * HOUR, { kind: 'message', conversationId: 'c1' });
    await record(10 * HOUR + 1000, {
      kind: 'reply',
      conversationId: 'c1',
      action: 'answer',
      articleId: 'council-tax-bands',
    });
    await record(10 * HOUR + MINUTE, {
      kind: 'feedback',
      conversationId: 'c1',
      articleId: 'council-tax-bands',
      helpful: true,
    });
    // c2 (Monday) is not understood, then reports a missed bin, answered the next day.
    await record(11 * HOUR, { kind: 'message', conversationId: 'c2' });
    await record(11 * HOUR + 1000, { kind: 'reply', conversationId: 'c2', action: 'noMatch' });
    await record(11 * HOUR + MINUTE, { kind: 'message', conversationId: 'c2' });
    await record(11 * HOUR + MINUTE + 1000, {
      kind: 'reply',
      conversationId: 'c2',
      action: 'answer',
      articleId: 'missed-bin-collection',
    });
    await record(11 * HOUR + 5 * MINUTE, {
      kind: 'requestSubmitted',
      conversationId: 'c2',
      requestType: 'missed-bin',
      reference: 'SR-TEST0001',
      promisedBy: at(3 * 24 * HOUR - 1000),
    });
    await record(30 * HOUR, {
      kind: 'requestStatus',
      requestType: 'missed-bin',
      reference: 'SR-TEST0001',
      status: 'resolved',
    });
    // c3 (Tuesday) is not understood, asks for a person about council tax, waits 3 minutes and rates the help 5.
    await record(33 * HOUR, { kind: 'message', conversationId: 'c3' });
    await record(33 * HOUR + 1000, { kind: 'reply', conversationId: 'c3', action: 'noMatch' });
    await record(33 * HOUR + 2000, {
      kind: 'handoffRequested',
      conversationId: 'c3',
      reason: 'residentAsked',
      service: 'Council tax',
      outcome: 'queued',
    });
    await record(33 * HOUR + 3 * MINUTE, {
      kind: 'handoffAccepted',
      conversationId: 'c3',
      service: 'Council tax',
      waitMs: 3 * MINUTE,
    });
    await record(33 * HOUR + 20 * MINUTE, { kind: 'rating', conversationId: 'c3', service: 'Council tax', score: 5 });
    // c4 (Tuesday) is urgent and waits 7 minutes; c5 gives up waiting.
    await record(34 * HOUR, { kind: 'message', conversationId: 'c4' });
    await record(34 * HOUR + 1000, {
      kind: 'handoffRequested',
      conversationId: 'c4',
      reason: 'urgent',
      service: 'General enquiries',
      outcome: 'queued',
    });
    await record(34 * HOUR + 7 * MINUTE, {
      kind: 'handoffAccepted',
      conversationId: 'c4',
      service: 'General enquiries',
      waitMs: 7 * MINUTE,
    });
    await record(38 * HOUR, { kind: 'message', conversationId: 'c5' });
    await record(38 * HOUR + 1000, {
      kind: 'handoffRequested',
      conversationId: 'c5',
      reason: 'botFailedTwice',
      service: 'Waste and recycling',
      outcome: 'queued',
    });
    await record(38 * HOUR + 9 * MINUTE, {
      kind: 'handoffEnded',
      conversationId: 'c5',
      service: 'Waste and recycling',
      outcome: 'leftQueue',
    });
    // c6 (Wednesday) books a callback that nobody answered by Friday.
    await record(58 * HOUR, { kind: 'message', conversationId: 'c6' });
    await record(58 * HOUR + MINUTE, {
      kind: 'requestSubmitted',
      conversationId: 'c6',
      requestType: 'callback',
      reference: 'SR-TEST0002',
      promisedBy: at(5 * 24 * HOUR - 1000),
    });
    // The language model, twice.
    await record(10 * HOUR + 500, { kind: 'llm', action: 'answer', tokens: 300, latencyMs: 800, outcome: 'ok' });
    await record(11 * HOUR + 500, { kind: 'llm', action: 'answer', tokens: 200, latencyMs: 1200, outcome: 'ok' });

    // The week before: c7 finds the garden waste answer unhelpful; c8 is answered about paying council tax.
    const before = weekBefore.start.getTime() - monday;
    await record(before + 10 * HOUR, { kind: 'message', conversationId: 'c7' });
    await record(before + 10 * HOUR + 1000, {
      kind: 'reply',
      conversationId: 'c7',
      action: 'answer',
      articleId: 'garden-waste',
    });
    await record(before + 10 * HOUR + MINUTE, {
      kind: 'feedback',
      conversationId: 'c7',
      articleId: 'garden-waste',
      helpful: false,
    });
    await record(before + 12 * HOUR, { kind: 'message', conversationId: 'c8' });
    await record(before + 12 * HOUR + 1000, {
      kind: 'reply',
      conversationId: 'c8',
      action: 'answer',
      articleId: 'council-tax-payment',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('charts and tables by week, then by day and for one service, and the same figures as CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await signIn(page, harness.url, BOOTSTRAP.email, BOOTSTRAP.password);

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/console\/reports$/);
    await expect(page.getByRole('combobox', { name: 'Period' }).inputValue()).resolves.toBe('week');
    await expect(page.getByRole('textbox', { name: 'How many periods' }).inputValue()).resolves.toBe('12');

    // Charts: server-drawn SVG, one image each for screen readers, each with a table.
    const charts = page.locator('main svg.figures-chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(10);
    for (const chart of await charts.all()) {
      await expect(chart.getAttribute('role')).resolves.toBe('img');
      await expect(chart.getAttribute('aria-label')).resolves.toMatch(/chart .*table/i);
      expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    }
    await expect(charts.first().isVisible()).resolves.toBe(true);

    const week = lastWeek.label;
    expect(await row(page, 'Conversations per week', week)).toEqual(['6', '3', '3', '50%']);
    expect(await row(page, 'Conversations per week', weekBefore.label)).toEqual(['2', '2', '0', '100%']);
    expect(await row(page, 'Questions and no-matches per week', week)).toEqual(['4', '2', '2', '50%', '0']);
    const reasons = page.getByRole('table', { name: 'Handoffs by reason per week' });
    await expect(reasons.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Week',
      'Handoffs',
      'Out of hours',
      'The bot could not answer twice',
      'Asked for a person',
      'Urgent',
    ]);
    expect(await row(page, 'Handoffs by reason per week', week)).toEqual(['3', '0', '1', '1', '1']);
    expect(await row(page, 'Handoffs by service per week', week)).toEqual(['1', '1', '1']);
    expect(await row(page, 'Queue waits per week', week)).toEqual(['2', '3 min', '7 min', '3', '1', '33.3%']);
    expect(await row(page, 'Service requests per week', week)).toEqual(['2', '1', '1', '0', '50%']);
    expect(await row(page, 'Service requests by type per week', week)).toEqual(['1', '1']);
    expect(await row(page, 'Callbacks per week', week)).toEqual(['1', '0', '1', '0', '0%']);
    expect(await row(page, 'Ratings per week', week)).toEqual(['1', '5', '0', '0', '0', '0', '1']);
    expect(await row(page, 'Was this helpful? by article, all periods together', 'Council tax bands')).toEqual([
      '1',
      '0',
      '100%',
    ]);
    expect(await row(page, 'Language model per week', week)).toEqual(['2', '500', '800 ms', '0', '0']);
    expect(await seriousViolations(page)).toEqual([]);

    // The same figures as CSV.
    const csvLink = page.getByRole('link', { name: 'Download CSV' });
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toBe('/console/reports/figures.csv?period=week&count=12');
    const response = await page.request.get(`${harness.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(
      /^attachment; filename="figures-weeks-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    const header = lines[0]?.split(',') ?? [];
    const lastWeekCells = lines[11]?.split(',') ?? [];
    const cell = (name: string) => lastWeekCells[header.indexOf(name)];
    expect(lastWeekCells[0]).toBe(week);
    expect(cell('Conversations')).toBe('6');
    expect(cell('Containment rate')).toBe('0.5');
    expect(cell('Handoffs: Urgent')).toBe('1');
    expect(cell('Median wait (minutes)')).toBe('3');
    expect(cell('90th percentile wait (minutes)')).toBe('7');
    expect(cell('Requests on-time rate')).toBe('0.5');
    expect(cell('Callbacks late')).toBe('1');
    expect(cell('Average rating (1 to 5)')).toBe('5');
    expect(cell('Helpful: Council tax bands')).toBe('1');
    expect(cell('Language model tokens')).toBe('500');

    // By day: the Monday of last week had two conversations.
    await page.getByRole('combobox', { name: 'Period' }).selectOption('day');
    await page.getByRole('textbox', { name: 'How many periods' }).fill('14');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByRole('table', { name: 'Conversations per day' }).waitFor();
    const monday = recentPeriods('day', 1, lastWeek.start)[0]?.label ?? '';
    expect(await row(page, 'Conversations per day', monday)).toEqual(['2', '2', '0', '100%']);

    // One service: council tax touched c1 and c3 last week (an answer, a handoff), and c8 the week before.
    await page.getByRole('combobox', { name: 'Period' }).selectOption('week');
    await page.getByRole('textbox', { name: 'How many periods' }).fill('3');
    await page.getByRole('combobox', { name: 'Service' }).selectOption('Council tax');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('Council tax, ').first().waitFor();
    expect(page.url()).toContain('period=week&count=3&service=Council+tax');
    expect(await row(page, 'Conversations per week', week)).toEqual(['2', '1', '1', '50%']);
    expect(await row(page, 'Conversations per week', weekBefore.label)).toEqual(['1', '1', '0', '100%']);
    expect(await row(page, 'Ratings per week', week)).toEqual(['1', '5', '0', '0', '0', '0', '1']);
    await expect(page.getByRole('table', { name: 'Language model per week' }).count()).resolves.toBe(0);
    const filtered = await page.request.get(
      `${harness.url}${(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? ''}`,
    );
    const filteredLines = (await filtered.text()).trimEnd().split('\r\n');
    expect(filteredLines).toHaveLength(4);
    expect(filteredLines[2]).toMatch(new RegExp(`^${week},[\\d-]+,[\\d-]+,Council tax,2,1,0.5,`));
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong number of periods is explained, and nothing is lost.
    await page.getByRole('textbox', { name: 'How many periods' }).fill('500');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByRole('link', { name: 'Enter a number of weeks from 1 to 104' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Service' }).inputValue()).resolves.toBe('Council tax');
    expect(await seriousViolations(page)).toEqual([]);

    expect(scriptErrors).toEqual([]);
    await context.close();
  });

  test('a CSA gets 403 and no Reports link', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, harness.url, CSA.email, CSA.password);
    await expect(page.getByRole('link', { name: 'Reports' }).count()).resolves.toBe(0);
    const response = await page.goto(`${harness.url}/console/reports`);
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: 'You cannot do this' }).waitFor();
    const csv = await page.request.get(`${harness.url}/console/reports/figures.csv?period=week&count=4`);
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('Conversations');
    await context.close();
  });
});
