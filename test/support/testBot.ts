import path from 'node:path';
import type { Activity } from 'botbuilder';
import { ConversationState, MemoryStorage, type Storage, TestAdapter, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import pino from 'pino';
import { CouncilBot } from '../../bot/councilBot';
import { CouncilBotMetaMiddleware } from '../../bot/councilBotMetaMiddleware';
import { createTurnErrorHandler } from '../../bot/turnErrorHandler';
import type { ConversationData } from '../../dialogs/conversationData';
import type { ConversationServices } from '../../dialogs/conversationServices';
import { MainDialog } from '../../dialogs/mainDialog';
import { AnsweringService, type AnsweringServiceOptions } from '../../src/answering/answeringService';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { KnowledgeService } from '../../src/knowledge/knowledgeService';

export const SHIPPED_KNOWLEDGE = path.resolve(__dirname, '../../knowledge');
export const silentLogger = pino({ level: 'silent' });

let shared: Promise<KnowledgeService> | undefined;

/** The shipped knowledge base, loaded once per test file. */
export function shippedKnowledge(): Promise<KnowledgeService> {
  shared ??= KnowledgeService.load(SHIPPED_KNOWLEDGE, silentLogger).then((result) => {
    if (!result.ok) throw new Error(`shipped knowledge base is invalid: ${JSON.stringify(result.problems)}`);
    return result.service;
  });
  return shared;
}

export interface TestBot {
  adapter: TestAdapter;
  bot: CouncilBot;
  services: ConversationServices;
  storage: Storage;
}

/**
 * The real bot, wired as the composition root wires it, on a TestAdapter. `answering` adds a language model (and
 * section index) to the answering service, as `src/app.ts` does when one is configured.
 */
export async function createTestBot(
  storage: Storage = new MemoryStorage(),
  answering: Omit<AnsweringServiceOptions, 'logger'> = {},
): Promise<TestBot> {
  const knowledge = await shippedKnowledge();
  const services: ConversationServices = {
    knowledge,
    contactCentre: new ContactCentre(),
    answering: new AnsweringService(knowledge, { logger: silentLogger, ...answering }),
  };
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const bot = new CouncilBot(
    conversationState,
    userState,
    dialogState,
    new MainDialog(services, conversationData),
    services,
  );
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.use(new CouncilBotMetaMiddleware(silentLogger));
  adapter.onTurnError = createTurnErrorHandler(silentLogger, conversationState, dialogState, knowledge);
  return { adapter, bot, services, storage };
}

interface Meta {
  action: string;
  [key: string]: unknown;
}

/** The `channelData.councilBot` of a bot message; fails the test when it is missing. */
export function metaOf(activity: Partial<Activity>): Meta {
  const channelData: unknown = activity.channelData;
  if (typeof channelData !== 'object' || channelData === null || !('councilBot' in channelData)) {
    throw new Error(`reply has no channelData.councilBot: ${activity.text}`);
  }
  const meta: unknown = channelData.councilBot;
  if (typeof meta !== 'object' || meta === null || !('action' in meta) || typeof meta.action !== 'string') {
    throw new Error('channelData.councilBot has no action');
  }
  return { ...meta, action: meta.action };
}

export function buttonsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((action) => String(action.title));
}
