import { isBankHoliday } from '../calendar/bankHolidays';
import { addDays, londonInstant, londonTime } from '../calendar/londonTime';
import type { OpeningHours, OpeningSession } from './openingHours';

/** When the council promises to call back: a part of one working day, in London time. */
export interface CallbackWindow {
  /** `2026-12-07` */
  date: string;
  start: Date;
  end: Date;
  /** Minutes after local midnight, for wording ("between 9am and 12pm"). */
  startMinutes: number;
  endMinutes: number;
}

/** Calls are made in the contact centre's hours; "always open" centres call in ordinary office hours. */
const OFFICE_HOURS: OpeningSession = { days: [1, 2, 3, 4, 5], opensAt: 9 * 60, closesAt: 17 * 60 };
const NOON = 12 * 60;
/** A window must start at least this long after the booking, so someone can pick it up. */
const LEAD_MINUTES = 60;
const LOOKAHEAD_DAYS = 35;

/**
 * The first window in which the council will call, from the resident's preferred time as the callback form stores
 * it (`Any time`, `Weekday mornings`, `Weekday afternoons`, `2026-12-07`, `2026-12-07 morning`), the contact
 * centre's hours and the moment of booking: mornings run from opening to noon, afternoons from noon to closing.
 * Undefined when the centre never opens (the written-reply promise applies instead).
 */
export function callbackWindow(preferred: string, hours: OpeningHours, bookedAt: Date): CallbackWindow | undefined {
  if (hours.kind === 'never') return undefined;
  const sessions = hours.kind === 'weekly' ? hours.sessions : [OFFICE_HOURS];
  const [day, part] = readPreference(preferred);
  const booked = londonTime(bookedAt);
  const earliest = booked.minutes + LEAD_MINUTES;
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const date = addDays(booked.date, offset);
    if (day && date < day) continue;
    if (isBankHoliday(date)) continue;
    const weekday = (booked.weekday + offset) % 7;
    for (const window of windowsOn(sessions, weekday, part)) {
      if (offset === 0 && window.opensAt < earliest) continue;
      return {
        date,
        start: londonInstant(date, window.opensAt),
        end: londonInstant(date, window.closesAt),
        startMinutes: window.opensAt,
        endMinutes: window.closesAt,
      };
    }
  }
  return undefined;
}

type Part = 'morning' | 'afternoon' | undefined;

function readPreference(preferred: string): [string | undefined, Part] {
  const text = preferred.trim().toLowerCase();
  const dated = /^(\d{4}-\d{2}-\d{2})(?: (morning|afternoon|evening))?$/.exec(text);
  if (dated) return [dated[1], dated[2] === 'morning' ? 'morning' : dated[2] ? 'afternoon' : undefined];
  if (text.includes('morning')) return [undefined, 'morning'];
  if (text.includes('afternoon')) return [undefined, 'afternoon'];
  return [undefined, undefined];
}

/** The day's calling windows in order: each opening session split at noon, keeping the part asked for. */
function windowsOn(sessions: readonly OpeningSession[], weekday: number, part: Part) {
  return sessions
    .filter((session) => session.days.includes(weekday))
    .flatMap((session) => {
      const morning = { opensAt: session.opensAt, closesAt: Math.min(session.closesAt, NOON) };
      const afternoon = { opensAt: Math.max(session.opensAt, NOON), closesAt: session.closesAt };
      const windows = part === 'morning' ? [morning] : part === 'afternoon' ? [afternoon] : [morning, afternoon];
      return windows.filter((window) => window.closesAt - window.opensAt >= 30);
    })
    .sort((a, b) => a.opensAt - b.opensAt);
}

/** A stored callback request's window (its `preferredTime` answer, booked when it was made); else undefined. */
export function callbackWindowOf(
  request: { requestType: string; details: Readonly<Record<string, string>>; createdAt: Date },
  hours: OpeningHours,
): CallbackWindow | undefined {
  if (request.requestType !== 'callback') return undefined;
  return callbackWindow(request.details.preferredTime ?? 'Any time', hours, request.createdAt);
}
