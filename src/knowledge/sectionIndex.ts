import type { Logger } from 'pino';
import type { LanguageModel } from '../llm/languageModel';
import { type ArticleSection, articleSections } from './articleSections';
import type { KnowledgeBase } from './knowledgeBase';

/** Where section vectors are cached between runs (the `EmbeddingRepository` on the document store). */
export interface EmbeddingCache {
  find(model: string, hashes: readonly string[]): Promise<Map<string, Float32Array>>;
  save(model: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void>;
}

/** An article found by meaning: its closest sections first, and the best similarity as the article's. */
export interface SemanticMatch {
  articleId: string;
  similarity: number;
  sections: { section: ArticleSection; similarity: number }[];
}

export interface RefreshProgress {
  done: number;
  total: number;
}

export interface RefreshResult {
  total: number;
  /** Vectors already in memory or found in the cache. */
  reused: number;
  /** Sections embedded by this refresh. */
  embedded: number;
  /** Sections still without a vector because the model failed; a later refresh tries again. */
  missing: number;
}

export interface RefreshOptions {
  onProgress?: (progress: RefreshProgress) => void;
  batchSize?: number;
  /** Time allowed for each batch. */
  timeoutMs?: number;
}

/**
 * The semantic half of hybrid retrieval: a vector for every article section (title and summary, then each part of
 * the body under a heading), embedded once per content hash and model and cached in the store, so a restart reads
 * them back and an edit re-embeds only the sections whose text changed. Refreshes run one at a time; the search
 * uses whatever vectors are ready, so answering never waits for embedding.
 */
export class SectionIndex {
  private vectors = new Map<string, Float32Array>();
  private readonly sections = new WeakMap<KnowledgeBase, ArticleSection[]>();
  private refreshing: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly model: LanguageModel,
    private readonly cache: EmbeddingCache,
    private readonly logger: Logger,
  ) {}

  /** The sections of a knowledge base (computed once per snapshot). */
  sectionsOf(knowledge: KnowledgeBase): ArticleSection[] {
    let sections = this.sections.get(knowledge);
    if (!sections) {
      sections = knowledge.articles.flatMap(articleSections);
      this.sections.set(knowledge, sections);
    }
    return sections;
  }

  /** Whether every section of this knowledge base has a vector. */
  isComplete(knowledge: KnowledgeBase): boolean {
    return this.sectionsOf(knowledge).every((section) => this.vectors.has(section.hash));
  }

  /** Whether any section of this knowledge base has a vector (semantic search is worth a call to embed). */
  hasVectors(knowledge: KnowledgeBase): boolean {
    return this.sectionsOf(knowledge).some((section) => this.vectors.has(section.hash));
  }

  /** Gives every section of `knowledge` a vector: from memory, the cache, or the model (in batches). */
  refresh(knowledge: KnowledgeBase, options: RefreshOptions = {}): Promise<RefreshResult> {
    const run = this.refreshing.then(() => this.refreshNow(knowledge, options));
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  /** Stops refreshing: a refresh under way stores nothing more (the store may be closing). */
  close(): void {
    this.closed = true;
  }

  /** Resolves when no refresh is under way. */
  async idle(): Promise<void> {
    await this.refreshing;
  }

  /** Articles by the similarity of their closest section to the question's vector, best first. */
  search(knowledge: KnowledgeBase, query: Float32Array, limit = 10): SemanticMatch[] {
    const unit = normalised(query);
    const byArticle = new Map<string, SemanticMatch>();
    for (const section of this.sectionsOf(knowledge)) {
      const vector = this.vectors.get(section.hash);
      if (!vector || vector.length !== unit.length) continue;
      const similarity = dot(unit, vector);
      const match = byArticle.get(section.articleId) ?? { articleId: section.articleId, similarity: -1, sections: [] };
      match.sections.push({ section, similarity });
      match.similarity = Math.max(match.similarity, similarity);
      byArticle.set(section.articleId, match);
    }
    const matches = [...byArticle.values()];
    for (const match of matches) match.sections.sort((a, b) => b.similarity - a.similarity);
    return matches
      .sort((a, b) => b.similarity - a.similarity || a.articleId.localeCompare(b.articleId))
      .slice(0, limit);
  }

  private async refreshNow(knowledge: KnowledgeBase, options: RefreshOptions): Promise<RefreshResult> {
    const sections = this.sectionsOf(knowledge);
    const wanted = new Set(sections.map((section) => section.hash));
    const kept = new Map([...this.vectors].filter(([hash]) => wanted.has(hash)));
    const model = this.model.embeddingModel;
    if (this.closed) return { total: wanted.size, reused: 0, embedded: 0, missing: wanted.size };
    const fromCache = await this.cache.find(
      model,
      [...wanted].filter((hash) => !kept.has(hash)),
    );
    for (const [hash, vector] of fromCache) kept.set(hash, normalised(vector));
    this.vectors = kept;
    const reused = kept.size;
    const missing = uniqueByHash(sections.filter((section) => !kept.has(section.hash)));
    const batchSize = options.batchSize ?? 64;
    let embedded = 0;
    options.onProgress?.({ done: reused, total: wanted.size });
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      const outcome = await this.model.embed(
        batch.map((section) => section.embeddingText),
        { timeoutMs: options.timeoutMs ?? 60_000 },
      );
      if (this.closed) break;
      if (!outcome.ok) {
        this.logger.warn(
          { reason: outcome.reason, embedded, missing: missing.length - embedded },
          'embedding knowledge sections failed; lexical search covers them until the next refresh',
        );
        break;
      }
      const fresh = new Map<string, Float32Array>();
      batch.forEach((section, index) => {
        const vector = outcome.vectors[index];
        if (vector) fresh.set(section.hash, vector);
      });
      await this.cache.save(model, fresh);
      for (const [hash, vector] of fresh) this.vectors.set(hash, normalised(vector));
      embedded += fresh.size;
      options.onProgress?.({ done: reused + embedded, total: wanted.size });
    }
    const result = { total: wanted.size, reused, embedded, missing: wanted.size - reused - embedded };
    this.logger.info({ ...result, model }, 'knowledge sections embedded');
    return result;
  }
}

/** A cache that lasts as long as the process: for `kb` commands when the store is in use by the server. */
export class MemoryEmbeddingCache implements EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  find(model: string, hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    for (const hash of hashes) {
      const vector = this.vectors.get(`${model}:${hash}`);
      if (vector) found.set(hash, vector);
    }
    return Promise.resolve(found);
  }

  save(model: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    for (const [hash, vector] of vectors) this.vectors.set(`${model}:${hash}`, vector);
    return Promise.resolve();
  }
}

function uniqueByHash(sections: readonly ArticleSection[]): ArticleSection[] {
  return [...new Map(sections.map((section) => [section.hash, section])).values()];
}

function normalised(vector: Float32Array): Float32Array {
  const length = Math.sqrt(dot(vector, vector));
  return length === 0 ? vector : vector.map((value) => value / length);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}
