import type { AnalyticsEvent } from '../storage/repositories/analyticsRepository';

/** Bin-day questions and requests over Open311, in one period. */
export interface PersonalAnswerFigures {
  /** Bin-day questions asked, those answered with collection dates, and the share. */
  binDays: { asked: number; answeredWithDate: number; rate: number | null };
  /** Requests the back office accepted over Open311, those it closed, and the median times from the request. */
  open311: { delivered: number; closed: number; medianDeliveryMs: number | null; medianRoundTripMs: number | null };
}

/** The figures from the period's events (`binDay` and `open311`). */
export function personalAnswerFigures(inPeriod: readonly AnalyticsEvent[]): PersonalAnswerFigures {
  const binDays = inPeriod.filter((event) => event.kind === 'binDay');
  const asked = binDays.filter((event) => event.outcome === 'asked').length;
  const answeredWithDate = binDays.filter((event) => event.outcome === 'date').length;
  const open311 = inPeriod.filter((event) => event.kind === 'open311');
  const durations = (outcome: string) =>
    open311.flatMap((event) => (event.outcome === outcome && event.durationMs !== undefined ? [event.durationMs] : []));
  const delivered = durations('delivered');
  const closed = durations('closed');
  return {
    binDays: { asked, answeredWithDate, rate: asked > 0 ? Math.round((answeredWithDate / asked) * 1000) / 1000 : null },
    open311: {
      delivered: delivered.length,
      closed: closed.length,
      medianDeliveryMs: median(delivered),
      medianRoundTripMs: median(closed),
    },
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value ?? 0);
}
