import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DocumentStore } from '../../storage/documentStore';

const settingSchema = z.object({ _id: z.string(), value: z.string().min(32), createdAt: z.date() });

const COLLECTION = 'channel_settings';
const SECRET_ID = 'directlineSecret';

export type DirectLineSecretSource = 'configured' | 'stored' | 'generated';

/**
 * The Direct Line secret: `DIRECTLINE_SECRET` when configured (never stored), else the one stored on an earlier
 * start, else a new random one (256 bits, base64url) stored now so it survives restarts. Processes sharing a store
 * agree on it: the first to store one wins and the others read it back. `source` says which, for the start-up
 * message (which must not print the secret itself).
 */
export async function loadOrCreateDirectLineSecret(
  store: DocumentStore,
  configured: string | undefined,
  clock: () => Date = () => new Date(),
): Promise<{ secret: string; source: DirectLineSecretSource }> {
  if (configured) return { secret: configured, source: 'configured' };
  const settings = store.collection(COLLECTION, settingSchema);
  const existing = await settings.findOne({ _id: SECRET_ID });
  if (existing) return { secret: existing.value, source: 'stored' };
  const generated = randomBytes(32).toString('base64url');
  const inserted = await settings.insertOne({ _id: SECRET_ID, value: generated, createdAt: clock() });
  if (inserted.ok) return { secret: generated, source: 'generated' };
  const winner = await settings.findOne({ _id: SECRET_ID });
  if (!winner) throw new Error('the stored Direct Line secret vanished');
  return { secret: winner.value, source: 'stored' };
}
