import { isBankHoliday } from '../../src/calendar/bankHolidays';
import { londonInstant, londonTime } from '../../src/calendar/londonTime';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';
import { shippedKnowledge } from '../support/testBot';

async function profile() {
  return (await shippedKnowledge()).current().knowledge.profile;
}

const centre = new ContactCentre();

describe('when the contact centre is open (Mon-Fri 09:00-17:00, London time, closed on bank holidays)', () => {
  test.each([
    ['a Tuesday morning in winter (GMT)', '2026-11-24T10:30:00Z', true],
    ['before 9am', '2026-11-24T08:59:00Z', false],
    ['at 5pm it has closed', '2026-11-24T17:00:00Z', false],
    ['a Saturday', '2026-11-28T11:00:00Z', false],
    ['9am in summer is 08:00 UTC (BST)', '2026-07-14T08:00:00Z', true],
    ['08:30 UTC in winter is before opening', '2026-01-13T08:30:00Z', false],
    ['Christmas Day', '2026-12-25T11:00:00Z', false],
    ['the Boxing Day substitute Monday', '2026-12-28T11:00:00Z', false],
    ['Good Friday', '2026-04-03T11:00:00Z', false],
    ['the summer bank holiday', '2026-08-31T10:00:00Z', false],
  ])('%s', async (_name, instant, open) => {
    expect(centre.isOpen(await profile(), new Date(instant))).toBe(open);
  });

  test('next opening skips nights, weekends and bank holidays', async () => {
    const next = (instant: string) => centre.nextOpening(profileSync, new Date(instant))?.toISOString();
    const profileSync = await profile();
    expect(next('2026-11-24T18:00:00Z')).toBe('2026-11-25T09:00:00.000Z');
    expect(next('2026-11-27T18:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
    expect(next('2026-12-24T18:00:00Z')).toBe('2026-12-29T09:00:00.000Z');
    expect(next('2026-07-14T06:00:00Z')).toBe('2026-07-14T08:00:00.000Z');
  });

  test('CONTACT_CENTRE_HOURS overrides: always open, or never', async () => {
    const always = parseOpeningHours('always');
    const never = parseOpeningHours('never');
    if (!always.ok || !never.ok) throw new Error('parse failed');
    expect(new ContactCentre(always.hours).isOpen(await profile(), new Date('2026-12-25T03:00:00Z'))).toBe(true);
    expect(new ContactCentre(never.hours).isOpen(await profile(), new Date('2026-11-24T10:00:00Z'))).toBe(false);
    expect(new ContactCentre(never.hours).nextOpening(await profile(), new Date())).toBeUndefined();
  });

  test('residents are told about bank holidays', async () => {
    expect(centre.describeHours(await profile())).toBe('Monday to Friday, 9am to 5pm, except bank holidays');
  });
});

describe('London time', () => {
  test('reads local date, weekday and minutes across the clock change', () => {
    expect(londonTime(new Date('2026-03-29T00:30:00Z'))).toEqual({ date: '2026-03-29', weekday: 0, minutes: 30 });
    expect(londonTime(new Date('2026-03-29T01:30:00Z'))).toEqual({ date: '2026-03-29', weekday: 0, minutes: 150 });
    expect(londonInstant('2026-06-01', 9 * 60).toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(londonInstant('2026-12-01', 9 * 60).toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  test('bank holidays of England and Wales', () => {
    expect(isBankHoliday('2026-05-04')).toBe(true);
    expect(isBankHoliday('2026-05-05')).toBe(false);
    expect(isBankHoliday('2027-01-01')).toBe(true);
  });
});
