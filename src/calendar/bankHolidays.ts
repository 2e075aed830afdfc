import Holidays from 'date-holidays';

const englandAndWales = new Holidays('GB', 'ENG');
const cache = new Map<string, boolean>();

/**
 * Whether a London date (`2026-12-28`) is a bank holiday in England and Wales, substitute days included, from the
 * maintained `date-holidays` data (public holidays only, not observances).
 */
export function isBankHoliday(date: string): boolean {
  let known = cache.get(date);
  if (known === undefined) {
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    const holidays = englandAndWales.isHoliday(new Date(Date.UTC(year, month - 1, day, 12)));
    known = Array.isArray(holidays) && holidays.some((holiday) => holiday.type === 'public');
    cache.set(date, known);
  }
  return known;
}
