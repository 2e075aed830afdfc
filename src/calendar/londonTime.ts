/** A calendar date in the UK, `YYYY-MM-DD`: compared as strings, free of time zones. */
export type IsoDate = string;

/** A moment as a clock in England shows it (Europe/London: GMT in winter, BST in summer). */
export interface LondonTime {
  /** `2026-12-25` */
  date: string;
  /** 0 (Sunday) to 6 (Saturday). */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The council's local time for `instant`, whatever time zone the server runs in. */
export function londonTime(instant: Date): LondonTime {
  const parts = Object.fromEntries(FORMAT.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The instant at `minutes` past local midnight on the London date `date` (`2026-03-29`), across clock changes. */
export function londonInstant(date: string, minutes: number): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  // London is UTC or UTC+1: try both offsets and keep the one that reads back as the wanted local time.
  for (const offsetMinutes of [0, 60]) {
    const candidate = new Date(guess - offsetMinutes * 60_000);
    const local = londonTime(candidate);
    if (local.date === date && local.minutes === minutes) return candidate;
  }
  return new Date(guess);
}

/** The date in the UK at an instant (a request made at 00:30 BST on 1 June was made on 1 June). */
export function londonDate(instant: Date): IsoDate {
  return londonTime(instant).date;
}

/** 0 (Sunday) to 6 (Saturday). */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The London date `days` after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
