import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';

const attachmentSchema = z.object({
  /** 128 random bits, base64url: unguessable, though every read also needs the conversation's token. */
  _id: z.string(),
  conversationId: z.string(),
  /** The type found from the file's own bytes, never the one the client declared. */
  contentType: z.string(),
  name: z.string().optional(),
  size: z.number().int(),
  /** The file, base64: the store port holds documents, and MongoDB's 16 MB document limit fits a 5 MB file. */
  data: z.string(),
  createdAt: z.date(),
});

export type StoredAttachment = z.infer<typeof attachmentSchema>;

export interface NewAttachment {
  conversationId: string;
  contentType: string;
  name?: string;
  bytes: Buffer;
}

/**
 * Files residents upload (photos of a missed bin, fly-tipping), kept in the `channel_attachments` collection through
 * the store port, so every process sharing the store can serve them and they go with their conversation when it is
 * erased or passes retention. Chosen over files in DATA_DIR because a DATA_DIR is per machine.
 */
export class AttachmentStore {
  static readonly collectionName = 'channel_attachments';
  private readonly attachments: StoreCollection<StoredAttachment>;

  constructor(
    store: DocumentStore,
    private readonly clock: () => Date,
  ) {
    this.attachments = store.collection(AttachmentStore.collectionName, attachmentSchema, { cold: true });
  }

  async ensureIndexes(): Promise<void> {
    await this.attachments.createIndex({ conversationId: 1 });
  }

  /** Stores a file durably and returns its id. */
  async save(attachment: NewAttachment): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    const outcome = await this.attachments.insertOne({
      _id: id,
      conversationId: attachment.conversationId,
      contentType: attachment.contentType,
      name: attachment.name,
      size: attachment.bytes.length,
      data: attachment.bytes.toString('base64'),
      createdAt: this.clock(),
    });
    if (!outcome.ok) throw new Error('attachment id collided');
    return id;
  }

  /** The file, if it belongs to this conversation. */
  async find(conversationId: string, attachmentId: string): Promise<{ contentType: string; bytes: Buffer } | null> {
    const found = await this.attachments.findOne({ _id: attachmentId, conversationId });
    return found ? { contentType: found.contentType, bytes: Buffer.from(found.data, 'base64') } : null;
  }

  /** Every file uploaded in these conversations (for a subject access request). */
  listByConversations(conversationIds: readonly string[]): Promise<StoredAttachment[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.attachments.findMany({ conversationId: { $in: [...conversationIds] } }, { sort: { createdAt: 1 } });
  }

  async deleteByConversations(conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    return (await this.attachments.deleteMany({ conversationId: { $in: [...conversationIds] } })).deletedCount;
  }
}
