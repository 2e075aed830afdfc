import Holidays from 'date-holidays';
import type { IsoDate } from './londonTime';

// England and Wales share their bank holidays (date-holidays' GB-ENG: fixed, Easter-based, substitute days and
// one-off days such as a coronation), maintained upstream rather than typed in here.
const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * The bank holidays of England and Wales in a year, as London dates: date-holidays' public and bank holidays,
 * substitute days included, observances (Mother's Day and the like) not.
 */
export function bankHolidays(year: number): ReadonlySet<IsoDate> {
  let dates = byYear.get(year);
  if (!dates) {
    dates = new Set(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, dates);
  }
  return dates;
}

/** Whether a London date (`2026-12-28`) is a bank holiday in England and Wales (see `bankHolidays`). */
export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidays(Number(date.slice(0, 4))).has(date);
}
