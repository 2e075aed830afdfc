import { BotStateStorage } from '../botState/botStateStorage';
import type { DocumentStore } from '../documentStore';
import { AnalyticsRepository } from './analyticsRepository';
import { AttachmentStore } from './attachmentStore';
import { AuditLog } from './auditLog';
import { ConsoleSessionRepository } from './consoleSessionRepository';
import { ConsoleUserRepository } from './consoleUserRepository';
import { ConversationLog } from './conversationLog';
import { EditorQuestionRepository } from './editorQuestionRepository';
import { EmbeddingRepository } from './embeddingRepository';
import { HandoffRepository } from './handoffRepository';
import { type OutboxOptions, OutboxRepository } from './outboxRepository';
import { type RepositoryOptions, systemClock } from './repositoryOptions';
import { RequestRepository } from './requestRepository';
import { TranscriptRepository } from './transcriptRepository';

/** Everything the bot keeps, one repository per kind of record, all on one document store. */
export interface Repositories {
  /** `RETENTION_DAYS`: how long personal data is kept after it stops changing. */
  retentionDays: number;
  botState: BotStateStorage;
  /** Web chat conversations and every activity in them, as the Direct Line channel serves them. */
  conversations: ConversationLog;
  /** Files residents upload in web chat. */
  attachments: AttachmentStore;
  transcripts: TranscriptRepository;
  requests: RequestRepository;
  handoffs: HandoffRepository;
  consoleUsers: ConsoleUserRepository;
  consoleSessions: ConsoleSessionRepository;
  auditLog: AuditLog;
  outbox: OutboxRepository;
  /** Vectors of knowledge article sections (no personal data), when a language model is configured. */
  embeddings: EmbeddingRepository;
  /** What the service did, without personal data, for the performance figures. */
  analytics: AnalyticsRepository;
  /** Questions the knowledge base did not answer well, for content editors (redacted residents' words). */
  editorQuestions: EditorQuestionRepository;
}

export interface OpenRepositoriesOptions extends RepositoryOptions {
  /** How long analytics events are kept (default 730 days). */
  analyticsRetentionDays?: number;
  outbox?: Omit<OutboxOptions, keyof RepositoryOptions>;
}

/** Builds every repository on `store` and creates their indexes (safe at every start; both backends). */
export async function openRepositories(store: DocumentStore, options: OpenRepositoriesOptions): Promise<Repositories> {
  const shared: RepositoryOptions = { retentionDays: options.retentionDays, clock: options.clock };
  const repositories = {
    botState: new BotStateStorage(store, shared),
    conversations: new ConversationLog(store, options.clock ?? systemClock),
    attachments: new AttachmentStore(store, options.clock ?? systemClock),
    transcripts: new TranscriptRepository(store, shared),
    requests: new RequestRepository(store, shared),
    handoffs: new HandoffRepository(store, shared),
    consoleUsers: new ConsoleUserRepository(store, shared),
    consoleSessions: new ConsoleSessionRepository(store, shared),
    auditLog: new AuditLog(store, shared),
    outbox: new OutboxRepository(store, { ...shared, ...options.outbox }),
    embeddings: new EmbeddingRepository(store, { clock: options.clock }),
    editorQuestions: new EditorQuestionRepository(store, shared),
    analytics: new AnalyticsRepository(store, {
      retentionDays: options.analyticsRetentionDays ?? 730,
      clock: options.clock,
    }),
  };
  await Promise.all(Object.values(repositories).map((repository) => repository.ensureIndexes()));
  return { retentionDays: options.retentionDays, ...repositories };
}
