import { type Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';
import { buttonsOf, createTestBot, metaOf, type TestBot } from '../support/testBot';

function closedCentre(): ContactCentre {
  const parsed = parseOpeningHours('never');
  if (!parsed.ok) throw new Error('bad hours');
  return new ContactCentre(parsed.hours);
}

/** A turn the bot runs by itself (as when a CSA ends the chat), on the test conversation. */
async function proactively(testBot: TestBot, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const activity = TurnContext.applyConversationReference(
    { type: ActivityTypes.Event, name: 'proactive' },
    testBot.adapter.conversation,
    true,
  );
  await logic(new TurnContext(testBot.adapter, activity));
}

/** Replies the bot sent outside a resident's turn, taken from the adapter's queue. */
function takeReplies(testBot: TestBot): Partial<Activity>[] {
  return testBot.adapter.activeQueue.splice(0);
}

describe('when the bot hands a conversation to a person', () => {
  test('a topic a person must handle (homelessness) is answered, then handed over', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter
      .send('I am being evicted next month and will be homeless')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'answer', articleId: 'homelessness' }))
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'queued', reason: 'needsPerson' });
        expect(reply.text).toMatch(/a person needs to help you/);
      });
    expect(handoff.requests).toMatchObject([{ reason: 'needsPerson', priority: 'normal' }]);
  });

  test.each(['this is useless', "you don't understand what I'm asking", 'WHY IS NOTHING EVER SIMPLE WITH YOU'])(
    'signs of frustration (%s) bring a person',
    async (text) => {
      const { adapter, handoff } = await createTestBot();
      await adapter.send(text).assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'handoff', reason: 'frustration' });
        expect(reply.text).toMatch(/sorry/i);
      });
      expect(handoff.requests.map((request) => request.reason)).toEqual(['frustration']);
    },
  );

  test('a bin question with "rubbish" in it is not frustration', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter
      .send('when is my rubbish collected')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('addressPrompt'));
    expect(handoff.requests).toEqual([]);
  });

  test('the request carries the conversation, its channel and a reference to reach the resident later', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter.send('talk to a person').assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'));
    const [request] = handoff.requests;
    expect(request).toMatchObject({ conversationId: adapter.conversation.conversation.id, channel: 'test' });
    expect(JSON.parse(request?.reference ?? '{}')).toMatchObject({
      conversation: { id: adapter.conversation.conversation.id },
      serviceUrl: adapter.conversation.serviceUrl,
    });
  });
});

describe('while the resident waits for a person', () => {
  test('they are told their place; their next words are acknowledged once, then only when their place changes', async () => {
    const testBot = await createTestBot();
    const { adapter, handoff } = testBot;
    await adapter
      .send('talk to a person')
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ position: 2, estimatedWaitMinutes: 6 });
        expect(reply.text).toMatch(/keep typing/);
      })
      .send('it is about my council tax bill')
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'queued', position: 2 });
        expect(reply.text).toMatch(/added that/);
      })
      .send('I moved house in March')
      .assertNoReply();
    if (handoff.current?.state === 'queued') handoff.current = { ...handoff.current, position: 1 };
    await adapter.send('are they coming soon').assertReply((reply) => expect(reply.text).toMatch(/You're next/));
    expect(handoff.residentLines.map((line) => line.text)).toEqual([
      'it is about my council tax bill',
      'I moved house in March',
      'are they coming soon',
    ]);
  });

  test('an emergency while waiting gets the numbers at once and is flagged to the team', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter
      .send('talk to a person')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'))
      .send('he is hitting me again')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgentCategory: 'abuse' }));
    expect(handoff.residentLines.at(-1)).toMatchObject({ urgent: true });
  });

  test('"Stop waiting" leaves the queue and the bot helps again', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter
      .send('talk to a person')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'))
      .send('cancel')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'left' }))
      .send('what day are the bins collected')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('answer'));
    expect(handoff.left).toMatchObject([{ why: 'stoppedWaiting' }]);
  });

  test('"Call me back" leaves the queue for a callback request, which carries the conversation to whoever calls', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter
      .send('talk to a person')
      .assertReply((reply) => expect(buttonsOf(reply)).toContain('Call me back'))
      .send('Call me back')
      .assertReply((reply) =>
        expect(metaOf(reply)).toMatchObject({ action: 'prompt', form: 'callback', field: 'topic' }),
      )
      .send('My council tax bill')
      .assertReply((reply) => expect(metaOf(reply).field).toBe('name'))
      .send('Sam Resident')
      .assertReply((reply) => expect(metaOf(reply).field).toBe('contactBy'))
      .send('Email')
      .assertReply((reply) => expect(metaOf(reply).field).toBe('email'))
      .send('sam@example.org')
      .assertReply((reply) => expect(metaOf(reply).field).toBe('preferredTime'))
      .send('Any time')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('requestSummary'))
      .send('Yes, send it')
      .assertReply((reply) =>
        expect(metaOf(reply)).toMatchObject({ action: 'requestSubmitted', requestType: 'callback' }),
      );
    expect(handoff.left).toEqual([{ conversationId: adapter.conversation.conversation.id, why: 'choseCallback' }]);
    expect(handoff.callbacks).toMatchObject([
      { reference: expect.stringMatching(/^SR-/), promisedBy: expect.any(Date) },
    ]);
  });

  test('asking again tells them they are still waiting', async () => {
    const { adapter, handoff } = await createTestBot();
    handoff.next = {
      kind: 'queued',
      sessionId: 'session-1',
      position: 3,
      estimatedWaitMinutes: 9,
      csasAvailable: 1,
      alreadyQueued: true,
    };
    await adapter.send('talk to a person').assertReply((reply) => expect(reply.text).toMatch(/still waiting/));
  });

  test('when everyone is busy, a callback is offered straight away', async () => {
    const { adapter, handoff } = await createTestBot();
    handoff.next = {
      kind: 'queued',
      sessionId: 'session-1',
      position: 1,
      estimatedWaitMinutes: 6,
      csasAvailable: 0,
      alreadyQueued: false,
    };
    await adapter.send('talk to a person').assertReply((reply) => {
      expect(reply.text).toMatch(/Everyone on our team is busy/);
      expect(buttonsOf(reply)).toContain('Call me back');
    });
  });
});

describe('once a CSA has the conversation', () => {
  test('the bot never talks over them: every message goes to the CSA, with no reply from the bot', async () => {
    const { adapter, handoff } = await createTestBot();
    await adapter.send('talk to a person').assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'));
    handoff.acceptedBy('Sam');
    await adapter
      .send('hello Sam')
      .send('what day are the bins collected')
      .send('help')
      .send('I smell gas')
      .assertNoReply();
    expect(handoff.residentLines.map((line) => line.text)).toEqual([
      'hello Sam',
      'what day are the bins collected',
      'help',
      'I smell gas',
    ]);
    expect(handoff.residentLines.at(-1)?.urgent).toBe(true);
  });

  test('when the CSA ends the chat, the resident is asked for a rating (1 to 5 and a comment), once', async () => {
    const testBot = await createTestBot();
    const { adapter, handoff, bot } = testBot;
    await adapter.send('talk to a person').assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'));
    handoff.acceptedBy('Sam');
    handoff.ended();
    await proactively(testBot, (context) => bot.handBack(context, 'Sam', 'session-1').then(() => undefined));
    const [ended, ask] = takeReplies(testBot);
    expect(metaOf(ended ?? {})).toMatchObject({ action: 'handoff', handoffState: 'ended', csaName: 'Sam' });
    expect(metaOf(ask ?? {})).toMatchObject({ action: 'prompt', form: 'satisfaction', field: 'rating' });
    expect(buttonsOf(ask ?? {})).toHaveLength(5);
    await adapter
      .send('4 (good)')
      .assertReply((reply) =>
        expect(metaOf(reply)).toMatchObject({ action: 'prompt', form: 'satisfaction', field: 'comment' }),
      )
      .send('Sam was very patient')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'ratingRecorded', score: 4 }))
      .send('thanks')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('smallTalk'));
    expect(handoff.ratings).toEqual([{ sessionId: 'session-1', score: 4, comment: 'Sam was very patient' }]);
  });

  test('a question instead of a rating is answered, and nothing loops back', async () => {
    const testBot = await createTestBot();
    const { adapter, bot, handoff } = testBot;
    await proactively(testBot, (context) => bot.handBack(context, 'Sam', 'session-1').then(() => undefined));
    takeReplies(testBot);
    await adapter
      .send('what day are the bins collected')
      .assertReply((reply) =>
        expect(metaOf(reply)).toMatchObject({ action: 'answer', articleId: 'bin-collection-days' }),
      )
      .send('thank you')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'feedbackRecorded', helpful: true }))
      .send('hello')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('smallTalk'));
    expect(handoff.ratings).toEqual([]);
  });

  test('"No thanks" records the rating without a comment', async () => {
    const testBot = await createTestBot();
    const { adapter, bot, handoff } = testBot;
    await proactively(testBot, (context) => bot.handBack(context, 'Sam', 'session-1').then(() => undefined));
    takeReplies(testBot);
    await adapter
      .send('five')
      .assertReply((reply) => expect(metaOf(reply).field).toBe('comment'))
      .send('No thanks')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'ratingRecorded', score: 5 }));
    expect(handoff.ratings).toEqual([{ sessionId: 'session-1', score: 5, comment: undefined }]);
  });
});

describe('out of hours', () => {
  test('the resident is told plainly, with the hours, when we open, and offered a callback', async () => {
    const { adapter, handoff } = await createTestBot({ contactCentre: closedCentre() });
    handoff.next = { kind: 'closed', nextOpening: new Date('2026-11-30T09:00:00Z') };
    await adapter.send('can I speak to someone').assertReply((reply) => {
      expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'closed' });
      expect(reply.text).toMatch(/isn't working right now/);
      expect(reply.text).toMatch(/open again at 9am on Monday 30 November/);
      expect(reply.text).toMatch(/customer\.services@eastmere\.example/);
      expect(buttonsOf(reply)).toContain('Call me back');
    });
  });

  test('an urgent message out of hours keeps the emergency numbers first', async () => {
    const { adapter, handoff } = await createTestBot({ contactCentre: closedCentre() });
    handoff.next = { kind: 'closed', nextOpening: undefined };
    await adapter
      .send('I have nowhere to sleep tonight')
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgentCategory: 'homelessTonight' });
        expect(reply.text).toContain('01632 960999');
      })
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'closed', reason: 'urgent' });
        expect(reply.text).toMatch(/use the numbers above/);
      });
  });
});

describe('with an external agent hub (Bot Framework handoff protocol)', () => {
  test('the bot sends handoff.initiate with the brief and transcript, then follows handoff.status', async () => {
    const { adapter, handoff } = await createTestBot();
    handoff.next = {
      kind: 'external',
      sessionId: 'session-9',
      brief: {
        reason: 'residentAsked',
        reasonText: 'The resident asked to talk to a person',
        serviceArea: 'General enquiries',
        priority: 'normal',
        residentWords: ['talk to a person'],
        articlesShown: [],
        botReplies: [],
        details: { requestReferences: [] },
        channel: 'test',
        conversationStartedAt: new Date('2026-11-24T10:00:00Z'),
        queuedAt: new Date('2026-11-24T10:01:00Z'),
      },
      transcript: [{ type: 'message', text: 'talk to a person' }],
    };
    await adapter
      .send('talk to a person')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'external' }))
      .assertReply((event) => {
        expect(event.type).toBe('event');
        expect(event.name).toBe('handoff.initiate');
        expect(event.value).toMatchObject({ brief: { reason: 'residentAsked', residentWords: ['talk to a person'] } });
        // EventFactory attaches the transcript as Bot Framework's Transcript: `{ activities }`.
        expect(event.attachments?.[0]).toMatchObject({
          contentType: 'application/json',
          content: { activities: [{ type: 'message', text: 'talk to a person' }] },
        });
      });
    handoff.current = { state: 'external', sessionId: 'session-9' };
    await adapter
      .send({ type: 'event', name: 'handoff.status', value: { state: 'completed' } })
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'ended' }))
      .assertReply((reply) =>
        expect(metaOf(reply)).toMatchObject({ action: 'prompt', form: 'satisfaction', field: 'rating' }),
      );
  });

  test('a failed handoff offers the other routes', async () => {
    const { adapter, handoff } = await createTestBot();
    handoff.current = { state: 'external', sessionId: 'session-9' };
    await adapter
      .send({ type: 'event', name: 'handoff.status', value: { state: 'failed', message: 'no agents' } })
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'ended' });
        expect(reply.text).toMatch(/couldn't connect you/);
        expect(reply.text).toMatch(/01632 960000/);
      });
  });
});
