import { FiguresService } from '../../src/figures/figuresService';
import type { KnowledgeService } from '../../src/knowledge/knowledgeService';
import type {
  AnalyticsEvent,
  AnalyticsKind,
  NewAnalyticsEvent,
} from '../../src/storage/repositories/analyticsRepository';
import { shippedKnowledge } from '../support/testBot';

/** Thursday 26 November 2026, noon: the current week began on Monday 23rd. */
const NOW = new Date('2026-11-26T12:00:00Z');
const MINUTE = 60_000;

let counter = 0;
const event = (at: string, fields: NewAnalyticsEvent): AnalyticsEvent => ({
  _id: `e${counter++}`,
  ...fields,
  at: new Date(at),
});
const endOfDay = (date: string) => new Date(`${date}T23:59:59Z`);

/**
 * A known fortnight and a bit. Week of 9 November: H asks about council tax bands. Week of 16 November: A asks about
 * council tax bands; B reports a missed bin (R1, answered on time); C reports fly-tipping (R2, answered late, in the
 * next week); D is answered about council tax, then not understood, asks for a person (waited 4 minutes, rated 4)
 * and books a callback (R4, answered on time). Week of 23 November: E finds the garden waste answer helpful, F is not
 * understood, G books a callback (R3, unanswered and now overdue), and the language model is called once.
 */
const EVENTS: AnalyticsEvent[] = [
  event('2026-11-02T10:00:00Z', { kind: 'message', conversationId: 'Z' }),
  event('2026-11-10T10:00:00Z', { kind: 'message', conversationId: 'H' }),
  event('2026-11-10T10:00:01Z', {
    kind: 'reply',
    conversationId: 'H',
    action: 'answer',
    articleId: 'council-tax-bands',
  }),
  event('2026-11-17T10:00:00Z', { kind: 'message', conversationId: 'A' }),
  event('2026-11-17T10:00:01Z', {
    kind: 'reply',
    conversationId: 'A',
    action: 'answer',
    articleId: 'council-tax-bands',
  }),
  event('2026-11-18T09:00:00Z', { kind: 'message', conversationId: 'B' }),
  event('2026-11-18T09:00:01Z', {
    kind: 'reply',
    conversationId: 'B',
    action: 'answer',
    articleId: 'missed-bin-collection',
  }),
  event('2026-11-18T09:05:00Z', {
    kind: 'requestSubmitted',
    conversationId: 'B',
    requestType: 'missed-bin',
    reference: 'R1',
    promisedBy: endOfDay('2026-11-20'),
  }),
  event('2026-11-18T11:00:00Z', { kind: 'message', conversationId: 'D' }),
  event('2026-11-18T11:00:01Z', {
    kind: 'reply',
    conversationId: 'D',
    action: 'answer',
    articleId: 'council-tax-payment',
  }),
  event('2026-11-18T11:01:00Z', { kind: 'message', conversationId: 'D' }),
  event('2026-11-18T11:01:01Z', { kind: 'reply', conversationId: 'D', action: 'noMatch' }),
  event('2026-11-18T11:02:00Z', {
    kind: 'handoffRequested',
    conversationId: 'D',
    reason: 'residentAsked',
    service: 'Council tax',
    outcome: 'queued',
  }),
  event('2026-11-18T11:06:00Z', {
    kind: 'handoffAccepted',
    conversationId: 'D',
    service: 'Council tax',
    waitMs: 4 * MINUTE,
  }),
  event('2026-11-18T11:20:00Z', { kind: 'rating', conversationId: 'D', service: 'Council tax', score: 4 }),
  event('2026-11-18T11:25:00Z', {
    kind: 'requestSubmitted',
    conversationId: 'D',
    requestType: 'callback',
    reference: 'R4',
    promisedBy: endOfDay('2026-11-20'),
  }),
  event('2026-11-19T08:00:00Z', {
    kind: 'requestStatus',
    requestType: 'missed-bin',
    reference: 'R1',
    status: 'resolved',
  }),
  event('2026-11-19T09:00:00Z', { kind: 'message', conversationId: 'C' }),
  event('2026-11-19T09:05:00Z', {
    kind: 'requestSubmitted',
    conversationId: 'C',
    requestType: 'fly-tipping',
    reference: 'R2',
    promisedBy: endOfDay('2026-11-21'),
  }),
  event('2026-11-19T15:00:00Z', {
    kind: 'requestStatus',
    requestType: 'callback',
    reference: 'R4',
    status: 'resolved',
  }),
  event('2026-11-23T09:00:00Z', { kind: 'message', conversationId: 'E' }),
  event('2026-11-23T09:00:01Z', { kind: 'reply', conversationId: 'E', action: 'answer', articleId: 'garden-waste' }),
  event('2026-11-23T09:01:00Z', { kind: 'feedback', conversationId: 'E', articleId: 'garden-waste', helpful: true }),
  event('2026-11-23T10:00:00Z', { kind: 'message', conversationId: 'F' }),
  event('2026-11-23T10:00:01Z', { kind: 'reply', conversationId: 'F', action: 'noMatch' }),
  event('2026-11-23T12:00:00Z', { kind: 'message', conversationId: 'G' }),
  event('2026-11-23T12:05:00Z', {
    kind: 'requestSubmitted',
    conversationId: 'G',
    requestType: 'callback',
    reference: 'R3',
    promisedBy: endOfDay('2026-11-25'),
  }),
  event('2026-11-24T10:00:00Z', {
    kind: 'requestStatus',
    requestType: 'fly-tipping',
    reference: 'R2',
    status: 'inProgress',
  }),
  event('2026-11-24T11:00:00Z', { kind: 'llm', action: 'answer', tokens: 250, latencyMs: 900, outcome: 'ok' }),
];

/** The analytics repository's `list`, over the events above, counting its calls. */
class FakeAnalytics {
  readonly calls: Array<{ since: Date; until: Date }> = [];

  async list(since: Date, until: Date, kinds?: readonly AnalyticsKind[]): Promise<AnalyticsEvent[]> {
    this.calls.push({ since, until });
    return EVENTS.filter((one) => one.at >= since && one.at < until && (!kinds || kinds.includes(one.kind))).sort(
      (a, b) => a.at.getTime() - b.at.getTime(),
    );
  }
}

describe('the figures service', () => {
  let knowledge: KnowledgeService;
  let analytics: FakeAnalytics;
  let figures: FiguresService;

  beforeAll(async () => {
    knowledge = await shippedKnowledge();
  });

  beforeEach(() => {
    analytics = new FakeAnalytics();
    figures = new FiguresService({ analytics, knowledge, clock: () => NOW });
  });

  test('the last weeks, oldest first, from one load of the events from the first week to now', async () => {
    const report = await figures.report({ granularity: 'week', count: 3 });
    expect(report).toMatchObject({ granularity: 'week', service: undefined, generatedAt: NOW });
    expect(report.periods.map((figures) => figures.period.key)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(analytics.calls).toEqual([{ since: new Date('2026-11-09T00:00:00Z'), until: new Date(NOW.getTime() + 1) }]);

    const [ninth, sixteenth, current] = report.periods;
    expect(ninth).toMatchObject({ conversations: 1, contained: 1, answers: 1 });
    expect(sixteenth).toMatchObject({
      conversations: 4,
      contained: 3,
      containmentRate: 0.75,
      questions: 4,
      noMatches: 1,
      handoffs: { total: 1, byReason: { residentAsked: 1 }, byService: { 'Council tax': 1 } },
      queueWait: { accepted: 1, medianMinutes: 4, p90Minutes: 4 },
      satisfaction: { ratings: 1, average: 4 },
    });
    // R2 was answered in the next week, after its promised date: it is late, not pending.
    expect(sixteenth?.requests).toEqual({
      total: 3,
      onTime: 2,
      late: 1,
      pending: 0,
      onTimeRate: 0.667,
      byType: { 'missed-bin': 1, callback: 1, 'fly-tipping': 1 },
    });
    expect(sixteenth?.callbacks).toMatchObject({ total: 1, onTime: 1 });
    expect(current).toMatchObject({
      conversations: 3,
      contained: 3,
      noMatches: 1,
      helpfulness: [{ articleId: 'garden-waste', helpful: 1, notHelpful: 0 }],
      callbacks: { total: 1, onTime: 0, late: 1, pending: 0 },
      languageModel: { calls: 1, tokens: 250 },
    });
  });

  test('days and months are periods too, in London time', async () => {
    const days = await figures.report({ granularity: 'day', count: 4 });
    expect(days.periods.map((figures) => [figures.period.key, figures.conversations])).toEqual([
      ['2026-11-23', 3],
      ['2026-11-24', 0],
      ['2026-11-25', 0],
      ['2026-11-26', 0],
    ]);
    const months = await figures.report({ granularity: 'month', count: 2 });
    expect(months.periods.map((figures) => [figures.period.label, figures.conversations])).toEqual([
      ['October 2026', 0],
      ['November 2026', 9],
    ]);
  });

  test("a service's figures: conversations that touched it through an article, a handoff or a request", async () => {
    const councilTax = await figures.report({ granularity: 'week', count: 3, service: 'Council tax' });
    const [ninth, sixteenth, current] = councilTax.periods;
    expect(ninth?.conversations).toBe(1);
    // A and D; D's no-match, handoff and rating count, and so does the callback D booked (another service's
    // request type), with its answer, which carries no conversation.
    expect(sixteenth).toMatchObject({
      conversations: 2,
      contained: 1,
      questions: 3,
      noMatches: 1,
      handoffs: { total: 1 },
      satisfaction: { ratings: 1 },
      requests: { total: 1, onTime: 1, byType: { callback: 1 } },
      callbacks: { total: 1, onTime: 1 },
    });
    expect(current).toMatchObject({ conversations: 0, languageModel: { calls: 0 } });

    const streetScene = await figures.report({ granularity: 'week', count: 3, service: 'Street scene' });
    // C reported fly-tipping (a Street scene request type), answered late the next week.
    expect(streetScene.periods[1]).toMatchObject({
      conversations: 1,
      requests: { total: 1, onTime: 0, late: 1 },
    });
    expect(streetScene.periods[2]?.conversations).toBe(0);

    const waste = await figures.report({ granularity: 'week', count: 3, service: 'Waste and recycling' });
    expect(waste.periods.map((figures) => figures.conversations)).toEqual([0, 1, 1]);
    expect(waste.periods[1]?.requests).toMatchObject({ total: 1, onTime: 1 });
    expect(waste.periods[2]?.helpfulness).toEqual([{ articleId: 'garden-waste', helpful: 1, notHelpful: 0 }]);

    const customerServices = await figures.report({ granularity: 'week', count: 3, service: 'Customer services' });
    expect(customerServices.periods.map((figures) => figures.callbacks.total)).toEqual([0, 1, 1]);
    expect(customerServices.periods.map((figures) => figures.conversations)).toEqual([0, 1, 1]);
  });

  test('several reports share one load of the events', async () => {
    const [months, weeks] = await figures.reports([
      { granularity: 'month', count: 2 },
      { granularity: 'week', count: 2, service: 'Council tax' },
    ]);
    expect(months?.periods).toHaveLength(2);
    expect(weeks?.periods.map((figures) => figures.conversations)).toEqual([2, 0]);
    expect(analytics.calls).toEqual([
      { since: new Date('2026-10-01T00:00:00+01:00'), until: new Date(NOW.getTime() + 1) },
    ]);
  });

  test('the services to filter by come from the articles and the request types', () => {
    const services = figures.services();
    expect(services).toEqual([...services].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(services).toEqual(
      expect.arrayContaining(['Council tax', 'Customer services', 'Street scene', 'Waste and recycling']),
    );
    expect(new Set(services).size).toBe(services.length);
    expect(figures.articleTitle('garden-waste')).toMatch(/garden waste/i);
    expect(figures.articleTitle('no-such-article')).toBeUndefined();
  });

  test('a report covers 1 to the most periods allowed', async () => {
    await expect(figures.report({ granularity: 'week', count: 0 })).rejects.toThrow(RangeError);
    await expect(figures.report({ granularity: 'day', count: 93 })).rejects.toThrow(RangeError);
    expect(analytics.calls).toHaveLength(0);
  });
});
