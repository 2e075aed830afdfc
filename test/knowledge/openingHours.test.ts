import { describeOpeningHours, parseOpeningHours } from '../../src/contactCentre/openingHours';

describe('contact centre opening hours', () => {
  test('weekday hours are parsed and described in plain English', () => {
    const parsed = parseOpeningHours('Mon-Fri 09:00-17:00');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(describeOpeningHours(parsed.hours)).toBe('Monday to Friday, 9am to 5pm');
  });

  test('several sessions and half hours', () => {
    const parsed = parseOpeningHours('Mon-Thu 08:30-17:00, Sat 09:00-12:30');
    expect(parsed.ok && describeOpeningHours(parsed.hours)).toBe(
      'Monday to Thursday, 8:30am to 5pm; Saturday, 9am to 12:30pm',
    );
  });

  test('always and never', () => {
    expect(parseOpeningHours('always')).toEqual({ ok: true, hours: { kind: 'always' } });
    expect(parseOpeningHours('NEVER')).toEqual({ ok: true, hours: { kind: 'never' } });
  });

  test.each(['weekdays', 'Mon-Fri 9-5', 'Mon-Fri 17:00-09:00', 'Mon-Fun 09:00-17:00', 'Mon-Fri 25:00-26:00'])(
    '"%s" is refused with a reason',
    (text) => {
      const parsed = parseOpeningHours(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.length).toBeGreaterThan(10);
    },
  );
});
