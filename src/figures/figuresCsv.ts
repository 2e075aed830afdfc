import { addDays, londonTime } from '../calendar/londonTime';
import type { PeriodFigures } from './computeFigures';
import { type CsvValue, toCsv } from './csv';
import type { FiguresReport } from './figuresService';

/** Names for the codes the figures hold, in the words of the people reading the export. */
export interface FigureNames {
  reason(code: string): string;
  requestType(code: string): string;
  article(articleId: string): string;
}

interface Column {
  header: string;
  value(figures: PeriodFigures): CsvValue;
}

/**
 * The report as CSV: a header row, then one row per period (oldest first) with a column per figure. Rates are
 * shares from 0 to 1; an empty cell is a rate or a time with nothing to measure. Handoff reasons and services,
 * request types and articles get a column each when any period has one.
 */
export function figuresCsv(report: FiguresReport, names: FigureNames): string {
  const { periods } = report;
  const keysOf = (pick: (figures: PeriodFigures) => readonly string[]) =>
    [...new Set(periods.flatMap(pick))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const urgentKinds = keysOf((figures) => Object.keys(figures.urgentConversations.byCategory));
  const reasons = keysOf((figures) => Object.keys(figures.handoffs.byReason));
  const services = keysOf((figures) => Object.keys(figures.handoffs.byService));
  const types = keysOf((figures) => Object.keys(figures.requests.byType));
  const articles = keysOf((figures) => figures.helpfulness.map((article) => article.articleId));
  const helpfulnessOf = (figures: PeriodFigures, articleId: string) =>
    figures.helpfulness.find((article) => article.articleId === articleId);
  const sum = (figures: PeriodFigures, pick: (article: PeriodFigures['helpfulness'][number]) => number) =>
    figures.helpfulness.reduce((total, article) => total + pick(article), 0);

  const columns: Column[] = [
    { header: 'Period', value: (f) => f.period.label },
    { header: 'From', value: (f) => londonTime(f.period.start).date },
    { header: 'To', value: (f) => addDays(londonTime(f.period.end).date, -1) },
    { header: 'Service', value: () => report.service ?? 'All services' },
    { header: 'Conversations', value: (f) => f.conversations },
    { header: 'Contained (no person needed)', value: (f) => f.contained },
    { header: 'Containment rate', value: (f) => f.containmentRate },
    { header: 'Questions', value: (f) => f.questions },
    { header: 'Answered', value: (f) => f.answers },
    { header: 'No match', value: (f) => f.noMatches },
    { header: 'No-match rate', value: (f) => f.noMatchRate },
    { header: 'Urgent messages', value: (f) => f.urgentMessages },
    { header: 'Urgent conversations', value: (f) => f.urgentConversations.total },
    { header: 'Safeguarding follow-ups', value: (f) => f.urgentConversations.followUps },
    ...urgentKinds.map((kind) => ({
      header: `Urgent conversations: ${kind}`,
      value: (f: PeriodFigures) => f.urgentConversations.byCategory[kind] ?? 0,
    })),
    { header: 'Handoffs', value: (f) => f.handoffs.total },
    { header: 'Handoffs out of hours', value: (f) => f.handoffs.outOfHours },
    ...reasons.map((reason) => ({
      header: `Handoffs: ${names.reason(reason)}`,
      value: (f: PeriodFigures) => f.handoffs.byReason[reason] ?? 0,
    })),
    ...services.map((service) => ({
      header: `Handoffs to: ${service}`,
      value: (f: PeriodFigures) => f.handoffs.byService[service] ?? 0,
    })),
    { header: 'Chats accepted', value: (f) => f.queueWait.accepted },
    { header: 'Median wait (minutes)', value: (f) => f.queueWait.medianMinutes },
    { header: '90th percentile wait (minutes)', value: (f) => f.queueWait.p90Minutes },
    { header: 'Queued', value: (f) => f.abandonment.queued },
    { header: 'Left the queue', value: (f) => f.abandonment.abandoned },
    { header: 'Abandonment rate', value: (f) => f.abandonment.rate },
    { header: 'Callbacks', value: (f) => f.callbacks.total },
    { header: 'Callbacks on time', value: (f) => f.callbacks.onTime },
    { header: 'Callbacks late', value: (f) => f.callbacks.late },
    { header: 'Callbacks not yet due', value: (f) => f.callbacks.pending },
    { header: 'Callbacks on-time rate', value: (f) => f.callbacks.onTimeRate },
    { header: 'Service requests', value: (f) => f.requests.total },
    { header: 'Requests on time', value: (f) => f.requests.onTime },
    { header: 'Requests late', value: (f) => f.requests.late },
    { header: 'Requests not yet due', value: (f) => f.requests.pending },
    { header: 'Requests on-time rate', value: (f) => f.requests.onTimeRate },
    ...types.map((type) => ({
      header: `Requests: ${names.requestType(type)}`,
      value: (f: PeriodFigures) => f.requests.byType[type] ?? 0,
    })),
    { header: 'Ratings', value: (f) => f.satisfaction.ratings },
    { header: 'Average rating (1 to 5)', value: (f) => f.satisfaction.average },
    ...[1, 2, 3, 4, 5].map((score) => ({
      header: `Rated ${score}`,
      value: (f: PeriodFigures) => f.satisfaction.distribution[score - 1] ?? 0,
    })),
    { header: 'Answers rated helpful', value: (f) => sum(f, (article) => article.helpful) },
    { header: 'Answers rated not helpful', value: (f) => sum(f, (article) => article.notHelpful) },
    ...articles.flatMap((articleId) => [
      {
        header: `Helpful: ${names.article(articleId)}`,
        value: (f: PeriodFigures) => helpfulnessOf(f, articleId)?.helpful ?? 0,
      },
      {
        header: `Not helpful: ${names.article(articleId)}`,
        value: (f: PeriodFigures) => helpfulnessOf(f, articleId)?.notHelpful ?? 0,
      },
    ]),
    { header: 'Language model calls', value: (f) => f.languageModel.calls },
    { header: 'Language model tokens', value: (f) => f.languageModel.tokens },
    { header: 'Language model median latency (ms)', value: (f) => f.languageModel.medianLatencyMs },
    { header: 'Answers written by the language model', value: (f) => f.languageModel.generated },
    { header: 'Answers without the language model (fallbacks)', value: (f) => f.languageModel.fallbacks },
    { header: 'Bin-day questions', value: (f) => f.personalAnswers.binDays.asked },
    { header: 'Bin-day questions answered with a date', value: (f) => f.personalAnswers.binDays.answeredWithDate },
    { header: 'Bin-day date rate', value: (f) => f.personalAnswers.binDays.rate },
    { header: 'Requests delivered by Open311', value: (f) => f.personalAnswers.open311.delivered },
    { header: 'Open311 median delivery (ms)', value: (f) => f.personalAnswers.open311.medianDeliveryMs },
    { header: 'Requests closed over Open311', value: (f) => f.personalAnswers.open311.closed },
    { header: 'Open311 median round trip (ms)', value: (f) => f.personalAnswers.open311.medianRoundTripMs },
  ];
  return toCsv([
    columns.map((column) => column.header),
    ...periods.map((figures) => columns.map((column) => column.value(figures))),
  ]);
}
