import { computeFigures } from '../../src/figures/computeFigures';
import { csvCell, toCsv } from '../../src/figures/csv';
import { figuresCsv, type FigureNames } from '../../src/figures/figuresCsv';
import type { FiguresReport } from '../../src/figures/figuresService';
import { recentPeriods } from '../../src/figures/periods';
import type { AnalyticsEvent, NewAnalyticsEvent } from '../../src/storage/repositories/analyticsRepository';

describe('CSV cells', () => {
  test.each([
    ['plain text', 'Council tax', 'Council tax'],
    ['a comma', 'Waste, recycling', '"Waste, recycling"'],
    ['quotes', 'the "green" bin', '"the ""green"" bin"'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return and line feed', 'one\r\ntwo', '"one\r\ntwo"'],
    ['a formula', '=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ['a leading plus', '+44 1632 960000', "'+44 1632 960000"],
    ['a leading minus', '-2+3', "'-2+3"],
    ['a leading at sign', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['a formula after spaces', '  =1+1', "'  =1+1"],
    ['a leading tab', '\t=1+1', "'\t=1+1"],
    ['a leading carriage return', '\r=1+1', '"\'\r=1+1"'],
    ['an equals sign later on', 'a=b', 'a=b'],
    ['an empty string', '', ''],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('numbers are written as numbers, negative ones too; null, undefined and non-finite numbers are empty', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(0.667)).toBe('0.667');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  test('rows end with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});

describe('the figures as CSV', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  let counter = 0;
  const event = (at: string, fields: NewAnalyticsEvent): AnalyticsEvent => ({
    _id: `e${counter++}`,
    ...fields,
    at: new Date(at),
  });
  const events = [
    event('2026-11-17T10:00:00Z', { kind: 'message', conversationId: 'a' }),
    event('2026-11-17T10:00:01Z', { kind: 'reply', conversationId: 'a', action: 'answer', articleId: 'garden-waste' }),
    event('2026-11-17T10:01:00Z', { kind: 'feedback', conversationId: 'a', articleId: 'garden-waste', helpful: true }),
    event('2026-11-18T10:00:00Z', { kind: 'message', conversationId: 'b' }),
    event('2026-11-18T10:00:01Z', {
      kind: 'handoffRequested',
      conversationId: 'b',
      reason: 'urgent',
      service: '=cmd|" /C calc"!A0',
      outcome: 'queued',
    }),
    event('2026-11-24T10:00:00Z', {
      kind: 'requestSubmitted',
      requestType: 'missed-bin',
      reference: 'R1',
      promisedBy: new Date('2026-11-26T23:59:59Z'),
    }),
    event('2026-11-24T10:00:00Z', { kind: 'rating', score: 5 }),
  ];
  const periods = recentPeriods('week', 2, now);
  const report: FiguresReport = {
    granularity: 'week',
    service: undefined,
    generatedAt: now,
    periods: periods.map((period) => computeFigures(period, events, now)),
  };
  const names: FigureNames = {
    reason: (code) => (code === 'urgent' ? 'Urgent' : code),
    requestType: (code) => (code === 'missed-bin' ? 'Missed bin collection' : code),
    article: (articleId) => (articleId === 'garden-waste' ? 'Garden waste collections' : articleId),
  };

  /** Parses the CSV this writer produces (quoted cells, doubled quotes, CRLF rows). */
  function parse(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"') quoted = true;
      else if (char === ',') {
        row.push(cell);
        cell = '';
      } else if (char === '\r' && text[i + 1] === '\n') {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        i++;
      } else cell += char;
    }
    return rows;
  }

  test('one row per period, a column per figure, with names for codes', () => {
    const rows = parse(figuresCsv(report, names));
    expect(rows).toHaveLength(3);
    const [header = [], first = [], second = []] = rows;
    for (const row of rows) expect(row).toHaveLength(header.length);
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    expect(header.slice(0, 7)).toEqual([
      'Period',
      'From',
      'To',
      'Service',
      'Conversations',
      'Contained (no person needed)',
      'Containment rate',
    ]);
    expect(header).toEqual(
      expect.arrayContaining([
        'Handoffs: Urgent',
        'Requests: Missed bin collection',
        'Helpful: Garden waste collections',
        'Not helpful: Garden waste collections',
        'Median wait (minutes)',
        'Requests on-time rate',
        'Callbacks on-time rate',
        'Average rating (1 to 5)',
        'Language model tokens',
      ]),
    );
    expect(first.slice(0, 7)).toEqual([
      'Week of 16 November 2026',
      '2026-11-16',
      '2026-11-22',
      'All services',
      '2',
      '1',
      '0.5',
    ]);
    expect(column(first, 'Handoffs: Urgent')).toBe('1');
    expect(column(first, 'Helpful: Garden waste collections')).toBe('1');
    expect(column(first, 'Median wait (minutes)')).toBe('');
    expect(column(second, 'Period')).toBe('Week of 23 November 2026');
    expect(column(second, 'Requests: Missed bin collection')).toBe('1');
    expect(column(second, 'Requests not yet due')).toBe('1');
    expect(column(second, 'Average rating (1 to 5)')).toBe('5');
    expect(column(second, 'Rated 5')).toBe('1');
  });

  test('text that looks like a formula is written as text', () => {
    const text = figuresCsv({ ...report, service: '@SUM(1+1)*cmd|" /C calc"!A0' }, names);
    expect(text).toContain(`"Handoffs to: =cmd|"" /C calc""!A0"`);
    const [header = [], first = []] = parse(text);
    expect(first[header.indexOf('Service')]).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    for (const row of parse(text)) expect(row.some((cell) => /^\s*[=+\-@]/.test(cell))).toBe(false);
  });
});
