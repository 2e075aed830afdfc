import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { systemClock } from './repositoryOptions';

const sectionEmbeddingSchema = z.object({
  /** `<model>:<hash>`: one vector per embedding model and section text. */
  _id: z.string(),
  model: z.string(),
  /** SHA-256 of the embedded text (`ArticleSection.hash`). */
  hash: z.string(),
  dimensions: z.number().int().min(1),
  /** The vector as little-endian float32, base64: a quarter of the size of a JSON array of numbers. */
  vector: z.string(),
  createdAt: z.date(),
});
type SectionEmbeddingDocument = z.infer<typeof sectionEmbeddingSchema>;

/**
 * The embeddings of knowledge article sections, cached by embedding model and content hash, so a restart or an
 * edit re-embeds only sections whose text changed. Holds knowledge base text only (as vectors), no personal data,
 * so it is outside retention and residents' export and erasure.
 */
export class EmbeddingRepository {
  static readonly collectionName = 'sectionEmbeddings';
  private readonly collection: StoreCollection<SectionEmbeddingDocument>;
  private readonly clock: () => Date;

  constructor(store: DocumentStore, options: { clock?: () => Date } = {}) {
    this.collection = store.collection(EmbeddingRepository.collectionName, sectionEmbeddingSchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ model: 1, hash: 1 }, { unique: true });
  }

  /** The cached vectors of these hashes for `model` (hashes not cached are absent). */
  async find(model: string, hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    if (hashes.length === 0) return found;
    const documents = await this.collection.findMany({ model, hash: { $in: [...hashes] } });
    for (const document of documents) {
      const vector = decodeVector(document.vector);
      if (vector.length === document.dimensions) found.set(document.hash, vector);
    }
    return found;
  }

  /** Caches vectors; one already cached for the same model and hash is kept (the text, hence the vector, is the same). */
  async save(model: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    const createdAt = this.clock();
    for (const [hash, vector] of vectors) {
      await this.collection.updateOne(
        { _id: `${model}:${hash}` },
        {
          $setOnInsert: { model, hash, dimensions: vector.length, vector: encodeVector(vector), createdAt },
        },
        { upsert: true },
      );
    }
  }

  /** Deletes the cached vectors of `model` whose sections are no longer in the knowledge base. */
  async deleteExcept(model: string, keepHashes: readonly string[]): Promise<number> {
    return (await this.collection.deleteMany({ model, hash: { $nin: [...keepHashes] } })).deletedCount;
  }

  count(model: string): Promise<number> {
    return this.collection.countDocuments({ model });
  }
}

function encodeVector(vector: Float32Array): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => buffer.writeFloatLE(value, index * 4));
  return buffer.toString('base64');
}

function decodeVector(text: string): Float32Array {
  const buffer = Buffer.from(text, 'base64');
  const vector = new Float32Array(Math.floor(buffer.length / 4));
  for (let index = 0; index < vector.length; index++) vector[index] = buffer.readFloatLE(index * 4);
  return vector;
}
