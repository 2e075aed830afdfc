import type { HandoffSession } from '../storage/repositories/handoffRepository';

/** How long a chat takes when there is no history yet. */
export const DEFAULT_HANDLE_MINUTES = 6;

/**
 * Minutes a resident at `position` (1 = next) can expect to wait: the chats ahead of them, shared among the CSAs
 * available (at least one, since someone will come back), each taking as long as recent chats took (the median, so
 * one long call does not skew it). Rounded up, and never less than one minute.
 */
export function estimateWaitMinutes(
  position: number,
  csasAvailable: number,
  recentlyEnded: readonly HandoffSession[],
): number {
  const durations = recentlyEnded
    .flatMap((session) =>
      session.acceptedAt && session.endedAt
        ? [(session.endedAt.getTime() - session.acceptedAt.getTime()) / 60_000]
        : [],
    )
    .sort((a, b) => a - b);
  const median =
    durations.length > 0
      ? (durations[Math.floor(durations.length / 2)] ?? DEFAULT_HANDLE_MINUTES)
      : DEFAULT_HANDLE_MINUTES;
  const rounds = Math.ceil(position / Math.max(1, csasAvailable));
  return Math.max(1, Math.ceil(rounds * Math.max(1, median)));
}
