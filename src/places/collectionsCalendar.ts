import ical from 'ical-generator';
import { addDays } from '../calendar/londonTime';
import type { Address } from './address';
import type { CollectionSchedule } from './collectionScheduleSchema';
import { collectionsBetween } from './collectionsBetween';

/**
 * An iCalendar file (RFC 5545) of an address's bin collections for the next 12 months from `today`: one all-day
 * event per collection day naming the bins, dates already moved by the published bank-holiday changes.
 */
export function collectionsCalendar(input: {
  address: Address;
  schedule: CollectionSchedule;
  today: string;
  councilName: string;
  website: string;
}): string {
  const { address, schedule, today } = input;
  const calendar = ical({
    name: `Bin collections: ${address.label}`,
    prodId: { company: input.councilName, product: 'bin-collections', language: 'EN' },
    url: input.website,
  });
  const byDate = new Map<string, string[]>();
  for (const collection of collectionsBetween(schedule, address.round ?? '', today, addDays(today, 365))) {
    const name = schedule.bins.find((bin) => bin.id === collection.bin)?.name ?? collection.bin;
    byDate.set(collection.date, [...(byDate.get(collection.date) ?? []), name]);
  }
  for (const [date, bins] of byDate) {
    calendar.createEvent({
      id: `${address.uprn}-${date}@bins`,
      start: new Date(`${date}T12:00:00Z`),
      allDay: true,
      summary: `Bin collection: ${bins.join(', ')}`,
      description: `Put your bins out by 7am. ${address.label}`,
      location: address.label,
    });
  }
  return calendar.toString();
}
