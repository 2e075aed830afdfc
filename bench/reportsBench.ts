import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDocumentStore } from '../src/storage/openDocumentStore';
import { openRepositories, type Repositories } from '../src/storage/repositories/openRepositories';
import { ANALYTICS_KINDS } from '../src/storage/repositories/analyticsRepository';

const EVENTS = 100_000;
const DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The embedded store with a full data folder: 100,000 analytics events over 90 days, then the console's report path
 * (`AnalyticsRepository.list`, which `FiguresService` calls) over the last 7 and 30 days, and the time to open the
 * store on that folder and answer a first report (start-up with a full data folder).
 */
export async function runReportsBench(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reports-bench-'));
  const logger = pino({ level: 'silent' });
  const now = Date.now();
  try {
    let store = await openDocumentStore({ dataDir, logger, mongodbDb: 'bench', maintenanceIntervalMs: 3_600_000 });
    let repositories = await openRepositories(store, { retentionDays: 90 });
    const writeStarted = performance.now();
    await fill(repositories, now);
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    await store.close();

    const openStarted = performance.now();
    store = await openDocumentStore({ dataDir, logger, mongodbDb: 'bench', maintenanceIntervalMs: 3_600_000 });
    repositories = await openRepositories(store, { retentionDays: 90 });
    const first = await repositories.analytics.list(new Date(now - 7 * DAY_MS), new Date(now + 1));
    const openMs = performance.now() - openStarted;

    const week = await timed(() => repositories.analytics.list(new Date(now - 7 * DAY_MS), new Date(now + 1)));
    const month = await timed(() => repositories.analytics.list(new Date(now - 30 * DAY_MS), new Date(now + 1)));
    const day = await timed(() =>
      repositories.analytics.list(new Date(now - DAY_MS), new Date(now + 1), ['handoffRequested', 'rating']),
    );
    await store.close();
    return [
      `${EVENTS.toLocaleString('en-GB')} analytics events over ${DAYS} days written in ${writeSeconds.toFixed(1)} s (${(EVENTS / writeSeconds).toFixed(0)} events/s, 100 at a time)`,
      `open the store on that folder and answer a first 7-day report: ${openMs.toFixed(0)} ms (${first.length} events)`,
      `report over the last 7 days: ${week.ms.toFixed(0)} ms (${week.count} events); last 30 days: ${month.ms.toFixed(0)} ms (${month.count} events); last day, two kinds: ${day.ms.toFixed(1)} ms (${day.count} events); median of 5`,
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function fill({ analytics }: Repositories, now: number): Promise<void> {
  const batch = 100;
  for (let start = 0; start < EVENTS; start += batch) {
    await Promise.all(
      Array.from({ length: batch }, (_, offset) => {
        const index = start + offset;
        const kind = ANALYTICS_KINDS[index % ANALYTICS_KINDS.length] ?? 'message';
        return analytics.record({
          kind,
          at: new Date(now - ((index * 7919) % EVENTS) * ((DAYS * DAY_MS) / EVENTS)),
          conversationId: `conversation-${index % 20_000}`,
          channel: 'directline',
          action: kind === 'reply' ? 'answer' : undefined,
          articleId: kind === 'reply' ? 'bin-collection-days' : undefined,
          latencyMs: kind === 'llm' ? 800 : undefined,
        });
      }),
    );
  }
}

async function timed(run: () => Promise<unknown[]>): Promise<{ ms: number; count: number }> {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    count = (await run()).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2] ?? 0, count };
}
