import { addDays, londonTime } from '../calendar/londonTime';
import type { Address } from './address';
import { type Collection, nextCollections } from './collectionsBetween';
import type { Places } from './places';

/** The calendar link for an address's collections, served by the web routes. */
export function calendarPath(uprn: string): string {
  return `/collections/${encodeURIComponent(uprn)}/calendar.ics`;
}

export type CollectionsAtOutcome =
  { ok: true; collections: Collection[]; today: string; tomorrow: string } | { ok: false; reason: 'noRound' };

/** The next collection of each bin at an address, from today in London; `noRound` when its round is not known. */
export function collectionsAt(places: Places, address: Address, now: Date): CollectionsAtOutcome {
  const schedule = places.collections;
  const today = londonTime(now).date;
  if (!schedule || !address.round) return { ok: false, reason: 'noRound' };
  const collections = nextCollections(schedule, address.round, today);
  if (collections.length === 0) return { ok: false, reason: 'noRound' };
  return { ok: true, collections, today, tomorrow: addDays(today, 1) };
}
