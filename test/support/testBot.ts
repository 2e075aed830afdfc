import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import pino from 'pino';
import type { CouncilBot } from '../../bot/councilBot';
import { CouncilBotMetaMiddleware } from '../../bot/councilBotMetaMiddleware';
import type { ConversationServices } from '../../dialogs/conversationServices';
import {
  AnsweringService,
  type AnsweringServiceOptions,
  type QuestionAnswering,
} from '../../src/answering/answeringService';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { KnowledgeService } from '../../src/knowledge/knowledgeService';
import type { AddressLookup } from '../../src/places/addressLookup';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { openRepositories, type Repositories } from '../../src/storage/repositories/openRepositories';
import { createBot } from '../../src/composition/createBot';
import { createConversationServices, createRequestDesk } from '../../src/composition/createServices';
import { FakeHandoffPort } from './fakeHandoffPort';

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

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Repositories on a throwaway embedded store, closed and deleted after the test file. */
export async function tempRepositories(clock: () => Date = () => new Date()): Promise<Repositories> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bot-store-'));
  const store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return openRepositories(store, { retentionDays: 90, clock });
}

export interface TestServicesOptions {
  repositories?: Repositories;
  clock?: () => Date;
  crmWebhookUrl?: string;
  /** The contact centre (default: the profile's hours); tests pass `always` or `never`. */
  contactCentre?: ContactCentre;
  /** Adds a language model (and section index) to the answering service, as `src/app.ts` does when one is configured. */
  answering?: Omit<AnsweringServiceOptions, 'logger'>;
  /** An address lookup, as the app gives one (the missed-bin report then starts with the address step). */
  addresses?: AddressLookup;
  /** Wraps the answering service, e.g. to give an outcome today's decision would not (a test double). */
  wrapAnswering?: (real: QuestionAnswering) => QuestionAnswering;
}

/** The conversation's services for tests: the real ones, except a fake handoff domain the test can steer. */
export type TestServices = ConversationServices & { repositories: Repositories; handoff: FakeHandoffPort };

/** The conversation's services as the composition root builds them, on a throwaway store unless one is given. */
export async function createTestServices(options: TestServicesOptions = {}): Promise<TestServices> {
  const knowledge = await shippedKnowledge();
  const clock = options.clock ?? (() => new Date());
  const repositories = options.repositories ?? (await tempRepositories(clock));
  const contactCentre = options.contactCentre ?? new ContactCentre();
  const requests = createRequestDesk(repositories, knowledge, clock, {
    crmWebhookUrl: options.crmWebhookUrl,
    photoUrl: (link) => link,
  });
  const answering = new AnsweringService(knowledge, { logger: silentLogger, ...options.answering });
  const services = createConversationServices({
    knowledge,
    repositories,
    contactCentre,
    answering: options.wrapAnswering ? options.wrapAnswering(answering) : answering,
    handoff: new FakeHandoffPort(),
    requests,
    addresses: options.addresses,
    clock,
  });
  return { ...services, repositories };
}

export interface TestBot {
  adapter: TestAdapter;
  bot: CouncilBot;
  services: ConversationServices;
  repositories: Repositories;
  storage: Storage;
  handoff: FakeHandoffPort;
}

export interface TestBotOptions extends TestServicesOptions {
  /** Where bot state is kept (default: in memory). */
  storage?: Storage;
}

/** The real bot, built by the composition root's factory (`createBot`), on a TestAdapter. */
export async function createTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const storage = options.storage ?? new MemoryStorage();
  const services = await createTestServices(options);
  // The test adapter plays every channel, the external agent hub included.
  const { bot, onTurnError } = createBot(storage, services, { isFromAgentHub: () => true, logger: silentLogger });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.use(new CouncilBotMetaMiddleware(silentLogger));
  adapter.onTurnError = onTurnError;
  return { adapter, bot, services, repositories: services.repositories, storage, handoff: services.handoff };
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
