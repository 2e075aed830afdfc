import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Activity, MemoryStorage, TestAdapter } from 'botbuilder';
import pino from 'pino';
import { CouncilBotMetaMiddleware } from '../../bot/councilBotMetaMiddleware';
import type { QuestionAnswering } from '../answering/answeringService';
import { ContactCentre } from '../contactCentre/contactCentre';
import type { KnowledgeSnapshot } from '../knowledge/knowledgeSnapshot';
import { EmbeddedDocumentStore } from '../storage/embedded/embeddedDocumentStore';
import { openRepositories } from '../storage/repositories/openRepositories';
import { EvalHandoffPort } from './evalHandoffPort';
import { CONVERSATION_KINDS, type EvalConversation } from './parseConversationFile';
import { createBot } from '../composition/createBot';
import { createConversationServices, createRequestDesk } from '../composition/createServices';

/** How one conversation ended: what the bot did with the last turn. */
export interface ConversationResult {
  conversation: EvalConversation;
  right: boolean;
  /** The last turn's replies, as `action` or `action:articleId` (e.g. `answer:garden-waste`, `clarify`). */
  got: string[];
  /** Every turn's replies, the same way, for `--misses`. */
  turns: string[][];
}

/** Answered-right per kind of conversation and overall. */
export interface ConversationReport {
  results: ConversationResult[];
  kinds: Array<{ kind: string; conversations: number; right: number }>;
  right: number;
  /** Conversations in which the bot asked for a person (urgent, two misses, needs a person). */
  handoffs: number;
}

/**
 * Runs each conversation through the real bot (`createBot`, its dialogs and the given answering service) on
 * a `TestAdapter`, with bot state in memory and requests and feedback on a throwaway embedded store, one fresh
 * conversation each. A conversation ends right when a reply to its last turn is an `answer` from the expected
 * article, or, for `OUT`, when no reply to it is an `answer`.
 */
export async function evaluateConversations(
  conversations: readonly EvalConversation[],
  snapshot: KnowledgeSnapshot,
  answering: QuestionAnswering,
): Promise<ConversationReport> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kb-conversations-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedDocumentStore({ dataDir, logger, onDisk: 'none' });
  try {
    const clock = () => new Date();
    const repositories = await openRepositories(store, { retentionDays: 1, clock });
    const handoff = new EvalHandoffPort();
    const knowledge = { current: () => snapshot };
    const services = createConversationServices({
      knowledge,
      repositories,
      contactCentre: new ContactCentre({ kind: 'never' }),
      answering,
      handoff,
      requests: createRequestDesk(repositories, knowledge, clock, { photoUrl: (link) => link }),
      clock,
    });
    const results: ConversationResult[] = [];
    let handoffs = 0;
    for (const conversation of conversations) {
      const before = handoff.requested;
      const { bot, onTurnError } = createBot(new MemoryStorage(), services, { isFromAgentHub: () => false, logger });
      const adapter = new TestAdapter((context) => bot.run(context));
      adapter.use(new CouncilBotMetaMiddleware(logger));
      adapter.onTurnError = onTurnError;
      const turns: string[][] = [];
      for (const turn of conversation.turns) turns.push((await say(adapter, turn)).flatMap(describeReply));
      const got = turns.at(-1) ?? [];
      results.push({ conversation, right: endedRight(got, conversation.expected), got, turns });
      if (handoff.requested > before) handoffs += 1;
    }
    return summarise(results, handoffs);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sends one message and collects every reply to it. */
async function say(adapter: TestAdapter, text: string): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return adapter.activeQueue.splice(0);
}

function describeReply(activity: Partial<Activity>): string[] {
  if (activity.type !== 'message') return [];
  const channelData: unknown = activity.channelData;
  if (typeof channelData !== 'object' || channelData === null || !('councilBot' in channelData)) return [];
  const meta: unknown = channelData.councilBot;
  if (typeof meta !== 'object' || meta === null || !('action' in meta)) return [];
  const action = String(meta.action);
  const articleId = 'articleId' in meta && typeof meta.articleId === 'string' ? meta.articleId : undefined;
  return [articleId ? `${action}:${articleId}` : action];
}

function endedRight(got: readonly string[], expected: string): boolean {
  const answers = got.filter((reply) => reply.startsWith('answer:'));
  return expected === 'OUT' ? answers.length === 0 : answers.includes(`answer:${expected}`);
}

function summarise(results: ConversationResult[], handoffs: number): ConversationReport {
  const kinds = CONVERSATION_KINDS.flatMap((kind) => {
    const ofKind = results.filter((result) => result.conversation.kind === kind);
    if (ofKind.length === 0) return [];
    return [{ kind, conversations: ofKind.length, right: ofKind.filter((result) => result.right).length }];
  });
  return { results, kinds, right: results.filter((result) => result.right).length, handoffs };
}

/** The report as `kb eval --conversations` prints it; with `misses`, each wrong conversation first. */
export function formatConversationReport(report: ConversationReport, mode: string, misses: boolean): string {
  const lines: string[] = [];
  if (misses) {
    for (const { conversation, right, got, turns: replies } of report.results) {
      if (right) continue;
      const turns = conversation.turns
        .map((turn, index) => (index < replies.length - 1 ? `"${turn}" [${replies[index]?.join(', ')}]` : `"${turn}"`))
        .join(' > ');
      lines.push(
        `miss line ${conversation.line} (${conversation.kind}): ${turns} expected ${conversation.expected}, got ${got.join(', ') || 'no reply'}`,
      );
    }
  }
  const total = report.results.length;
  const ratio = (right: number, of: number) => (of === 0 ? '-' : (right / of).toFixed(2));
  lines.push(
    `conversations: ${total} (mode: ${mode}); ended right: ${ratio(report.right, total)} (${report.right}/${total}); handed to a person: ${report.handoffs}`,
    '',
    'kind          conversations  ended right',
  );
  for (const { kind, conversations, right } of report.kinds) {
    lines.push(`${kind.padEnd(13)} ${String(conversations).padStart(13)}  ${ratio(right, conversations).padStart(11)}`);
  }
  lines.push(`${'all'.padEnd(13)} ${String(total).padStart(13)}  ${ratio(report.right, total).padStart(11)}`, '');
  return lines.join('\n');
}
