import type { KnowledgeSource } from '../knowledge/knowledgeService';
import { isRequestType, REQUEST_DEFINITIONS } from '../requests/requestTypes';
import type { AnalyticsEvent, AnalyticsRepository } from '../storage/repositories/analyticsRepository';
import { computeFigures, type PeriodFigures } from './computeFigures';
import { eventsOfService, type ServiceDirectory } from './eventsOfService';
import { type Granularity, type Period, recentPeriods } from './periods';

/** What a report is of: the last `count` periods of a granularity (the current one included), for one service or all. */
export interface FiguresQuery {
  granularity: Granularity;
  count: number;
  /** A council service (as articles and request types name it); absent for the whole service. */
  service?: string;
}

export interface FiguresReport {
  granularity: Granularity;
  service: string | undefined;
  /** When the figures were computed: the last period runs up to here. */
  generatedAt: Date;
  /** Oldest first. */
  periods: PeriodFigures[];
}

/** The most periods of each granularity a report may cover: every event of the range is loaded at once. */
export const MAX_PERIODS: Readonly<Record<Granularity, number>> = { day: 92, week: 104, month: 36 };

export interface FiguresServiceDependencies {
  analytics: Pick<AnalyticsRepository, 'list'>;
  knowledge: KnowledgeSource;
  clock: () => Date;
}

/**
 * The service's figures per period, from the analytics events in the store, for the console's reports, the CSV
 * export and the public performance page. Each call loads the events of its whole range once (from the start of the
 * earliest period to now) and computes every period from them.
 */
export class FiguresService {
  constructor(private readonly deps: FiguresServiceDependencies) {}

  async report(query: FiguresQuery): Promise<FiguresReport> {
    const [report] = await this.reports([query]);
    if (!report) throw new Error('no report computed');
    return report;
  }

  /** Several reports (e.g. months and weeks) from one load of the events. */
  async reports(queries: readonly FiguresQuery[]): Promise<FiguresReport[]> {
    const now = this.deps.clock();
    const ranges = queries.map((query) => {
      if (!Number.isInteger(query.count) || query.count < 1 || query.count > MAX_PERIODS[query.granularity])
        throw new RangeError(`count must be 1 to ${MAX_PERIODS[query.granularity]} for ${query.granularity}s`);
      return recentPeriods(query.granularity, query.count, now);
    });
    const starts = ranges.flatMap((periods) => periods[0]?.start.getTime() ?? []);
    if (starts.length === 0) return [];
    const events = await this.deps.analytics.list(new Date(Math.min(...starts)), new Date(now.getTime() + 1));
    const directory = this.directory();
    return queries.map((query, index) => {
      const scoped = query.service ? eventsOfService(events, query.service, directory) : events;
      return {
        granularity: query.granularity,
        service: query.service,
        generatedAt: now,
        periods: figuresOfPeriods(ranges[index] ?? [], scoped, now),
      };
    });
  }

  /** The council's services a report can be filtered by: those of the knowledge base's articles and of the requests. */
  services(): string[] {
    const { articles } = this.deps.knowledge.current().knowledge;
    const names = new Set([
      ...articles.map((article) => article.service),
      ...Object.values(REQUEST_DEFINITIONS).map((definition) => definition.service),
    ]);
    return [...names].sort((a, b) => a.localeCompare(b, 'en-GB'));
  }

  /** An article's title, for the helpfulness figures (undefined once the article is gone). */
  articleTitle(articleId: string): string | undefined {
    return this.deps.knowledge.current().knowledge.byId.get(articleId)?.title;
  }

  private directory(): ServiceDirectory {
    const { byId } = this.deps.knowledge.current().knowledge;
    return {
      serviceOfArticle: (articleId) => byId.get(articleId)?.service,
      serviceOfRequestType: (requestType) =>
        isRequestType(requestType) ? REQUEST_DEFINITIONS[requestType].service : undefined,
    };
  }
}

/**
 * Each period's figures from `events` (oldest first). A period sees its own events and the status changes after it
 * (a request made in the period may be answered later), so the work grows with the events, not events × periods.
 */
function figuresOfPeriods(periods: readonly Period[], events: readonly AnalyticsEvent[], now: Date): PeriodFigures[] {
  const statusChanges = events.filter((event) => event.kind === 'requestStatus');
  return periods.map((period) => {
    const inPeriod = events.slice(firstAtOrAfter(events, period.start), firstAtOrAfter(events, period.end));
    const later = statusChanges.slice(firstAtOrAfter(statusChanges, period.end));
    return computeFigures(period, [...inPeriod, ...later], now);
  });
}

/** The index of the first event at or after `instant` in events sorted by time (binary search). */
function firstAtOrAfter(events: readonly AnalyticsEvent[], instant: Date): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((events[middle]?.at.getTime() ?? Infinity) < instant.getTime()) low = middle + 1;
    else high = middle;
  }
  return low;
}
