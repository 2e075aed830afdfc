import { DAY, MINUTE } from './support/testClock';
import { describeWithRepositories } from './support/withRepositories';

describeWithRepositories('handoff sessions', (context) => {
  test('a resident asks for a person: the conversation is queued once, however often they ask', async () => {
    const { handoffs } = context().repositories;
    const first = await handoffs.open({ conversationId: 'conv-1', priority: 'normal', reason: 'residentAsked' });
    expect(first).toMatchObject({ opened: true, session: { state: 'queued', conversationId: 'conv-1' } });
    const again = await handoffs.open({ conversationId: 'conv-1', priority: 'urgent', reason: 'residentAsked' });
    expect(again).toEqual({ opened: false, session: first.session });
    const concurrent = await Promise.all(
      ['conv-2', 'conv-2', 'conv-2'].map((conversationId) =>
        handoffs.open({ conversationId, priority: 'normal', reason: 'noAnswer' }),
      ),
    );
    expect(concurrent.filter((outcome) => outcome.opened)).toHaveLength(1);
    expect(new Set(concurrent.map((outcome) => outcome.session._id)).size).toBe(1);
  });

  test('two CSAs accept the same chat: exactly one gets it', async () => {
    const { handoffs } = context().repositories;
    const { session } = await handoffs.open({ conversationId: 'conv-1', priority: 'normal', reason: 'residentAsked' });
    const results = await Promise.all([
      handoffs.accept(session._id, { id: 'csa-a', displayName: 'Ann' }),
      handoffs.accept(session._id, { id: 'csa-b', displayName: 'Bob' }),
    ]);
    const winners = results.flatMap((result) => (result.ok ? [result.session.assignedCsa] : []));
    expect(winners).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: 'wrongState', state: 'accepted' });
    expect(await handoffs.accept('no-such-session', { id: 'csa-a', displayName: 'Ann' })).toEqual({
      ok: false,
      reason: 'notFound',
    });
  });

  test('an ended chat frees the conversation for a new handoff later', async () => {
    const { handoffs } = context().repositories;
    const { session } = await handoffs.open({ conversationId: 'conv-1', priority: 'normal', reason: 'residentAsked' });
    await handoffs.accept(session._id, { id: 'csa-a', displayName: 'Ann' });
    const ended = await handoffs.end(session._id);
    expect(ended).toMatchObject({ ok: true, session: { state: 'ended' } });
    expect(await handoffs.findLive('conv-1')).toBeNull();
    const next = await handoffs.open({ conversationId: 'conv-1', priority: 'normal', reason: 'residentAsked' });
    expect(next.opened).toBe(true);
    expect(await handoffs.listByConversations(['conv-1'])).toHaveLength(2);
  });

  test('nobody free: a callback is booked from the queue, but not once a CSA has the chat', async () => {
    const { repositories, clock } = context();
    const { handoffs } = repositories;
    const queued = await handoffs.open({ conversationId: 'conv-1', priority: 'normal', reason: 'outOfHours' });
    const at = new Date(clock.now().getTime() + DAY);
    expect(await handoffs.bookCallback(queued.session._id, at)).toMatchObject({
      ok: true,
      session: { state: 'callbackBooked', callbackAt: at },
    });
    const other = await handoffs.open({ conversationId: 'conv-2', priority: 'normal', reason: 'residentAsked' });
    await handoffs.accept(other.session._id, { id: 'csa-a', displayName: 'Ann' });
    expect(await handoffs.bookCallback(other.session._id, at)).toEqual({
      ok: false,
      reason: 'wrongState',
      state: 'accepted',
    });
  });

  test('the queue shows urgent chats first, then the longest waiting', async () => {
    const { repositories, clock } = context();
    const { handoffs } = repositories;
    for (const [conversationId, priority] of [
      ['first', 'normal'],
      ['second', 'urgent'],
      ['third', 'normal'],
      ['fourth', 'urgent'],
    ] as const) {
      await handoffs.open({ conversationId, priority, reason: 'residentAsked' });
      clock.advance(MINUTE);
    }
    const queue = await handoffs.listQueue();
    expect(queue.map((session) => session.conversationId)).toEqual(['second', 'fourth', 'first', 'third']);
  });

  test('purgeExpired deletes finished sessions past retention and keeps live ones', async () => {
    const { repositories, clock } = context();
    const { handoffs } = repositories;
    const ended = await handoffs.open({ conversationId: 'old', priority: 'normal', reason: 'residentAsked' });
    await handoffs.end(ended.session._id);
    await handoffs.open({ conversationId: 'waiting', priority: 'normal', reason: 'residentAsked' });
    clock.advance(91 * DAY);
    expect(await handoffs.purgeExpired(clock.now())).toBe(1);
    expect(await handoffs.findById(ended.session._id)).toBeNull();
    expect(await handoffs.findLive('waiting')).not.toBeNull();
  });
});
