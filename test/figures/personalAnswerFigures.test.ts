import { personalAnswerFigures } from '../../src/figures/personalAnswerFigures';
import type { AnalyticsEvent } from '../../src/storage/repositories/analyticsRepository';

let n = 0;
const event = (fields: Partial<AnalyticsEvent> & Pick<AnalyticsEvent, 'kind'>): AnalyticsEvent => ({
  _id: String(n++),
  at: new Date('2026-12-07T10:00:00Z'),
  ...fields,
});

test('the share of bin-day questions answered with a date, and Open311 deliveries with their round trip', () => {
  const figures = personalAnswerFigures([
    event({ kind: 'binDay', outcome: 'asked' }),
    event({ kind: 'binDay', outcome: 'date' }),
    event({ kind: 'binDay', outcome: 'asked' }),
    event({ kind: 'binDay', outcome: 'noAddresses' }),
    event({ kind: 'binDay', outcome: 'asked' }),
    event({ kind: 'binDay', outcome: 'date' }),
    event({ kind: 'open311', outcome: 'delivered', durationMs: 1000 }),
    event({ kind: 'open311', outcome: 'delivered', durationMs: 3000 }),
    event({ kind: 'open311', outcome: 'closed', durationMs: 86_400_000 }),
    event({ kind: 'reply', action: 'collections' }),
  ]);
  expect(figures).toEqual({
    binDays: { asked: 3, answeredWithDate: 2, rate: 0.667 },
    open311: { delivered: 2, closed: 1, medianDeliveryMs: 2000, medianRoundTripMs: 86_400_000 },
  });
  expect(personalAnswerFigures([]).binDays.rate).toBeNull();
});
