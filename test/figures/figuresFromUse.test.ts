import { londonInstant, londonTime } from '../../src/calendar/londonTime';
import { computeFigures } from '../../src/figures/computeFigures';
import { periodContaining } from '../../src/figures/periods';
import type { Csa } from '../../src/handoff/handoffDesk';
import type { Answers } from '../../src/requests/requestFields';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const SAM: Csa = { id: 'csa-sam', displayName: 'Sam Jones', role: 'csa' };

/** A clock the test moves: today at noon (London), so nothing crosses midnight, whatever day the test runs. */
class MovingClock {
  current = londonInstant(londonTime(new Date()).date, 12 * 60);
  readonly now = () => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const MISSED_BIN: Answers = {
  postcode: { value: 'EM1 1AA', display: 'EM1 1AA' },
  address: { value: '12 Mill Lane', display: '12 Mill Lane' },
  bin: { value: 'Blue (recycling)', display: 'Blue (recycling)' },
  collectionDate: { value: '2026-05-04', display: 'Monday 4 May 2026' },
  binLocation: null,
  email: null,
};
const CALLBACK: Answers = {
  topic: { value: 'Council tax', display: 'Council tax' },
  name: { value: 'Sam Resident', display: 'Sam Resident' },
  contactBy: { value: 'Phone', display: 'Phone' },
  phone: { value: '01632960123', display: '01632 960123' },
  preferredTime: { value: 'Any time', display: 'Any time' },
};

describe('the figures of a day of real use, generated through the bot, the handoff desk and the request service', () => {
  let harness: ChannelHarness;
  const clock = new MovingClock();

  beforeAll(async () => {
    harness = await startChannelHarness({
      env: { CONTACT_CENTRE_HOURS: 'always' },
      dependencies: { clock: clock.now },
    });
  });
  afterAll(() => harness.close());

  async function resident(): Promise<{ client: ResidentClient; conversationId: string; replies: () => number }> {
    const { token, conversationId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.botReplies(1); // the welcome
    return { client, conversationId, replies: () => client.botMessages().length };
  }

  async function say(who: { client: ResidentClient; replies: () => number }, text: string, expectReplies = 1) {
    const before = who.replies();
    await who.client.say(text);
    const all = await who.client.botReplies(before + expectReplies);
    return all.slice(before);
  }

  /** Waits for a bot message whose `councilBot` matches, however many others came first. */
  async function replyLike(who: { client: ResidentClient }, expected: Record<string, unknown>) {
    const matches = () =>
      who.client
        .botMessages()
        .some((reply) => Object.entries(expected).every(([key, value]) => metaOf(reply)[key] === value));
    await who.client.waitFor(matches, 10_000, JSON.stringify(expected));
  }

  async function sessionOf(conversationId: string): Promise<string> {
    const session = await harness.app.repositories.handoffs.findLatest(conversationId);
    if (!session) throw new Error(`no handoff for ${conversationId}`);
    return session._id;
  }

  test('every figure, exactly', async () => {
    const { handoff, requests } = harness.app;
    await harness.app.presence.setAvailability(SAM.id, 'available');

    // A: answered, and the resident says it helped. Contained.
    const a = await resident();
    expect(metaOf((await say(a, 'what day are the bins collected'))[0] ?? {}).action).toBe('answer');
    expect(metaOf((await say(a, 'Yes, that helped'))[0] ?? {}).action).toBe('feedbackRecorded');

    // B: two misses, handed to a person, accepted after 3 minutes, helped for 5, rated 4.
    const b = await resident();
    expect(metaOf((await say(b, 'how tall is mount everest'))[0] ?? {}).action).toBe('noMatch');
    expect(metaOf((await say(b, 'what films are on at the cinema'))[0] ?? {})).toMatchObject({
      reason: 'botFailedTwice',
    });
    clock.advance(3 * MINUTE);
    expect(await handoff.accept(await sessionOf(b.conversationId), SAM)).toMatchObject({ ok: true });
    await replyLike(b, { action: 'handoff', handoffState: 'accepted' });
    clock.advance(5 * MINUTE);
    expect(await handoff.end(await sessionOf(b.conversationId), SAM)).toMatchObject({ ok: true });
    await replyLike(b, { action: 'prompt', field: 'rating' });
    await say(b, '4 (good)');
    expect(metaOf((await say(b, 'No thanks'))[0] ?? {})).toMatchObject({ action: 'ratingRecorded', score: 4 });

    // C: asks for a person, then gives up waiting.
    const c = await resident();
    await say(c, 'talk to a person');
    expect(metaOf((await say(c, 'Stop waiting'))[0] ?? {})).toMatchObject({ handoffState: 'left' });

    // D: an emergency: the numbers, then a person at once.
    const d = await resident();
    const urgent = await say(d, 'I can smell gas in my kitchen', 2);
    expect(urgent.map((reply) => metaOf(reply).action)).toEqual(['urgent', 'handoff']);
    expect(await handoff.accept(await sessionOf(d.conversationId), SAM)).toMatchObject({ ok: true });
    expect(await handoff.end(await sessionOf(d.conversationId), SAM)).toMatchObject({ ok: true });

    // Requests: one answered the same day, one never answered, one callback answered late.
    const submit = (key: string, requestType: 'missed-bin' | 'callback', answers: Answers) =>
      requests.submit({ idempotencyKey: key, requestType, answers });
    const onTime = await submit('r1', 'missed-bin', MISSED_BIN);
    const unanswered = await submit('r2', 'missed-bin', MISSED_BIN);
    const callback = await submit('r3', 'callback', CALLBACK);
    clock.advance(60 * MINUTE);
    await requests.updateStatus({
      reference: onTime.request.reference,
      status: 'resolved',
      actor: { kind: 'csa', id: SAM.id },
    });
    const today = periodContaining('day', clock.now());
    clock.advance(7 * 24 * 60 * MINUTE);
    await requests.updateStatus({
      reference: callback.request.reference,
      status: 'resolved',
      actor: { kind: 'csa', id: SAM.id },
    });
    expect(unanswered.created).toBe(true);

    const events = await harness.app.repositories.analytics.list(today.start, clock.now());
    const figures = computeFigures(today, events, clock.now());
    expect(figures).toMatchObject({
      conversations: 4,
      contained: 1,
      containmentRate: 0.25,
      questions: 2,
      answers: 1,
      noMatches: 1,
      noMatchRate: 0.5,
      urgentMessages: 1,
      // Counted by kind, without words; nobody was free (no CSA console open), so a follow-up was recorded too.
      urgentConversations: { total: 1, byCategory: { gas: 1 }, followUps: 1 },
      handoffs: {
        total: 3,
        outOfHours: 0,
        byReason: { botFailedTwice: 1, residentAsked: 1, urgent: 1 },
        byService: { 'General enquiries': 3 },
      },
      queueWait: { accepted: 2, medianMinutes: 0, p90Minutes: 3 },
      abandonment: { queued: 3, abandoned: 1, rate: 0.333 },
      requests: {
        total: 3,
        onTime: 1,
        late: 2,
        pending: 0,
        onTimeRate: 0.333,
        byType: { 'missed-bin': 2, callback: 1 },
      },
      callbacks: { total: 1, onTime: 0, late: 1, pending: 0, onTimeRate: 0 },
      satisfaction: { ratings: 1, average: 4, distribution: [0, 0, 0, 1, 0] },
      helpfulness: [{ articleId: 'bin-collection-days', helpful: 1, notHelpful: 0 }],
      languageModel: { calls: 0, tokens: 0, medianLatencyMs: null, generated: 0, fallbacks: 0 },
    });
  });
});
