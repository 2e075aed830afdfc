import { callbackWindow } from '../../src/contactCentre/callbackWindow';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';

function hours(text: string) {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.hours;
}

const weekdays = hours('Mon-Fri 09:00-17:00');
/** Friday 4 December 2026, 19:30 in London (GMT). */
const fridayEvening = new Date('2026-12-04T19:30:00Z');
/** Monday 7 December 2026, 10:05 in London. */
const mondayMorning = new Date('2026-12-07T10:05:00Z');

function described(window: ReturnType<typeof callbackWindow>) {
  return window && `${window.date} ${window.start.toISOString()}-${window.end.toISOString()}`;
}

describe('when the council promises to call back', () => {
  test.each([
    ['Any time', fridayEvening, '2026-12-07 2026-12-07T09:00:00.000Z-2026-12-07T12:00:00.000Z'],
    ['Weekday afternoons', fridayEvening, '2026-12-07 2026-12-07T12:00:00.000Z-2026-12-07T17:00:00.000Z'],
    ['Any time', mondayMorning, '2026-12-07 2026-12-07T12:00:00.000Z-2026-12-07T17:00:00.000Z'],
    ['Weekday mornings', mondayMorning, '2026-12-08 2026-12-08T09:00:00.000Z-2026-12-08T12:00:00.000Z'],
    ['2026-12-10 afternoon', mondayMorning, '2026-12-10 2026-12-10T12:00:00.000Z-2026-12-10T17:00:00.000Z'],
    ['2026-12-10', mondayMorning, '2026-12-10 2026-12-10T09:00:00.000Z-2026-12-10T12:00:00.000Z'],
  ])('%s, booked %s: %s', (preferred, bookedAt, expected) => {
    expect(described(callbackWindow(preferred, weekdays, bookedAt))).toBe(expected);
  });

  test('bank holidays are skipped (Christmas Eve evening to the 29th)', () => {
    const window = callbackWindow('Any time', weekdays, new Date('2026-12-24T18:00:00Z'));
    expect(window?.date).toBe('2026-12-29');
  });

  test('in summer the window is in British Summer Time', () => {
    const window = callbackWindow('Weekday mornings', weekdays, new Date('2026-06-05T18:00:00Z'));
    expect(window?.start.toISOString()).toBe('2026-06-08T08:00:00.000Z');
  });

  test('a centre that never opens makes no promise of a time; one always open calls in office hours', () => {
    expect(callbackWindow('Any time', hours('never'), fridayEvening)).toBeUndefined();
    expect(callbackWindow('Any time', hours('always'), fridayEvening)?.date).toBe('2026-12-07');
  });
});
