import type { AnalyticsRepository } from '../storage/repositories/analyticsRepository';

/** How a bin-day question ended: with dates, or why not. `asked` when the question starts. */
export type BinDayOutcome = 'asked' | 'date' | 'noAddresses' | 'unavailable' | 'noRound';

/** What the personal answers count for the figures (codes only, never an address). */
export interface PlaceEvents {
  binDay(conversationId: string, outcome: BinDayOutcome): Promise<void>;
}

/** Place events as analytics events (`kind: "binDay"`). */
export function analyticsPlaceEvents(analytics: Pick<AnalyticsRepository, 'record'>): PlaceEvents {
  return {
    binDay: async (conversationId, outcome) => {
      await analytics.record({ kind: 'binDay', conversationId, outcome });
    },
  };
}
