import { timeOrderedId } from '../timeOrderedId';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { type RepositoryOptions, retentionCutoff, systemClock } from './repositoryOptions';

const editorQuestionSchema = z.object({
  _id: z.string(),
  at: z.date(),
  /** `unanswered`: the bot found nothing; `unhelpful`: the resident said the answer did not help. */
  kind: z.enum(['unanswered', 'unhelpful']),
  /** The question with personal data (emails, phone numbers, addresses, names given) replaced by placeholders. */
  question: z.string(),
  /** The article given (unhelpful) or the closest one found (unanswered), if any. */
  articleId: z.string().optional(),
  conversationId: z.string().optional(),
});
export type EditorQuestion = z.infer<typeof editorQuestionSchema>;
export type NewEditorQuestion = Omit<EditorQuestion, '_id' | 'at'>;

/**
 * Questions the knowledge base could not answer well, for content editors (`kb gaps`). Residents' words, with
 * personal data redacted before they are stored, and still deleted after the retention period.
 */
export class EditorQuestionRepository {
  static readonly collectionName = 'editorQuestions';
  private readonly collection: StoreCollection<EditorQuestion>;
  private readonly clock: () => Date;

  constructor(
    store: DocumentStore,
    private readonly options: RepositoryOptions,
  ) {
    this.collection = store.collection(EditorQuestionRepository.collectionName, editorQuestionSchema, {
      cold: true,
    });
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex(
      { at: 1 },
      { name: 'at_ttl', expireAfterSeconds: this.options.retentionDays * 86_400 },
    );
    await this.collection.createIndex({ conversationId: 1 }, { sparse: true });
  }

  async record(question: NewEditorQuestion): Promise<void> {
    const outcome = await this.collection.insertOne({ ...question, _id: timeOrderedId(), at: this.clock() });
    if (!outcome.ok) throw new Error('editor question id collided');
  }

  /** Questions recorded from `since` (inclusive) to `until` (exclusive), oldest first. */
  listBetween(since: Date, until: Date): Promise<EditorQuestion[]> {
    return this.collection.findMany({ at: { $gte: since, $lt: until } }, { sort: { at: 1 } });
  }

  listByConversations(conversationIds: readonly string[]): Promise<EditorQuestion[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.collection.findMany({ conversationId: { $in: [...conversationIds] } }, { sort: { at: 1 } });
  }

  async deleteByConversations(conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    return (await this.collection.deleteMany({ conversationId: { $in: [...conversationIds] } })).deletedCount;
  }

  async purgeExpired(now: Date): Promise<number> {
    const cutoff = retentionCutoff(now, this.options.retentionDays);
    return (await this.collection.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }
}
