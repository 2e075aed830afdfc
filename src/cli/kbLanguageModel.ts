import { SingleBar } from 'cli-progress';
import pino from 'pino';
import { AnsweringService } from '../answering/answeringService';
import { type Config, loadConfig } from '../config/config';
import { HYBRID } from '../knowledge/decideHybrid';
import type { KnowledgeSnapshot } from '../knowledge/knowledgeSnapshot';
import { type EmbeddingCache, MemoryEmbeddingCache, type RefreshResult, SectionIndex } from '../knowledge/sectionIndex';
import { createLanguageModel } from '../llm/createLanguageModel';
import type { LanguageModel } from '../llm/languageModel';
import { LlmUsageCounters } from '../llm/llmUsage';
import { createLogger } from '../logging/createLogger';
import type { DocumentStore } from '../storage/documentStore';
import { openDocumentStore } from '../storage/openDocumentStore';
import { EmbeddingRepository } from '../storage/repositories/embeddingRepository';

/** The language model side of the `kb` command, built from the environment as the server builds it. */
export interface KbLanguageModel {
  config: Config;
  model: LanguageModel;
  sectionIndex: SectionIndex;
  answering: AnsweringService;
  usage: LlmUsageCounters;
  /** The store's embedding cache, when the store could be opened (the embedded store serves one process at a time). */
  repository: EmbeddingRepository | undefined;
  close(): Promise<void>;
}

export type OpenKbLanguageModelResult =
  { ok: true; setup: KbLanguageModel } | { ok: false; problem: string; notConfigured: boolean };

/**
 * Builds the model, the section index (with the store's embedding cache: `DATA_DIR` or `MONGODB_URI`) and the same
 * answering service the bot uses. When `required` is false and the store is in use, vectors are kept in memory.
 */
export async function openKbLanguageModel(
  snapshot: KnowledgeSnapshot,
  options: { storeRequired: boolean },
): Promise<OpenKbLanguageModelResult> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) return { ok: false, problem: loaded.problems.join('; '), notConfigured: false };
  const { config } = loaded;
  // Only warnings and errors, on standard error: standard output is the command's result.
  const logger = createLogger('warn', pino.destination({ dest: 2, sync: true }));
  const usage = new LlmUsageCounters();
  const model = createLanguageModel(config, usage, logger);
  if (!model) return { ok: false, problem: 'OPENAI_API_KEY is not set', notConfigured: true };

  let store: DocumentStore | undefined;
  let repository: EmbeddingRepository | undefined;
  let cache: EmbeddingCache;
  try {
    store = await openDocumentStore({
      mongodbUri: config.MONGODB_URI,
      mongodbDb: config.MONGODB_DB,
      dataDir: config.DATA_DIR,
      logger,
    });
    repository = new EmbeddingRepository(store);
    await repository.ensureIndexes();
    cache = repository;
  } catch (error) {
    await store?.close();
    const problem = error instanceof Error ? error.message : String(error);
    if (options.storeRequired) return { ok: false, problem, notConfigured: false };
    process.stderr.write(`note: embeddings kept in memory for this run (${problem})\n`);
    cache = new MemoryEmbeddingCache();
  }
  const sectionIndex = new SectionIndex(model, cache, logger);
  const answering = new AnsweringService(
    { current: () => snapshot },
    {
      logger,
      model,
      sectionIndex,
      usage,
      turnBudgetMs: config.OPENAI_TIMEOUT_MS,
      hybrid: { ...HYBRID, minSimilarity: config.OPENAI_MIN_SIMILARITY },
    },
  );
  return {
    ok: true,
    setup: { config, model, sectionIndex, answering, usage, repository, close: async () => store?.close() },
  };
}

/** Embeds every section not yet cached, with a progress bar on standard error. */
export async function embedWithProgress(setup: KbLanguageModel, snapshot: KnowledgeSnapshot): Promise<RefreshResult> {
  const bar = new SingleBar({
    format: 'embedding sections [{bar}] {value}/{total} {percentage}% | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  try {
    return await setup.sectionIndex.refresh(snapshot.knowledge, {
      onProgress: ({ done, total }) => {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
    });
  } finally {
    if (started) bar.stop();
  }
}
