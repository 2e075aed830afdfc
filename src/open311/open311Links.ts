import { z } from 'zod';
import type { DocumentStore } from '../storage/documentStore';
import type { StoreCollection } from '../storage/storeCollection';

const linkSchema = z.object({
  /** The request's reference. */
  _id: z.string(),
  serviceRequestId: z.string().optional(),
  /** Given by a back office that makes the id later (`GET tokens/{token}.json`). */
  token: z.string().optional(),
  /** `open` until the back office reports the request `closed`. */
  status: z.enum(['open', 'closed']),
  /** When the request was made, accepted by the back office, and closed there (the round trip). */
  submittedAt: z.date(),
  acceptedAt: z.date(),
  closedAt: z.date().optional(),
  lastPolledAt: z.date().optional(),
});
export type Open311Link = z.infer<typeof linkSchema>;

/**
 * Which back-office request each service request became over Open311 (no personal data: a reference and the back
 * office's ids), so statuses can be read back. Kept while open; closed links go with the request's retention.
 */
export class Open311Links {
  static readonly collectionName = 'open311Links';
  private readonly collection: StoreCollection<Open311Link>;

  constructor(
    store: DocumentStore,
    private readonly clock: () => Date,
  ) {
    this.collection = store.collection(Open311Links.collectionName, linkSchema);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1 });
  }

  /** The back office took the request: its id, or a token for one. A second acceptance of the same request is kept once. */
  async accepted(
    reference: string,
    submittedAt: Date,
    ids: { serviceRequestId?: string; token?: string },
  ): Promise<void> {
    await this.collection.insertOne({ _id: reference, ...ids, status: 'open', submittedAt, acceptedAt: this.clock() });
  }

  find(reference: string): Promise<Open311Link | null> {
    return this.collection.findOne({ _id: reference });
  }

  /** Open links, least recently polled first. */
  listOpen(limit: number): Promise<Open311Link[]> {
    return this.collection.findMany({ status: 'open' }, { sort: { acceptedAt: 1 }, limit });
  }

  async resolveToken(reference: string, serviceRequestId: string): Promise<void> {
    await this.collection.updateOne({ _id: reference }, { $set: { serviceRequestId } });
  }

  async polled(references: readonly string[]): Promise<void> {
    const now = this.clock();
    for (const reference of references)
      await this.collection.updateOne({ _id: reference }, { $set: { lastPolledAt: now } });
  }

  async closed(reference: string): Promise<Open311Link | null> {
    await this.collection.updateOne(
      { _id: reference, status: 'open' },
      { $set: { status: 'closed', closedAt: this.clock() } },
    );
    return this.find(reference);
  }
}
