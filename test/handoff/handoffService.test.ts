import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';
import type { Csa, CsaPresence, DeskEvent } from '../../src/handoff/handoffDesk';
import { HandoffEvents } from '../../src/handoff/handoffEvents';
import type { HandoffRequest } from '../../src/handoff/handoffPort';
import { HandoffService, type HandoffSettings } from '../../src/handoff/handoffService';
import type { ResidentMessenger, ResidentNotice } from '../../src/handoff/residentMessenger';
import type { Repositories } from '../../src/storage/repositories/openRepositories';
import { MINUTE } from '../storage/support/testClock';
import { describeWithRepositories } from '../storage/support/withRepositories';
import { shippedKnowledge } from '../support/testBot';

const SAM: Csa = { id: 'csa-sam', displayName: 'Sam Patel', role: 'csa' };
const JO: Csa = { id: 'csa-jo', displayName: 'Jo Smith', role: 'csa' };
const BOSS: Csa = { id: 'sup-1', displayName: 'Alex Boss', role: 'supervisor' };

class FakePresence implements CsaPresence {
  available = 1;
  async setAvailability(): Promise<void> {}
  async heartbeat(): Promise<void> {}
  async availableCount(): Promise<number> {
    return this.available;
  }
}

class FakeMessenger implements ResidentMessenger {
  readonly sent: Array<{ conversationId: string; notice: ResidentNotice }> = [];
  failing = false;
  async notify(reference: string, notice: ResidentNotice): Promise<{ activityId: string | undefined }> {
    if (this.failing) throw new Error('channel down');
    const parsed = JSON.parse(reference) as { conversation: { id: string } };
    this.sent.push({ conversationId: parsed.conversation.id, notice });
    return { activityId: `${parsed.conversation.id}|out-${this.sent.length}` };
  }
}

function hours(text: string): ContactCentre {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return new ContactCentre(parsed.hours);
}

function requestFor(conversationId: string, extra: Partial<HandoffRequest> = {}): HandoffRequest {
  return {
    conversationId,
    channel: 'directline',
    reference: JSON.stringify({
      conversation: { id: conversationId },
      serviceUrl: 'urn:test',
      channelId: 'directline',
    }),
    reason: 'residentAsked',
    priority: 'normal',
    ...extra,
  };
}

/** A web chat conversation about council tax in which the resident reported a missed bin with their details. */
async function seedConversation(repositories: Repositories, conversationId: string, at: Date): Promise<string> {
  await repositories.conversations.open({
    _id: conversationId,
    userId: `u-${conversationId}`,
    createdAt: at,
    lastActivityAt: at,
  });
  const say = (role: 'user' | 'bot', text: string, channelData?: object) =>
    repositories.conversations.append(conversationId, (id) => ({
      id,
      type: 'message',
      text,
      timestamp: at.toISOString(),
      from: { id: role === 'bot' ? 'council-assistant' : `u-${conversationId}`, role },
      ...(channelData ? { channelData } : {}),
    }));
  await say('user', 'how do I pay my council tax');
  await say('bot', 'You can pay by direct debit...', {
    councilBot: { action: 'answer', articleId: 'council-tax-payment' },
  });
  await say('user', 'I already pay but the amount is wrong');
  const { request } = await repositories.requests.create({
    idempotencyKey: `${conversationId}/1`,
    requestType: 'missed-bin',
    conversationId,
    details: { postcode: 'EM1 1AA' },
    contact: { name: 'Pat Resident', email: 'pat@example.org', phone: '07700 900123', address: '1 High Street' },
  });
  return request.reference;
}

describeWithRepositories('the handoff service', (context) => {
  let presence: FakePresence;
  let messenger: FakeMessenger;
  let events: DeskEvent[];

  async function service(settings: Partial<HandoffSettings> = {}, contactCentre = hours('always')) {
    const { repositories, clock } = context();
    const handoffEvents = new HandoffEvents();
    handoffEvents.subscribe((event) => events.push(event));
    handoffEvents.tellResidentsThrough(messenger);
    return new HandoffService({
      repositories,
      knowledge: await shippedKnowledge(),
      contactCentre,
      presence,
      events: handoffEvents,
      clock: clock.now,
      settings: { mode: 'console', maxWaitMinutes: 10, ...settings },
    });
  }

  beforeEach(() => {
    presence = new FakePresence();
    messenger = new FakeMessenger();
    events = [];
  });

  test('a handoff is queued with a brief built from the conversation, so nobody repeats themselves', async () => {
    const { repositories, clock } = context();
    const reference = await seedConversation(repositories, 'conv-1', clock.now());
    const handoff = await service();
    clock.advance(MINUTE);
    const start = await handoff.request(requestFor('conv-1'));
    expect(start).toMatchObject({
      kind: 'queued',
      position: 1,
      estimatedWaitMinutes: 6,
      csasAvailable: 1,
      alreadyQueued: false,
    });
    const [item] = await handoff.queue();
    expect(item).toMatchObject({ state: 'queued', position: 1, reason: 'residentAsked', team: 'Customer services' });
    expect(item?.topic).toBe('Council tax: Pay your council tax');
    const view = await handoff.view(item?.sessionId ?? '');
    expect(view?.brief).toMatchObject({
      reasonText: 'The resident asked to talk to a person',
      serviceArea: 'Council tax',
      residentWords: ['how do I pay my council tax', 'I already pay but the amount is wrong'],
      articlesShown: [{ articleId: 'council-tax-payment', url: expect.stringContaining('eastmere.example') }],
      details: {
        name: 'Pat Resident',
        email: 'pat@example.org',
        phone: '07700 900123',
        postcode: 'EM1 1AA',
        requestReferences: [reference],
      },
      channel: 'directline',
    });
    expect(view?.transcript.map((line) => line.from)).toEqual(['resident', 'bot', 'resident']);
    expect(events).toContainEqual({ kind: 'queueChanged' });
    const [audit] = await repositories.auditLog.list({ action: 'handoff.queued' });
    expect(audit).toMatchObject({ actor: { kind: 'system' }, details: { reason: 'residentAsked' } });
    expect(JSON.stringify(audit)).not.toMatch(/Pat|council tax|amount/);
  });

  test('asking again while waiting keeps the same place', async () => {
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    expect(await handoff.request(requestFor('conv-1'))).toMatchObject({
      kind: 'queued',
      alreadyQueued: true,
      position: 1,
    });
    expect(await handoff.queue()).toHaveLength(1);
  });

  test('out of hours nothing is queued, and the next opening is given', async () => {
    const handoff = await service({}, hours('Mon-Fri 09:00-17:00'));
    const { clock } = context();
    clock.set(new Date('2026-11-28T12:00:00Z'));
    expect(await handoff.request(requestFor('conv-1'))).toEqual({
      kind: 'closed',
      nextOpening: new Date('2026-11-30T09:00:00Z'),
    });
    expect(await handoff.queue()).toEqual([]);
  });

  test('the queue puts urgent conversations first, then the longest waiting, and the wait grows with the queue', async () => {
    const { clock } = context();
    const handoff = await service();
    for (const [id, priority] of [
      ['a', 'normal'],
      ['b', 'urgent'],
      ['c', 'normal'],
    ] as const) {
      await handoff.request(requestFor(id, { priority, reason: priority === 'urgent' ? 'urgent' : 'residentAsked' }));
      clock.advance(MINUTE);
    }
    const queue = await handoff.queue();
    expect(queue.map((item) => [item.conversationId, item.position])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
    expect(await handoff.live('c')).toMatchObject({ state: 'queued', position: 3, estimatedWaitMinutes: 18 });
    presence.available = 3;
    expect(await handoff.live('c')).toMatchObject({ estimatedWaitMinutes: 6 });
  });

  test('of two CSAs accepting at once one gets the chat; the resident hears who joined', async () => {
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    const [item] = await handoff.queue();
    const [first, second] = await Promise.all([
      handoff.accept(item?.sessionId ?? '', SAM),
      handoff.accept(item?.sessionId ?? '', JO),
    ]);
    const outcomes = [first, second];
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome?.ok)).toMatchObject({ ok: false, reason: 'alreadyTaken' });
    const winner = first?.ok ? SAM : JO;
    expect(messenger.sent).toEqual([
      { conversationId: 'conv-1', notice: { kind: 'agentJoined', csaName: winner.displayName.split(' ')[0] } },
    ]);
    expect(await handoff.live('conv-1')).toMatchObject({
      state: 'accepted',
      csaName: winner.displayName.split(' ')[0],
    });
  });

  test('a CSA messages the resident with their first name; an empty message, another CSA and a channel failure are refused', async () => {
    const { repositories } = context();
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    const sessionId = (await handoff.queue())[0]?.sessionId ?? '';
    await handoff.accept(sessionId, SAM);
    expect(await handoff.sendMessage(sessionId, SAM, '   ')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await handoff.sendMessage(sessionId, JO, 'Hi')).toMatchObject({ ok: false, reason: 'notYours' });
    const sent = await handoff.sendMessage(sessionId, SAM, ' Hello, I can help with that. ');
    expect(sent).toMatchObject({ ok: true, value: { from: 'csa', name: 'Sam', text: 'Hello, I can help with that.' } });
    expect(messenger.sent.at(-1)?.notice).toEqual({
      kind: 'agentMessage',
      csaName: 'Sam',
      text: 'Hello, I can help with that.',
    });
    expect(events).toContainEqual(expect.objectContaining({ kind: 'line', sessionId }));
    expect(await handoff.sendMessage(sessionId, BOSS, 'Supervisor here')).toMatchObject({ ok: true });

    messenger.failing = true;
    const failed = await handoff.sendMessage(sessionId, SAM, 'Are you still there?');
    expect(failed).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringMatching(/not been sent/) });
    const audits = await repositories.auditLog.list({ action: 'handoff.messageSent' });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toMatch(/Hello|Supervisor here/);
  });

  test('articles, notes and linked requests', async () => {
    const { repositories, clock } = context();
    const reference = await seedConversation(repositories, 'conv-1', clock.now());
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    const sessionId = (await handoff.queue())[0]?.sessionId ?? '';
    await handoff.accept(sessionId, SAM);
    expect(await handoff.sendArticle(sessionId, SAM, 'no-such-article')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await handoff.sendArticle(sessionId, SAM, 'council-tax-discounts')).toMatchObject({ ok: true });
    expect(messenger.sent.at(-1)?.notice).toEqual({
      kind: 'article',
      csaName: 'Sam',
      articleId: 'council-tax-discounts',
    });
    expect(await handoff.addNote(sessionId, SAM, 'Resident moved in March; check the account.')).toMatchObject({
      ok: true,
    });
    expect(await handoff.attachRequest(sessionId, SAM, 'XX-NOPE')).toMatchObject({ ok: false, reason: 'invalid' });
    const other = await repositories.requests.create({
      idempotencyKey: 'other/1',
      requestType: 'noise',
      details: {},
      contact: {},
    });
    expect(await handoff.attachRequest(sessionId, SAM, other.request.reference)).toEqual({
      ok: true,
      value: undefined,
    });
    const view = await handoff.view(sessionId);
    expect(view?.notes).toMatchObject([
      { csa: { id: SAM.id, displayName: 'Sam Patel' }, text: 'Resident moved in March; check the account.' },
    ]);
    expect(view?.brief.details.requestReferences).toEqual([reference, other.request.reference]);
  });

  test('a transfer puts the conversation back in the queue for another team, and the resident is told', async () => {
    const { repositories } = context();
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    const sessionId = (await handoff.queue())[0]?.sessionId ?? '';
    await handoff.accept(sessionId, SAM);
    expect(await handoff.transfer(sessionId, SAM, 'Nowhere')).toMatchObject({ ok: false, reason: 'invalid' });
    const moved = await handoff.transfer(sessionId, SAM, 'Housing options');
    expect(moved).toMatchObject({
      ok: true,
      value: { state: 'queued', team: 'Housing options', reason: 'transferred', position: 1 },
    });
    expect(messenger.sent.at(-1)?.notice).toEqual({ kind: 'transferred', team: 'Housing options', position: 1 });
    expect(await handoff.accept(sessionId, JO)).toMatchObject({ ok: true });
    expect(await repositories.auditLog.list({ action: 'handoff.transferred' })).toMatchObject([
      { actor: { kind: 'csa', id: SAM.id }, details: { team: 'Housing options' } },
    ]);
  });

  test('ending hands the resident back to the bot, which asks for a rating; their next words are the bot’s again', async () => {
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    const sessionId = (await handoff.queue())[0]?.sessionId ?? '';
    expect(await handoff.end(sessionId, SAM)).toMatchObject({ ok: false, reason: 'ended' });
    await handoff.accept(sessionId, SAM);
    expect(await handoff.end(sessionId, JO)).toMatchObject({ ok: false, reason: 'notYours' });
    expect(await handoff.end(sessionId, SAM)).toEqual({ ok: true, value: undefined });
    expect(messenger.sent.at(-1)?.notice).toEqual({ kind: 'chatEnded', csaName: 'Sam', sessionId });
    expect(await handoff.live('conv-1')).toBeUndefined();
    expect(await handoff.residentSaid('conv-1', line('thanks'))).toBeUndefined();
    await handoff.recordRating(sessionId, 5, 'great');
    await handoff.recordRating(sessionId, 1, 'changed my mind');
    const { repositories } = context();
    expect((await repositories.handoffs.findById(sessionId))?.rating).toMatchObject({ score: 5, comment: 'great' });
  });

  test('what the resident writes while handed off reaches the CSA; an emergency jumps the queue with a warning', async () => {
    const { clock } = context();
    const handoff = await service();
    await handoff.request(requestFor('first'));
    clock.advance(MINUTE);
    await handoff.request(requestFor('second'));
    const said = await handoff.residentSaid('second', line('I smell gas', true));
    expect(said).toMatchObject({ state: 'queued' });
    expect(
      events.filter((event) => event.kind === 'line').map((event) => event.kind === 'line' && event.line.from),
    ).toEqual(['resident', 'system']);
    expect((await handoff.queue()).map((item) => item.conversationId)).toEqual(['second', 'first']);
    expect((await handoff.queue())[0]).toMatchObject({ priority: 'urgent', residentMessagesSinceHandoff: 1 });
  });

  test('a resident who has waited too long is offered a callback, once', async () => {
    const { clock } = context();
    const handoff = await service({ maxWaitMinutes: 10 });
    await handoff.request(requestFor('conv-1'));
    clock.advance(9 * MINUTE);
    expect(await handoff.offerCallbacksAfterLongWaits()).toBe(0);
    clock.advance(2 * MINUTE);
    expect(await handoff.offerCallbacksAfterLongWaits()).toBe(1);
    expect(await handoff.offerCallbacksAfterLongWaits()).toBe(0);
    expect(messenger.sent).toMatchObject([{ notice: { kind: 'waitExpired', minutesWaited: 11 } }]);
  });

  test('leaving the queue, or a callback booked instead, closes the handoff', async () => {
    const { repositories } = context();
    const handoff = await service();
    await handoff.request(requestFor('leaves'));
    expect(await handoff.leaveQueue('leaves')).toBe(true);
    expect(await handoff.leaveQueue('leaves')).toBe(false);
    await handoff.request(requestFor('calls'));
    const promised = new Date('2026-12-01T17:00:00Z');
    await handoff.callbackBooked('calls', 'CB-1234', promised);
    const [session] = await repositories.handoffs.listByConversations(['calls']);
    expect(session).toMatchObject({ state: 'callbackBooked', callbackAt: promised, callbackReference: 'CB-1234' });
    expect(await handoff.queue()).toEqual([]);
  });

  test('a callback booked out of hours carries the brief of the conversation for whoever calls back', async () => {
    const { repositories, clock } = context();
    await seedConversation(repositories, 'conv-1', clock.now());
    const handoff = await service({}, hours('never'));
    expect(await handoff.request(requestFor('conv-1'))).toMatchObject({ kind: 'closed' });
    const promised = new Date(clock.now().getTime() + 2 * 86_400_000);
    await handoff.callbackBooked('conv-1', 'SR-CALLBACK', promised);
    const sessionId = await handoff.sessionForRequest('SR-CALLBACK');
    expect(sessionId).toBeDefined();
    const view = await handoff.view(sessionId ?? '');
    expect(view?.item).toMatchObject({ state: 'callbackBooked', conversationId: 'conv-1' });
    expect(view?.brief).toMatchObject({
      serviceArea: 'Council tax',
      residentWords: ['how do I pay my council tax', 'I already pay but the amount is wrong'],
    });
    expect(await handoff.queue()).toEqual([]);
    const events = await repositories.analytics.list(new Date(0), new Date(clock.now().getTime() + 60_000));
    expect(events.map((event) => [event.kind, event.outcome])).toEqual([['handoffRequested', 'closed']]);
  });

  test('choosing a callback while waiting is not counted as giving up', async () => {
    const { repositories, clock } = context();
    const handoff = await service();
    await handoff.request(requestFor('conv-1'));
    expect(await handoff.leaveQueue('conv-1', 'choseCallback')).toBe(true);
    const events = await repositories.analytics.list(new Date(0), new Date(clock.now().getTime() + 60_000));
    expect(events.find((event) => event.kind === 'handoffEnded')).toMatchObject({ outcome: 'choseCallback' });
  });

  test('with an external hub, the brief and transcript go to it, and its status is followed', async () => {
    const { repositories, clock } = context();
    await seedConversation(repositories, 'conv-1', clock.now());
    const handoff = await service({ mode: 'botframework' }, hours('never'));
    const start = await handoff.request(requestFor('conv-1'));
    expect(start).toMatchObject({ kind: 'external', brief: { serviceArea: 'Council tax' } });
    expect(start.kind === 'external' && start.transcript).toHaveLength(3);
    expect(await handoff.live('conv-1')).toMatchObject({ state: 'external' });
    await handoff.externalStatus('conv-1', 'accepted');
    await handoff.externalStatus('conv-1', 'completed');
    expect(await handoff.live('conv-1')).toBeUndefined();
  });
});

function line(text: string, urgent = false) {
  return { activityId: `a-${text}`, at: new Date(), text, attachments: [], urgent };
}
