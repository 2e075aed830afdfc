import { computeFigures } from '../../src/figures/computeFigures';
import { periodContaining, recentPeriods } from '../../src/figures/periods';
import type { AnalyticsEvent, NewAnalyticsEvent } from '../../src/storage/repositories/analyticsRepository';

const DAY = periodContaining('day', new Date('2026-11-24T12:00:00Z'));
let counter = 0;
const at = (time: string) => new Date(`2026-11-24T${time}:00Z`);
const event = (time: string, fields: NewAnalyticsEvent): AnalyticsEvent => ({
  _id: `e${counter++}`,
  ...fields,
  at: at(time),
});

describe('the figures of a period', () => {
  test('conversations, containment, answers, no-matches and handoffs', () => {
    const events = [
      event('09:00', { kind: 'message', conversationId: 'a' }),
      event('09:00', { kind: 'reply', conversationId: 'a', action: 'answer', articleId: 'garden-waste' }),
      event('09:10', { kind: 'message', conversationId: 'b' }),
      event('09:10', { kind: 'reply', conversationId: 'b', action: 'noMatch' }),
      event('09:11', { kind: 'message', conversationId: 'b' }),
      event('09:11', { kind: 'reply', conversationId: 'b', action: 'clarify' }),
      event('09:12', {
        kind: 'handoffRequested',
        conversationId: 'b',
        reason: 'residentAsked',
        service: 'Council tax',
        outcome: 'queued',
      }),
      event('09:20', { kind: 'message', conversationId: 'c' }),
      event('09:20', { kind: 'reply', conversationId: 'c', action: 'urgent' }),
      event('09:20', {
        kind: 'handoffRequested',
        conversationId: 'c',
        reason: 'urgent',
        service: 'General enquiries',
        outcome: 'closed',
      }),
      event('09:30', { kind: 'reply', conversationId: 'd', action: 'welcome' }),
      // The day before: not counted.
      { _id: 'old', kind: 'message' as const, conversationId: 'z', at: new Date('2026-11-23T23:59:00Z') },
    ];
    const figures = computeFigures(DAY, events, at('18:00'));
    expect(figures).toMatchObject({
      conversations: 3,
      contained: 1,
      containmentRate: 0.333,
      questions: 3,
      answers: 1,
      noMatches: 1,
      noMatchRate: 0.333,
      urgentMessages: 1,
      handoffs: {
        total: 2,
        outOfHours: 1,
        byReason: { residentAsked: 1, urgent: 1 },
        byService: { 'Council tax': 1, 'General enquiries': 1 },
      },
    });
  });

  test('queue waits (median and 90th percentile) and abandonment', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30];
    const events = [
      ...waits.map((minutes, i) =>
        event('10:00', { kind: 'handoffAccepted', conversationId: `w${i}`, waitMs: minutes * 60_000 }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        event('09:00', { kind: 'handoffRequested', conversationId: `q${i}`, outcome: 'queued' }),
      ),
      event('10:00', { kind: 'handoffEnded', conversationId: 'q1', outcome: 'leftQueue' }),
      event('10:00', { kind: 'handoffEnded', conversationId: 'q2', outcome: 'leftQueue' }),
      event('10:00', { kind: 'handoffEnded', conversationId: 'q3', outcome: 'callbackBooked' }),
    ];
    const figures = computeFigures(DAY, events, at('18:00'));
    expect(figures.queueWait).toEqual({ accepted: 10, medianMinutes: 5, p90Minutes: 9 });
    expect(figures.abandonment).toEqual({ queued: 12, abandoned: 2, rate: 0.167 });
  });

  test('service requests and callbacks answered within the promised time, late, or still pending', () => {
    const promised = new Date('2026-11-26T17:00:00Z');
    const submitted = (reference: string, requestType: string) =>
      event('09:00', { kind: 'requestSubmitted', reference, requestType, promisedBy: promised });
    const status = (reference: string, status: string, when: string) => ({
      _id: `s-${reference}-${status}`,
      kind: 'requestStatus' as const,
      reference,
      status,
      at: new Date(when),
    });
    const events = [
      submitted('R1', 'missed-bin'),
      submitted('R2', 'missed-bin'),
      submitted('R3', 'fly-tipping'),
      submitted('R4', 'callback'),
      submitted('R5', 'callback'),
      status('R1', 'forwarded', '2026-11-24T09:01:00Z'),
      status('R1', 'resolved', '2026-11-25T10:00:00Z'),
      status('R2', 'inProgress', '2026-11-27T10:00:00Z'),
      status('R4', 'resolved', '2026-11-24T15:00:00Z'),
    ];
    const beforeDue = computeFigures(DAY, events, new Date('2026-11-26T12:00:00Z'));
    expect(beforeDue.requests).toEqual({
      total: 5,
      onTime: 2,
      late: 1,
      pending: 2,
      onTimeRate: 0.667,
      byType: { 'missed-bin': 2, 'fly-tipping': 1, callback: 2 },
    });
    expect(beforeDue.callbacks).toEqual({ total: 2, onTime: 1, late: 0, pending: 1, onTimeRate: 1 });
    const afterDue = computeFigures(DAY, events, new Date('2026-11-30T12:00:00Z'));
    expect(afterDue.requests).toMatchObject({ onTime: 2, late: 3, pending: 0, onTimeRate: 0.4 });
    expect(afterDue.callbacks).toMatchObject({ onTime: 1, late: 1, onTimeRate: 0.5 });
  });

  test('councillors’ member enquiries are counted apart, against their own promised date', () => {
    const submitted = (reference: string, requestType: string, promisedBy: string) =>
      event('09:00', { kind: 'requestSubmitted', reference, requestType, promisedBy: new Date(promisedBy) });
    const status = (reference: string, status: string, when: string): AnalyticsEvent => ({
      _id: `m-${reference}-${status}`,
      kind: 'requestStatus',
      reference,
      status,
      at: new Date(when),
    });
    const events = [
      submitted('M1', 'member-enquiry', '2026-12-08T23:59:00Z'),
      submitted('M2', 'member-enquiry', '2026-12-08T23:59:00Z'),
      submitted('M3', 'member-enquiry', '2026-12-08T23:59:00Z'),
      submitted('R1', 'missed-bin', '2026-11-26T17:00:00Z'),
      status('M1', 'forwarded', '2026-11-24T09:01:00Z'),
      status('M1', 'resolved', '2026-12-01T10:00:00Z'),
      status('M2', 'inProgress', '2026-12-10T10:00:00Z'),
    ];
    const figures = computeFigures(
      DAY,
      events.filter((item) => item.at <= new Date('2026-12-04T12:00:00Z')),
      new Date('2026-12-04T12:00:00Z'),
    );
    expect(figures.memberEnquiries).toEqual({ total: 3, onTime: 1, late: 0, pending: 2, onTimeRate: 1 });
    expect(figures.requests).toMatchObject({ total: 1, byType: { 'missed-bin': 1 } });
    const later = computeFigures(DAY, events, new Date('2026-12-11T12:00:00Z'));
    expect(later.memberEnquiries).toEqual({ total: 3, onTime: 1, late: 2, pending: 0, onTimeRate: 0.333 });
  });

  test('satisfaction, helpfulness per article and the language model', () => {
    const events = [
      ...[5, 4, 4, 1].map((score) => event('11:00', { kind: 'rating', score })),
      event('11:00', { kind: 'feedback', articleId: 'garden-waste', helpful: true }),
      event('11:00', { kind: 'feedback', articleId: 'garden-waste', helpful: false }),
      event('11:00', { kind: 'feedback', articleId: 'garden-waste', helpful: true }),
      event('11:00', { kind: 'feedback', articleId: 'bulky-waste', helpful: false }),
      event('11:00', { kind: 'llm', action: 'rewrite', tokens: 300, latencyMs: 800, outcome: 'ok' }),
      event('11:00', { kind: 'llm', action: 'answer', tokens: 200, latencyMs: 1200, outcome: 'ok' }),
      event('11:00', { kind: 'llm', action: 'generated' }),
      event('11:00', { kind: 'llm', action: 'answer', tokens: 0, latencyMs: 3000, outcome: 'timeout' }),
      event('11:00', { kind: 'llm', action: 'fallback', outcome: 'unavailable' }),
    ];
    const figures = computeFigures(DAY, events, at('18:00'));
    expect(figures.satisfaction).toEqual({ ratings: 4, average: 3.5, distribution: [1, 0, 0, 2, 1] });
    expect(figures.helpfulness).toEqual([
      { articleId: 'garden-waste', helpful: 2, notHelpful: 1 },
      { articleId: 'bulky-waste', helpful: 0, notHelpful: 1 },
    ]);
    expect(figures.languageModel).toEqual({ calls: 3, tokens: 500, medianLatencyMs: 1200, generated: 1, fallbacks: 1 });
  });

  test('an empty period has zeros and no rates', () => {
    const figures = computeFigures(DAY, [], at('18:00'));
    expect(figures).toMatchObject({ conversations: 0, containmentRate: null, noMatchRate: null });
    expect(figures.satisfaction.average).toBeNull();
  });
});

describe('periods in London time', () => {
  test('days, Monday weeks and months', () => {
    expect(recentPeriods('day', 2, new Date('2026-11-24T12:00:00Z')).map((period) => period.key)).toEqual([
      '2026-11-23',
      '2026-11-24',
    ]);
    const [week] = recentPeriods('week', 1, new Date('2026-11-26T12:00:00Z'));
    expect(week).toMatchObject({ key: '2026-11-23', label: 'Week of 23 November 2026' });
    const months = recentPeriods('month', 3, new Date('2026-01-15T12:00:00Z'));
    expect(months.map((period) => period.label)).toEqual(['November 2025', 'December 2025', 'January 2026']);
    const [july] = recentPeriods('month', 1, new Date('2026-07-15T12:00:00Z'));
    expect(july?.start.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });
});
