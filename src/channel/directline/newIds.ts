import { randomBytes } from 'node:crypto';

/** A new conversation id: 128 random bits, base64url (safe in paths, never containing the `|` of activity ids). */
export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

/** A user id for a resident the website did not name, with Direct Line's `dl_` prefix for token-embedded ids. */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

/** The id of an activity delivered live while the store could not keep it (it has no place in the watermark). */
export function liveActivityId(conversationId: string): string {
  return `${conversationId}|live-${randomBytes(6).toString('base64url')}`;
}
