import { purgeExpiredData } from '../../src/storage/repositories/purgeExpiredData';
import { DAY } from './support/testClock';
import { describeWithRepositories } from './support/withRepositories';

const resident = { id: 'resident-1', name: 'Sam' };
const bot = { id: 'bot', name: 'Council bot' };
const activity = (conversationId: string, text: string, outgoing = false) => ({
  type: 'message',
  id: `act-${text}`,
  text,
  conversation: { id: conversationId, name: '', isGroup: false, conversationType: '' },
  from: outgoing ? bot : resident,
  recipient: outgoing ? resident : bot,
  channelData: { $weird: { 'dotted.key': true } },
});

describeWithRepositories('transcripts and retention', (context, backend) => {
  test('a conversation is recorded in order, in and out, activity JSON intact', async () => {
    const { transcripts } = context().repositories;
    for (let i = 0; i < 30; i++) {
      const outgoing = i % 2 === 1;
      await transcripts.append(outgoing ? 'outgoing' : 'incoming', activity('conv-1', `m${i}`, outgoing));
    }
    await transcripts.append('incoming', activity('conv-2', 'other'));
    const entries = await transcripts.listByConversation('conv-1');
    expect(entries.map((entry) => entry.activity.text)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
    expect(entries[1]).toMatchObject({ direction: 'outgoing', type: 'message', activityId: 'act-m1' });
    expect(entries[0]?.activity.channelData).toEqual({ $weird: { 'dotted.key': true } });
    expect(await transcripts.listByConversation('conv-1', { limit: 5 })).toHaveLength(5);
    expect(await transcripts.userIdsOf(['conv-1'])).toEqual(['resident-1']);
  });

  test('purgeExpired removes what is past retention, everywhere personal data is kept', async () => {
    const { repositories, clock } = context();
    await repositories.transcripts.append('incoming', activity('old', 'old'));
    await repositories.botState.write({ 'webchat/conversations/old': { step: 1 } });
    await repositories.consoleSessions.create('user-1', DAY);
    const webChat = async (id: string) => {
      await repositories.conversations.open({
        _id: id,
        userId: 'u',
        createdAt: clock.now(),
        lastActivityAt: clock.now(),
      });
      await repositories.conversations.append(id, (activityId) => ({ id: activityId, type: 'message' }));
      await repositories.attachments.save({ conversationId: id, contentType: 'image/png', bytes: Buffer.from('x') });
    };
    await webChat('old');
    clock.advance(91 * DAY);
    await webChat('new');
    await repositories.transcripts.append('incoming', activity('new', 'new'));
    await repositories.botState.write({ 'webchat/conversations/new': { step: 1 } });
    expect(await purgeExpiredData(repositories, clock.now())).toEqual({
      botState: 1,
      transcripts: 1,
      conversations: 1,
      requests: 0,
      handoffs: 0,
      consoleSessions: 1,
      outbox: 0,
      analytics: 0,
      editorQuestions: 0,
    });
    expect(await repositories.transcripts.listByConversation('old')).toEqual([]);
    expect(await repositories.transcripts.listByConversation('new')).toHaveLength(1);
    expect((await repositories.conversations.findMany(['old', 'new'])).map((c) => c._id)).toEqual(['new']);
    expect(await repositories.conversations.listActivities('old')).toEqual([]);
    expect(await repositories.attachments.listByConversations(['old', 'new'])).toHaveLength(1);
    expect(
      Object.keys(await repositories.botState.read(['webchat/conversations/old', 'webchat/conversations/new'])),
    ).toEqual(['webchat/conversations/new']);
  });

  // MongoDB's TTL monitor runs once a minute, too slow to wait for: there, purgeExpired (above) stands in for it.
  if (backend !== 'embedded') return;

  test('TTL indexes expire old transcripts and state without the purge job, on the embedded sweep', async () => {
    const { harness, repositories, clock } = context();
    clock.advance(-91 * DAY);
    await repositories.transcripts.append('incoming', activity('old', 'old'));
    await repositories.botState.write({ 'webchat/conversations/old': { step: 1 } });
    clock.advance(91 * DAY);
    await repositories.transcripts.append('incoming', activity('new', 'new'));
    await harness.expireNow?.();
    expect(await repositories.transcripts.listByConversation('old')).toEqual([]);
    expect(await repositories.transcripts.listByConversation('new')).toHaveLength(1);
    expect(await repositories.botState.read(['webchat/conversations/old'])).toEqual({});
  });
});
