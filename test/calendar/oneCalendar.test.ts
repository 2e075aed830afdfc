import { bankHolidays, isBankHoliday } from '../../src/calendar/bankHolidays';
import { formatDateTime, formatLongDate, longDateLabel, shortDateLabel } from '../../src/calendar/dateLabels';
import { addDays, dayOfWeek, londonDate, londonTime } from '../../src/calendar/londonTime';
import { isWorkingDay } from '../../src/calendar/workingDays';

describe('one calendar for the contact centre, requests and figures', () => {
  test('the contact centre closes on exactly the days requests do not count as working days', () => {
    // The contact centre (isBankHoliday) and the request deadlines (isWorkingDay) once read the holiday data with
    // different filters; every weekday of these years must now agree.
    for (let date = '2022-01-01'; date < '2031-01-01'; date = addDays(date, 1)) {
      const weekday = dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;
      if (weekday) expect([date, isWorkingDay(date)]).toEqual([date, !isBankHoliday(date)]);
    }
  });

  test.each([
    ['2026-12-28', 'the Boxing Day substitute'],
    ['2027-12-27', 'the Christmas Day substitute'],
    ['2022-09-19', 'a one-off day: the state funeral'],
    ['2023-05-08', 'a one-off day: the coronation'],
    ['2026-08-31', 'the summer bank holiday'],
  ])('%s is a bank holiday (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(bankHolidays(Number(date.slice(0, 4))).has(date)).toBe(true);
  });

  test("Mother's Day (an observance) and an ordinary Friday are not bank holidays", () => {
    expect(isBankHoliday('2026-03-15')).toBe(false);
    expect(isBankHoliday('2026-06-12')).toBe(false);
  });

  test('London dates follow the clock in England, in summer and in winter', () => {
    expect(londonDate(new Date('2026-05-31T23:30:00Z'))).toBe('2026-06-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(londonTime(new Date('2026-03-29T01:30:00Z'))).toEqual({ date: '2026-03-29', weekday: 0, minutes: 150 });
  });

  test('dates are written the way residents and charts read them', () => {
    expect(formatLongDate('2026-12-30')).toBe('Wednesday 30 December 2026');
    expect(longDateLabel('2026-03-07')).toBe('7 March 2026');
    expect(shortDateLabel('2026-03-07')).toBe('7 Mar');
    expect(formatDateTime(new Date('2026-06-30T13:05:00Z'))).toMatch(/^30 June 2026(,| at) 14:05$/);
  });
});
