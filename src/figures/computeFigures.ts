import { MEMBER_ENQUIRY_TYPE } from '../casework/memberEnquiry';
import type { AnalyticsEvent } from '../storage/repositories/analyticsRepository';
import type { Period } from './periods';
import { type PersonalAnswerFigures, personalAnswerFigures } from './personalAnswerFigures';

/** How many of something were on time: answered by the promised time, late, or not yet due. */
export interface OnTime {
  total: number;
  onTime: number;
  late: number;
  /** Not answered yet and not yet due. */
  pending: number;
  /** On time as a share of those decided (on time or late); null when none is. */
  onTimeRate: number | null;
}

/** The service's figures for one period, computed from analytics events only (no personal data). */
export interface PeriodFigures {
  period: Period;
  /** Conversations in which a resident wrote at least once. */
  conversations: number;
  /** Of those, resolved without asking for a person. */
  contained: number;
  containmentRate: number | null;
  /** Questions the bot tried to answer from the knowledge base (answers, clarifications, no-matches). */
  questions: number;
  answers: number;
  noMatches: number;
  noMatchRate: number | null;
  urgentMessages: number;
  /** Conversations in which the bot signposted emergency help (or asked whether anyone was in danger), by kind. */
  urgentConversations: {
    total: number;
    byCategory: Record<string, number>;
    /** Safeguarding follow-ups recorded because nobody could take the conversation (out of hours, nobody free). */
    followUps: number;
  };
  handoffs: {
    total: number;
    /** Requests for a person that came when the contact centre was closed. */
    outOfHours: number;
    byReason: Record<string, number>;
    byService: Record<string, number>;
  };
  queueWait: { accepted: number; medianMinutes: number | null; p90Minutes: number | null };
  /** Residents who stopped waiting before a CSA took the conversation. */
  abandonment: { queued: number; abandoned: number; rate: number | null };
  callbacks: OnTime;
  /** Residents' service requests (councillors' member enquiries apart: they have their own target). */
  requests: OnTime & { byType: Record<string, number> };
  /** Cases councillors raised for residents, against the member-enquiry target. */
  memberEnquiries: OnTime;
  satisfaction: { ratings: number; average: number | null; distribution: [number, number, number, number, number] };
  /** "Was this helpful?" answers per article. */
  helpfulness: Array<{ articleId: string; helpful: number; notHelpful: number }>;
  /** Calls to the language model, the tokens they used, answers it wrote and answers given without it instead. */
  languageModel: {
    calls: number;
    tokens: number;
    medianLatencyMs: number | null;
    generated: number;
    fallbacks: number;
  };
  /** Bin-day questions answered with a date; requests delivered over Open311 and their round trip. */
  personalAnswers: PersonalAnswerFigures;
}

/** Request statuses that count as the council's reply (anything staff did beyond passing it to the CRM). */
const ANSWERED_STATUSES = new Set(['inProgress', 'resolved', 'cancelled']);
const QUESTION_ACTIONS = new Set(['answer', 'clarify', 'noMatch']);

/**
 * The figures of `period` from `events`, which must cover the period and everything after it up to `now` (a
 * request made in the period may be answered later). Counts are of events inside the period; response times follow
 * each request made in the period to its first answer, whenever that came.
 */
export function computeFigures(period: Period, events: readonly AnalyticsEvent[], now: Date): PeriodFigures {
  const inPeriod = events.filter((event) => event.at >= period.start && event.at < period.end);
  const of = (kind: AnalyticsEvent['kind']) => inPeriod.filter((event) => event.kind === kind);

  const talked = new Set(of('message').flatMap((event) => event.conversationId ?? []));
  const handoffRequests = of('handoffRequested');
  const handedOff = new Set(handoffRequests.flatMap((event) => event.conversationId ?? []));
  const contained = [...talked].filter((id) => !handedOff.has(id)).length;

  const replies = of('reply');
  const questions = replies.filter((event) => QUESTION_ACTIONS.has(event.action ?? '')).length;
  const noMatches = replies.filter((event) => event.action === 'noMatch').length;

  const waits = of('handoffAccepted').flatMap((event) => (event.waitMs === undefined ? [] : [event.waitMs / 60_000]));
  const queued = handoffRequests.filter((event) => event.outcome === 'queued').length;
  const abandoned = of('handoffEnded').filter((event) => event.outcome === 'leftQueue').length;

  const allSubmitted = of('requestSubmitted');
  const submitted = allSubmitted.filter((event) => event.requestType !== MEMBER_ENQUIRY_TYPE);
  const requests = onTime(submitted, events, now);
  const ratings = of('rating').flatMap((event) => (event.score === undefined ? [] : [event.score]));
  const llm = of('llm');
  const llmCalls = llm.filter((event) => event.action !== 'fallback' && event.action !== 'generated');
  const rated = (score: number) => ratings.filter((given) => given === score).length;

  return {
    period,
    conversations: talked.size,
    contained,
    containmentRate: ratio(contained, talked.size),
    questions,
    answers: replies.filter((event) => event.action === 'answer').length,
    noMatches,
    noMatchRate: ratio(noMatches, questions),
    urgentMessages: replies.filter((event) => event.action === 'urgent').length,
    urgentConversations: { ...urgentConversationsOf(replies), followUps: of('safeguardingFollowUp').length },
    handoffs: {
      total: handoffRequests.length,
      outOfHours: handoffRequests.filter((event) => event.outcome === 'closed').length,
      byReason: countBy(handoffRequests, (event) => event.reason),
      byService: countBy(handoffRequests, (event) => event.service),
    },
    queueWait: { accepted: waits.length, medianMinutes: percentile(waits, 50), p90Minutes: percentile(waits, 90) },
    abandonment: { queued, abandoned, rate: ratio(abandoned, queued) },
    callbacks: onTime(
      submitted.filter((event) => event.requestType === 'callback'),
      events,
      now,
    ),
    requests: { ...requests, byType: countBy(submitted, (event) => event.requestType) },
    memberEnquiries: onTime(
      allSubmitted.filter((event) => event.requestType === MEMBER_ENQUIRY_TYPE),
      events,
      now,
    ),
    satisfaction: {
      ratings: ratings.length,
      average: ratings.length ? round(ratings.reduce((sum, score) => sum + score, 0) / ratings.length, 2) : null,
      distribution: [rated(1), rated(2), rated(3), rated(4), rated(5)],
    },
    helpfulness: helpfulnessOf(of('feedback')),
    languageModel: {
      calls: llmCalls.length,
      tokens: llmCalls.reduce((sum, event) => sum + (event.tokens ?? 0), 0),
      medianLatencyMs: percentile(
        llmCalls.flatMap((event) => (event.latencyMs === undefined ? [] : [event.latencyMs])),
        50,
      ),
      generated: llm.filter((event) => event.action === 'generated').length,
      fallbacks: llm.filter((event) => event.action === 'fallback').length,
    },
    personalAnswers: personalAnswerFigures(inPeriod),
  };
}

/** Distinct conversations with an urgent reply, counted once per kind of emergency raised in them. */
function urgentConversationsOf(
  replies: readonly AnalyticsEvent[],
): Omit<PeriodFigures['urgentConversations'], 'followUps'> {
  const urgent = replies.filter((event) => event.action === 'urgent' && event.conversationId);
  const seen = new Set<string>();
  const byCategory: Record<string, number> = {};
  for (const event of urgent) {
    const category = event.urgentCategory ?? 'unknown';
    const key = `${event.conversationId}\u0000${category}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byCategory[category] = (byCategory[category] ?? 0) + 1;
  }
  return { total: new Set(urgent.map((event) => event.conversationId)).size, byCategory };
}

/** Each request's first answer (a staff status change), compared with the time promised. */
function onTime(submitted: readonly AnalyticsEvent[], all: readonly AnalyticsEvent[], now: Date): OnTime {
  const firstAnswer = new Map<string, Date>();
  for (const event of all) {
    if (event.kind !== 'requestStatus' || !event.reference || !ANSWERED_STATUSES.has(event.status ?? '')) continue;
    const known = firstAnswer.get(event.reference);
    if (!known || event.at < known) firstAnswer.set(event.reference, event.at);
  }
  let onTimeCount = 0;
  let late = 0;
  let pending = 0;
  for (const request of submitted) {
    const answered = request.reference ? firstAnswer.get(request.reference) : undefined;
    const promised = request.promisedBy;
    if (!promised) continue;
    if (answered) {
      if (answered <= promised) onTimeCount++;
      else late++;
    } else if (now > promised) late++;
    else pending++;
  }
  return {
    total: submitted.length,
    onTime: onTimeCount,
    late,
    pending,
    onTimeRate: ratio(onTimeCount, onTimeCount + late),
  };
}

function helpfulnessOf(feedback: readonly AnalyticsEvent[]): PeriodFigures['helpfulness'] {
  const byArticle = new Map<string, { helpful: number; notHelpful: number }>();
  for (const event of feedback) {
    if (!event.articleId) continue;
    const counts = byArticle.get(event.articleId) ?? { helpful: 0, notHelpful: 0 };
    if (event.helpful) counts.helpful++;
    else counts.notHelpful++;
    byArticle.set(event.articleId, counts);
  }
  return [...byArticle.entries()]
    .map(([articleId, counts]) => ({ articleId, ...counts }))
    .sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.articleId.localeCompare(b.articleId));
}

function countBy(
  events: readonly AnalyticsEvent[],
  key: (event: AnalyticsEvent) => string | undefined,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const value = key(event) ?? 'unknown';
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** The p-th percentile (nearest rank), rounded to a tenth; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[index] ?? 0, 1);
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 3);
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
