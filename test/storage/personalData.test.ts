import type { Repositories } from '../../src/storage/repositories/openRepositories';
import { parseDataSubject } from '../../src/storage/personalData/dataSubject';
import { erasePersonalData } from '../../src/storage/personalData/erasePersonalData';
import { exportPersonalData, isEmptyExport } from '../../src/storage/personalData/exportPersonalData';
import { describeWithRepositories } from './support/withRepositories';

const EMAIL = 'sam.resident@example.org';

/** Sam reports a missed bin in conv-sam and asks for a person; Jo, in conv-jo, must be untouched by Sam's requests. */
async function seedTwoResidents(repositories: Repositories) {
  const { transcripts, botState, requests, handoffs, outbox, conversations, attachments } = repositories;
  for (const [conversationId, userId] of [
    ['conv-sam', 'user-sam'],
    ['conv-jo', 'user-jo'],
  ] as const) {
    const now = new Date();
    await conversations.open({ _id: conversationId, userId, createdAt: now, lastActivityAt: now });
    await conversations.append(conversationId, (id) => ({ id, type: 'message', text: `hello from ${userId}` }));
  }
  await attachments.save({ conversationId: 'conv-sam', contentType: 'image/png', bytes: Buffer.from('photo') });
  await repositories.analytics.record({ kind: 'message', conversationId: 'conv-sam', channel: 'directline' });
  await repositories.analytics.record({ kind: 'message', conversationId: 'conv-jo', channel: 'directline' });
  await repositories.editorQuestions.record({
    kind: 'unanswered',
    question: 'where do I park',
    conversationId: 'conv-sam',
  });
  const say = (conversationId: string, userId: string, text: string, direction: 'incoming' | 'outgoing') => {
    const [resident, bot] = [
      { id: userId, name: userId },
      { id: 'bot', name: 'bot' },
    ];
    return transcripts.append(direction, {
      type: 'message',
      text,
      conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
      from: direction === 'incoming' ? resident : bot,
      recipient: direction === 'incoming' ? bot : resident,
    });
  };
  await say('conv-sam', 'user-sam', 'My green bin was missed at 1 High Street', 'incoming');
  await say('conv-sam', 'user-sam', 'Sorry about that. What is your email?', 'outgoing');
  await say('conv-jo', 'user-jo', 'When is my collection day?', 'incoming');
  await botState.write({
    'webchat/conversations/conv-sam': { conversationData: { email: EMAIL } },
    'webchat/users/user-sam': { preferredName: 'Sam' },
    'webchat/conversations/conv-jo': { conversationData: {} },
    'webchat/users/user-jo': { preferredName: 'Jo' },
  });
  const { request } = await requests.create({
    idempotencyKey: 'conv-sam/missedBin',
    requestType: 'missedBin',
    conversationId: 'conv-sam',
    details: { binType: 'green' },
    contact: { name: 'Sam Resident', email: 'Sam.Resident@Example.org', address: '1 High Street' },
  });
  await requests.create({
    idempotencyKey: 'conv-jo/flyTipping',
    requestType: 'flyTipping',
    conversationId: 'conv-jo',
    details: {},
    contact: { name: 'Jo', email: 'jo@example.org' },
  });
  await handoffs.open({ conversationId: 'conv-sam', priority: 'normal', reason: 'residentAsked' });
  await handoffs.open({ conversationId: 'conv-jo', priority: 'normal', reason: 'residentAsked' });
  await outbox.enqueue({ channel: 'email', to: EMAIL, body: 'Thanks, Sam', requestReference: request.reference });
  await outbox.enqueue({
    channel: 'webhook',
    to: 'https://crm.example.gov.uk/hook',
    body: '{}',
    requestReference: request.reference,
  });
  await outbox.enqueue({ channel: 'email', to: 'jo@example.org', body: 'Thanks, Jo' });
  return request.reference;
}

describeWithRepositories('residents’ rights', (context) => {
  test('an export by email finds the resident’s conversations, state, requests, handoffs and messages', async () => {
    const { repositories } = context();
    const reference = await seedTwoResidents(repositories);
    const data = await exportPersonalData(repositories, { kind: 'email', email: EMAIL });
    expect(data.conversationIds).toEqual(['conv-sam']);
    expect(data.transcripts.map((entry) => entry.activity.text)).toEqual([
      'My green bin was missed at 1 High Street',
      'Sorry about that. What is your email?',
    ]);
    expect(data.state.map((entry) => entry.key).sort()).toEqual([
      'webchat/conversations/conv-sam',
      'webchat/users/user-sam',
    ]);
    expect(data.state.find((entry) => entry.key === 'webchat/users/user-sam')?.state).toEqual({ preferredName: 'Sam' });
    expect(data.serviceRequests.map((request) => request.reference)).toEqual([reference]);
    expect(data.handoffs.map((session) => session.conversationId)).toEqual(['conv-sam']);
    expect(data.outbox.map((message) => message.channel).sort()).toEqual(['email', 'webhook']);
    expect(data.webChat.map(({ conversation, activities }) => [conversation._id, activities.length])).toEqual([
      ['conv-sam', 1],
    ]);
    expect(data.uploads.map((upload) => Buffer.from(upload.data, 'base64').toString())).toEqual(['photo']);
    expect(JSON.stringify(data)).not.toMatch(/Jo|jo@example|conv-jo|user-jo/);
  });

  test('an export by conversation id finds the same records', async () => {
    const { repositories } = context();
    await seedTwoResidents(repositories);
    const byEmail = await exportPersonalData(repositories, { kind: 'email', email: EMAIL });
    const byConversation = await exportPersonalData(repositories, { kind: 'conversation', conversationId: 'conv-sam' });
    expect({ ...byConversation, subject: null, generatedAt: null }).toEqual({
      ...byEmail,
      subject: null,
      generatedAt: null,
    });
  });

  test('after an erasure, an export finds nothing, the other resident is untouched, and the audit log says so without the data', async () => {
    const { repositories } = context();
    const reference = await seedTwoResidents(repositories);
    const summary = await erasePersonalData(
      repositories,
      { kind: 'email', email: EMAIL },
      { kind: 'operator', id: 'dpo' },
    );
    expect(summary.deleted).toEqual({
      transcripts: 2,
      webChatActivities: 1,
      uploads: 1,
      state: 2,
      serviceRequests: 1,
      handoffs: 1,
      outbox: 2,
      analyticsEvents: 1,
      editorQuestions: 1,
    });

    expect(isEmptyExport(await exportPersonalData(repositories, { kind: 'email', email: EMAIL }))).toBe(true);
    const conversation = await exportPersonalData(repositories, { kind: 'conversation', conversationId: 'conv-sam' });
    expect(isEmptyExport(conversation)).toBe(true);
    expect(await repositories.requests.findByReference(reference)).toBeNull();
    expect(await repositories.botState.read(['webchat/users/user-sam'])).toEqual({});

    const jo = await exportPersonalData(repositories, { kind: 'conversation', conversationId: 'conv-jo' });
    expect([
      jo.transcripts.length,
      jo.webChat.length,
      jo.state.length,
      jo.serviceRequests.length,
      jo.handoffs.length,
      jo.outbox.length,
    ]).toEqual([1, 1, 2, 1, 1, 0]);
    expect(
      await repositories.outbox.listFor({ email: 'jo@example.org', conversationIds: [], requestReferences: [] }),
    ).toHaveLength(1);

    const [entry, ...others] = await repositories.auditLog.list({ action: 'personalData.erased' });
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      actor: { kind: 'operator', id: 'dpo' },
      subject: { kind: 'erasure', id: summary.erasureId },
      details: { identifier: 'email', transcripts: 2, serviceRequests: 1 },
    });
    expect(JSON.stringify(entry)).not.toMatch(/sam|example\.org|conv-sam|High Street|SR-/i);
  });

  test('erasing a conversation id with nothing held still records the (empty) erasure', async () => {
    const { repositories } = context();
    const summary = await erasePersonalData(
      repositories,
      { kind: 'conversation', conversationId: 'unknown' },
      { kind: 'operator' },
    );
    expect(Object.values(summary.deleted).every((count) => count === 0)).toBe(true);
    expect(await repositories.auditLog.list({ action: 'personalData.erased' })).toHaveLength(1);
  });
});

describe('reading the identifier given on the command line', () => {
  test.each([
    [' Sam.Resident@Example.org ', { kind: 'email', email: 'sam.resident@example.org' }],
    ['a1b2c3|0000', { kind: 'conversation', conversationId: 'a1b2c3|0000' }],
    ['not-an-email@', { kind: 'conversation', conversationId: 'not-an-email@' }],
  ])('%j', (input, subject) => {
    expect(parseDataSubject(input)).toEqual({ ok: true, subject });
  });

  test('an empty identifier is refused', () => {
    expect(parseDataSubject('  ')).toEqual({ ok: false, problem: 'give a conversation id or an email address' });
  });
});
