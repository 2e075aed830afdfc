import { addWorkingDays, bankHolidays, isWorkingDay, responseDueBy } from '../../src/calendar/workingDays';

describe('working days in England and Wales', () => {
  test.each([
    // [from, working days, expected, why]
    ['2026-05-06', 2, '2026-05-08', 'Wednesday to Friday'],
    ['2026-05-07', 2, '2026-05-11', 'over a weekend'],
    ['2026-05-09', 2, '2026-05-12', 'from a Saturday: Monday is the first'],
    ['2026-12-24', 2, '2026-12-30', 'Christmas Day, the weekend and the Boxing Day substitute on Monday 28th'],
    ['2026-04-02', 2, '2026-04-08', 'Good Friday and Easter Monday'],
    [
      '2027-12-23',
      2,
      '2027-12-29',
      'Christmas and Boxing Day on a weekend: substitutes on Monday 27th and Tuesday 28th',
    ],
    ['2026-05-01', 1, '2026-05-05', 'the early May bank holiday'],
    ['2023-05-05', 2, '2023-05-10', 'a one-off bank holiday (the coronation, Monday 8 May 2023)'],
  ])('%s plus %i working days is %s (%s)', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  test('weekends and bank holidays are not working days', () => {
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-05-09')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect(bankHolidays(2026).has('2026-08-31')).toBe(true);
    expect(bankHolidays(2026).size).toBe(9);
  });

  test('the promised date counts from the day in UK time: 00:30 BST on a Saturday is Saturday', () => {
    expect(responseDueBy(new Date('2026-06-05T23:30:00Z'), 2)).toBe('2026-06-09');
    expect(responseDueBy(new Date('2026-06-05T22:30:00Z'), 2)).toBe('2026-06-09');
    expect(responseDueBy(new Date('2026-06-05T10:00:00Z'), 2)).toBe('2026-06-09');
    expect(responseDueBy(new Date('2026-06-04T22:59:00Z'), 2)).toBe('2026-06-08');
  });
});
