import { addDays } from '../calendar/londonTime';
import { type CollectionSchedule, WEEKDAYS } from './collectionScheduleSchema';
import { weekdayOf } from './isoDate';

/** One bin collection: the bin's id and the calendar date it is emptied. */
export interface Collection {
  bin: string;
  date: string;
}

/** How far a published change may move a collection (a week): usual dates this far outside the window are read too. */
const MOST_MOVED_DAYS = 7;

/**
 * Every collection of a round from `from` to `until` (calendar dates, both included), date order then bin order:
 * each bin on the round's weekday, weekly or every other week from its anchor date, moved when the council's list
 * of changes moves that date (for all rounds, or for this one). Empty for an unknown round.
 */
export function collectionsBetween(
  schedule: CollectionSchedule,
  roundId: string,
  from: string,
  until: string,
): Collection[] {
  const round = schedule.rounds.find((candidate) => candidate.id === roundId);
  if (!round) return [];
  const weekday = WEEKDAYS.indexOf(round.weekday);
  const changes = new Map(
    schedule.changes
      .filter((change) => change.rounds === undefined || change.rounds.includes(roundId))
      .map((change) => [change.date, change.movedTo]),
  );
  let first = addDays(from, -MOST_MOVED_DAYS);
  first = addDays(first, (weekday - weekdayOf(first) + 7) % 7);
  const last = addDays(until, MOST_MOVED_DAYS);
  const found: Collection[] = [];
  for (let usual = first; usual <= last; usual = addDays(usual, 7)) {
    for (const collection of round.collections) {
      if (collection.every === 'fortnight' && collection.from && !evenWeeksApart(collection.from, usual)) continue;
      const date = changes.get(usual) ?? usual;
      if (date >= from && date <= until) found.push({ bin: collection.bin, date });
    }
  }
  const order = schedule.bins.map((bin) => bin.id);
  return found.sort((a, b) => a.date.localeCompare(b.date) || order.indexOf(a.bin) - order.indexOf(b.bin));
}

/** The next collection of each bin the round empties, from `today` (included), in date order. */
export function nextCollections(schedule: CollectionSchedule, roundId: string, today: string): Collection[] {
  const seen = new Set<string>();
  return collectionsBetween(schedule, roundId, today, addDays(today, 28)).filter((collection) => {
    if (seen.has(collection.bin)) return false;
    seen.add(collection.bin);
    return true;
  });
}

function evenWeeksApart(anchor: string, date: string): boolean {
  const days = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${anchor}T12:00:00Z`)) / 86_400_000);
  return Math.abs(days / 7) % 2 === 0;
}
