import * as chrono from 'chrono-node';
import { z } from 'zod';
import { addDays, type IsoDate, londonDate } from '../../calendar/londonTime';

/**
 * Reads a date the way residents write it in the UK (`yesterday`, `Monday`, `4/5`, `4 May 2026`) with chrono's
 * en-GB parser (day before month). Returns the calendar date, or undefined when there is none in the text.
 */
export function readDate(text: string, now: Date, direction: 'past' | 'future'): IsoDate | undefined {
  const [result] = chrono.en.GB.parse(
    text,
    { instant: now, timezone: 'Europe/London' },
    { forwardDate: direction === 'future' },
  );
  if (!result) return undefined;
  const { start } = result;
  const date = isoDate(start.get('year'), start.get('month'), start.get('day'));
  if (!date) return undefined;
  const today = londonDate(now);
  // "Friday" on a Wednesday means last Friday when asking about the past.
  if (direction === 'past' && !start.isCertain('day') && date > today) return addDays(date, -7);
  return date;
}

/** A date in the last `maxDaysAgo` days (today included), e.g. when a bin was due. */
export function recentDateSchema(now: () => Date, maxDaysAgo: number) {
  return z.string().transform((text, ctx) => {
    const date = readDate(text, now(), 'past');
    const today = londonDate(now());
    if (!date) {
      ctx.addIssue({ code: 'custom', message: 'Please give a date, like "today", "Monday" or "4/5".' });
      return z.NEVER;
    }
    if (date > today) {
      ctx.addIssue({ code: 'custom', message: 'That date is in the future. Please give the day it was due.' });
      return z.NEVER;
    }
    if (date < addDays(today, -maxDaysAgo)) {
      ctx.addIssue({
        code: 'custom',
        message: `That is more than ${maxDaysAgo} days ago, too long ago to report here. Please call us instead, or give a more recent date.`,
      });
      return z.NEVER;
    }
    return date;
  });
}

function isoDate(year: number | null, month: number | null, day: number | null): IsoDate | undefined {
  if (year === null || month === null || day === null) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
