import type { NewAnalyticsEvent } from '../storage/repositories/analyticsRepository';

export type { NewAnalyticsEvent };

/**
 * Where a turn's analytics events go (the analytics repository, in the app). The bot depends on this port, not on
 * the repository: a rejected `record` is logged by the caller and never fails the turn.
 */
export interface AnalyticsRecorder {
  record(event: NewAnalyticsEvent): Promise<unknown>;
}
