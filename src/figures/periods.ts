import { longDateLabel, MONTH_NAMES, shortDateLabel } from '../calendar/dateLabels';
import { addDays, londonInstant, londonTime } from '../calendar/londonTime';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** One period of the figures: from `start` (inclusive) to `end` (exclusive), in the council's local time. */
export interface Period {
  /** `2026-11-24` (day), `2026-11-23` (the Monday of a week), `2026-11` (month). */
  key: string;
  label: string;
  /** For chart axes: `24 Nov` (a day, or the Monday of a week), `Nov 2026` (a month). */
  shortLabel: string;
  start: Date;
  end: Date;
}

/**
 * The last `count` periods up to and including the one holding `now`, oldest first. Days start at midnight in
 * London; weeks on Monday; months on the 1st.
 */
export function recentPeriods(granularity: Granularity, count: number, now: Date): Period[] {
  const periods: Period[] = [];
  let current = periodContaining(granularity, now);
  for (let i = 0; i < count; i++) {
    periods.unshift(current);
    current = periodContaining(granularity, new Date(current.start.getTime() - 1));
  }
  return periods;
}

export function periodContaining(granularity: Granularity, instant: Date): Period {
  const local = londonTime(instant);
  if (granularity === 'day') {
    return {
      key: local.date,
      label: longDateLabel(local.date),
      shortLabel: shortDateLabel(local.date),
      start: londonInstant(local.date, 0),
      end: londonInstant(addDays(local.date, 1), 0),
    };
  }
  if (granularity === 'week') {
    const monday = addDays(local.date, -((local.weekday + 6) % 7));
    return {
      key: monday,
      label: `Week of ${longDateLabel(monday)}`,
      shortLabel: shortDateLabel(monday),
      start: londonInstant(monday, 0),
      end: londonInstant(addDays(monday, 7), 0),
    };
  }
  const [year = 0, month = 1] = local.date.split('-').map(Number);
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return {
    key: first.slice(0, 7),
    label: `${MONTH_NAMES[month - 1]} ${year}`,
    shortLabel: `${MONTH_NAMES[month - 1]?.slice(0, 3)} ${year}`,
    start: londonInstant(first, 0),
    end: londonInstant(next, 0),
  };
}
