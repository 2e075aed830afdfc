import type { UploadImageType } from './detectImageType';
import type { PostedActivity } from './routes/postActivitySchema';
import { type TokenClaims } from './tokenSigner';

/** Who is calling: the website's backend with the secret, or a client with a conversation's token. */
export type Caller = { kind: 'secret' } | { kind: 'token'; token: string; claims: TokenClaims };

/** Direct Line's token response (`tokens/generate`, `tokens/refresh`). */
export interface TokenGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** A token for the embedded chat, with the user id it grants and whether it continues the page's conversation. */
export interface WebchatSession extends TokenGrant {
  userId: string;
  resumed: boolean;
}

/** Direct Line's conversation response (`conversations`, `conversations/{id}`). */
export interface ConversationGrant extends TokenGrant {
  streamUrl: string;
}

/** A page of activities: their JSON as the client receives it, and the watermark to read on from. */
export interface ActivitySet {
  activities: string[];
  watermark: string;
}

export interface UploadedFile {
  bytes: Buffer;
  /** Found from the bytes, not declared by the client. */
  contentType: UploadImageType;
  name?: string;
}

/** The message uploaded files go with: the `activity` part, less its `type` and `attachments`. */
export type UploadTemplate = Omit<PostedActivity, 'type' | 'attachments'>;

/**
 * Rate limits applied per request: tokens for new conversations (per address), tokens for an existing one (per
 * conversation), posted activities and uploads (per address and per conversation; an upload counts as a post too).
 */
export type RateLimitKind = 'tokens' | 'conversationTokens' | 'posts' | 'uploads';
