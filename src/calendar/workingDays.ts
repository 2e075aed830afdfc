import { bankHolidays } from './bankHolidays';
import { addDays, dayOfWeek, type IsoDate, londonDate } from './londonTime';

export { bankHolidays };

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
