import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { CouncilBotMetaMiddleware } from '../../bot/councilBotMetaMiddleware';
import { createTurnErrorHandler } from '../../bot/turnErrorHandler';
import { createTestBot, metaOf, shippedKnowledge, silentLogger } from '../support/testBot';

describe('when a turn fails', () => {
  test('the resident gets an apology with the phone number, and the next message works', async () => {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const dialogState = conversationState.createProperty<DialogState>('dialogState');
    const knowledge = await shippedKnowledge();
    let fail = true;
    const adapter = new TestAdapter(async (context) => {
      await dialogState.set(context, { dialogStack: [{ id: 'broken', state: {} }] });
      await conversationState.saveChanges(context);
      if (fail) throw new Error('database is on fire');
      await context.sendActivity('recovered');
    });
    adapter.use(new CouncilBotMetaMiddleware(silentLogger));
    adapter.onTurnError = createTurnErrorHandler(silentLogger, conversationState, dialogState, knowledge);
    await adapter.send('hello').assertReply((reply) => {
      expect(metaOf(reply).action).toBe('error');
      expect(reply.text).toMatch(/Sorry, something went wrong/);
      expect(reply.text).toMatch(/01632 960000/);
    });
    fail = false;
    await adapter.send('hello again').assertReply('recovered');
  });

  test('a message sent without channelData.councilBot still gets one', async () => {
    const adapter = new TestAdapter(async (context) => {
      await context.sendActivity('plain');
    });
    adapter.use(new CouncilBotMetaMiddleware(silentLogger));
    await adapter.send('hi').assertReply((reply) => expect(metaOf(reply).action).toBe('message'));
  });

  test('the real bot survives a broken knowledge source and apologises', async () => {
    const { adapter, services } = await createTestBot();
    const original = services.knowledge.current.bind(services.knowledge);
    services.knowledge.current = () => {
      throw new Error('knowledge unavailable');
    };
    try {
      await adapter.send('what day are the bins').assertReply((reply) => expect(metaOf(reply).action).toBe('error'));
    } finally {
      services.knowledge.current = original;
    }
  });
});
