import { isBankHoliday } from '../calendar/bankHolidays';
import { addDays, londonInstant, londonTime } from '../calendar/londonTime';
import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { describeOpeningHours, type OpeningHours, parseOpeningHours } from './openingHours';

/** How far ahead `nextOpening` looks (a closed fortnight over Christmas is the longest a council closes). */
const LOOKAHEAD_DAYS = 21;

/**
 * The contact centre's opening hours as residents are told them: the council profile's, unless the deployment
 * overrides them (`CONTACT_CENTRE_HOURS`). Hours are the council's local time (Europe/London, whatever zone the
 * server runs in); weekly hours are closed on England and Wales bank holidays.
 */
export class ContactCentre {
  constructor(private readonly override?: OpeningHours) {}

  hours(profile: CouncilProfile): OpeningHours {
    if (this.override) return this.override;
    const parsed = parseOpeningHours(profile.contactCentre.hours);
    return parsed.ok ? parsed.hours : { kind: 'never' };
  }

  describeHours(profile: CouncilProfile): string {
    const hours = this.hours(profile);
    const text = describeOpeningHours(hours);
    return hours.kind === 'weekly' ? `${text}, except bank holidays` : text;
  }

  /** Whether people are at work in the contact centre at `now`. */
  isOpen(profile: CouncilProfile, now: Date): boolean {
    const hours = this.hours(profile);
    if (hours.kind !== 'weekly') return hours.kind === 'always';
    const local = londonTime(now);
    if (isBankHoliday(local.date)) return false;
    return hours.sessions.some(
      (session) =>
        session.days.includes(local.weekday) && local.minutes >= session.opensAt && local.minutes < session.closesAt,
    );
  }

  /** When the contact centre next opens after `now` (undefined when it never does, or is always open). */
  nextOpening(profile: CouncilProfile, now: Date): Date | undefined {
    const hours = this.hours(profile);
    if (hours.kind !== 'weekly') return undefined;
    const today = londonTime(now);
    for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
      const date = addDays(today.date, offset);
      if (isBankHoliday(date)) continue;
      const weekday = (today.weekday + offset) % 7;
      const opens = hours.sessions
        .filter((session) => session.days.includes(weekday))
        .map((session) => session.opensAt)
        .filter((opensAt) => offset > 0 || opensAt > today.minutes)
        .sort((a, b) => a - b)[0];
      if (opens !== undefined) return londonInstant(date, opens);
    }
    return undefined;
  }
}
