import type { CollectionSchedule } from './collectionScheduleSchema';
import { collectionsBetween } from './collectionsBetween';

/**
 * When a bin reported missed is due to be collected today: its collection day has not ended, so the crew may still
 * come. Returns the bin's id and today's date then; undefined when the bin was not due today (a real missed bin).
 */
export function crewDueToday(
  schedule: CollectionSchedule,
  roundId: string,
  binName: string,
  today: string,
): { bin: string; date: string } | undefined {
  const bin = schedule.bins.find((candidate) => candidate.name === binName || candidate.id === binName);
  if (!bin) return undefined;
  const due = collectionsBetween(schedule, roundId, today, today).some((collection) => collection.bin === bin.id);
  return due ? { bin: bin.id, date: today } : undefined;
}

/** The last collection of a bin on or before `today`, within the fortnight before (`YYYY-MM-DD`). */
export function lastCollection(
  schedule: CollectionSchedule,
  roundId: string,
  binName: string,
  today: string,
  fortnightAgo: string,
): string | undefined {
  const bin = schedule.bins.find((candidate) => candidate.name === binName || candidate.id === binName);
  if (!bin) return undefined;
  return collectionsBetween(schedule, roundId, fortnightAgo, today)
    .filter((collection) => collection.bin === bin.id)
    .at(-1)?.date;
}
