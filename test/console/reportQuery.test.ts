import { parseReportQuery, reportQueryString } from '../../src/console/routes/reportQuery';

const SERVICES = ['Council tax', 'Waste and recycling'];

describe("the reports form's filters", () => {
  test('an empty form shows the last 12 weeks of every service', () => {
    expect(parseReportQuery({}, SERVICES)).toEqual({
      ok: true,
      query: { granularity: 'week', count: 12, service: undefined },
      filters: { period: 'week', count: '12', service: '' },
    });
  });

  test('each kind of period has its own default and limit', () => {
    expect(parseReportQuery({ period: 'day' }, SERVICES)).toMatchObject({ ok: true, query: { count: 14 } });
    expect(parseReportQuery({ period: 'month', count: '36' }, SERVICES)).toMatchObject({
      ok: true,
      query: { count: 36 },
    });
    expect(parseReportQuery({ period: 'month', count: '37' }, SERVICES)).toMatchObject({
      ok: false,
      errors: [{ field: 'count', message: 'Enter a number of months from 1 to 36' }],
    });
  });

  test.each([
    [{ count: '0' }, 'count', 'Enter a number of weeks from 1 to 104'],
    [{ count: 'twelve' }, 'count', 'Enter a number of weeks from 1 to 104'],
    [{ count: '1.5' }, 'count', 'Enter a number of weeks from 1 to 104'],
    [{ count: '-3' }, 'count', 'Enter a number of weeks from 1 to 104'],
    [{ service: 'Parks <script>' }, 'service', 'Choose a service from the list'],
    [{ period: 'year' }, 'period', 'Choose days, weeks or months'],
    [{ period: ['day', 'week'] }, 'period', 'Choose days, weeks or months'],
  ])('%j is refused with a message for the field', (query, field, message) => {
    const parsed = parseReportQuery(query, SERVICES);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual({ field, message });
  });

  test('what was typed is kept to show again', () => {
    const parsed = parseReportQuery({ period: 'day', count: 'lots', service: 'Council tax' }, SERVICES);
    expect(parsed.filters).toEqual({ period: 'day', count: 'lots', service: 'Council tax' });
  });

  test('a service from the list filters the figures, and the CSV link carries the same filters', () => {
    const parsed = parseReportQuery({ period: 'month', count: ' 6 ', service: 'Waste and recycling' }, SERVICES);
    expect(parsed).toMatchObject({
      ok: true,
      query: { granularity: 'month', count: 6, service: 'Waste and recycling' },
    });
    expect(reportQueryString(parsed.filters)).toBe('period=month&count=6&service=Waste+and+recycling');
  });
});
