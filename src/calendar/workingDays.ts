import Holidays from 'date-holidays';
import { addDays, dayOfWeek, type IsoDate, londonDate } from '../requests/calendar';

// England and Wales share their bank holidays (date-holidays' GB-ENG: fixed, Easter-based, substitute days and
// one-off days such as a coronation), maintained upstream rather than typed in here.
const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<IsoDate>>();

/** The bank holidays of England and Wales in a year, as dates. */
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

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day !== 0 && day !== 6 && !bankHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `count` working days after `date` (which is not counted itself, whatever day it is). */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  let current = date;
  for (let counted = 0; counted < count;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted++;
  }
  return current;
}

/**
 * The day by which the council promises a full reply to a request made at `submittedAt`: `workingDays` working
 * days after the day it was made, in UK time (a report at 3am on Saturday is answered by Tuesday for 2 days).
 */
export function responseDueBy(submittedAt: Date, workingDays: number): IsoDate {
  return addWorkingDays(londonDate(submittedAt), workingDays);
}
