/**
 * Contact centre opening hours, parsed from the plain form editors and deployers write:
 * `always`, `never`, or comma-separated day ranges with times, e.g. `Mon-Fri 09:00-17:00, Sat 09:00-12:00`.
 */
export type OpeningHours =
  { kind: 'always' } | { kind: 'never' } | { kind: 'weekly'; sessions: readonly OpeningSession[]; text: string };

/** One opening session: `days` are 0 (Sunday) to 6 (Saturday); minutes count from midnight, local time. */
export interface OpeningSession {
  days: readonly number[];
  opensAt: number;
  closesAt: number;
}

export type ParseOpeningHoursResult = { ok: true; hours: OpeningHours } | { ok: false; problem: string };

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function parseOpeningHours(text: string): ParseOpeningHoursResult {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (lower === 'always') return { ok: true, hours: { kind: 'always' } };
  if (lower === 'never') return { ok: true, hours: { kind: 'never' } };
  const sessions: OpeningSession[] = [];
  for (const part of trimmed.split(',')) {
    const session = parseSession(part.trim());
    if (typeof session === 'string') return { ok: false, problem: session };
    sessions.push(session);
  }
  return { ok: true, hours: { kind: 'weekly', sessions, text: trimmed } };
}

function parseSession(part: string): OpeningSession | string {
  const match = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/.exec(part);
  if (!match) return `"${part}" is not like "Mon-Fri 09:00-17:00" (or use "always" or "never")`;
  const [, fromDay = '', toDay, h1 = '', m1 = '', h2 = '', m2 = ''] = match;
  const from = DAY_NAMES.indexOf(fromDay.toLowerCase());
  const to = toDay === undefined ? from : DAY_NAMES.indexOf(toDay.toLowerCase());
  if (from < 0 || to < 0) return `"${part}" has an unknown day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`;
  const opensAt = Number(h1) * 60 + Number(m1);
  const closesAt = Number(h2) * 60 + Number(m2);
  if (Number(h1) > 23 || Number(h2) > 24 || Number(m1) > 59 || Number(m2) > 59 || closesAt <= opensAt) {
    return `"${part}" has times that are not a valid opening period`;
  }
  const days: number[] = [];
  for (let day = from; ; day = (day + 1) % 7) {
    days.push(day);
    if (day === to) break;
  }
  return { days, opensAt, closesAt };
}

/** A resident-facing description, e.g. "Monday to Friday, 9am to 5pm". */
export function describeOpeningHours(hours: OpeningHours): string {
  if (hours.kind === 'always') return 'any time, day or night';
  if (hours.kind === 'never') return 'by appointment only';
  return hours.sessions.map(describeSession).join('; ');
}

const LONG_DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function describeSession(session: OpeningSession): string {
  const first = LONG_DAY[session.days[0] ?? 0];
  const last = LONG_DAY[session.days[session.days.length - 1] ?? 0];
  const days = session.days.length === 1 ? first : `${first} to ${last}`;
  return `${days}, ${clock(session.opensAt)} to ${clock(session.closesAt)}`;
}

/** "9am", "12:30pm" */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const suffix = h >= 12 && h < 24 ? 'pm' : 'am';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12}${suffix}` : `${h12}:${String(m).padStart(2, '0')}${suffix}`;
}
