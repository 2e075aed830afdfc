import type { IsoDate } from './londonTime';

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2026-03-07` as residents read it: `7 March 2026`. */
export function longDateLabel(isoDate: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/** `2026-03-07` as a chart's axis shows it: `7 Mar`. */
export function shortDateLabel(isoDate: string): string {
  const [, month = 1, day = 1] = isoDate.split('-').map(Number);
  return `${day} ${(MONTH_NAMES[month - 1] ?? '').slice(0, 3)}`;
}

/** "Wednesday 30 December 2026" */
export function formatLongDate(date: IsoDate): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
    .format(new Date(`${date}T00:00:00Z`))
    .replace(',', '');
}

/** "30 December 2026, 14:05" in UK time. */
export function formatDateTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
