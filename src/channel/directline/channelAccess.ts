import { presentActivityJson } from '../../server/http/attachmentUrls';
import { fail, type Outcome, succeed } from './directLineError';
import { type DirectLineChannelOptions } from './directLineOptions';
import { newConversationId, newUserId } from './newIds';
import type { ConversationRecord } from '../../storage/repositories/conversationLog';
import { type TokenRejection, type TokenSigner } from './tokenSigner';
import type { Origin } from '../../server/http/requestOrigin';

import type { Caller, ConversationGrant, TokenGrant } from './channelTypes';

/**
 * Tokens and access: reads the secret or a conversation's token from `Authorization`, signs conversation, stream and
 * attachment tokens, and says which conversation a caller may use. A token grants exactly one conversation, as its
 * user; the secret grants every conversation.
 */
export class ChannelAccess {
  constructor(
    readonly signer: TokenSigner,
    private readonly options: DirectLineChannelOptions,
    private readonly isClosing: () => boolean,
  ) {}

  /** Reads `Authorization: Bearer <secret or token>`. */
  authenticate(authorization: string | undefined): Outcome<Caller> {
    if (this.isClosing()) return fail('ServiceUnavailable', 'The server is stopping; try again shortly.');
    const credential = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!credential) return fail('Unauthorized', 'Send "Authorization: Bearer <Direct Line secret or token>".');
    if (this.signer.isSecret(credential)) return succeed({ kind: 'secret' });
    const verified = this.signer.verify(credential, 'conversation');
    if (!verified.ok) return rejected(verified.reason);
    return succeed({ kind: 'token', token: credential, claims: verified.claims });
  }

  /**
   * Whether the caller may use `conversationId` at all: a token only its own, the secret any. Routes check it before
   * reading a body, so another conversation's id is refused as such whatever was sent with it.
   */
  authorizeConversation(caller: Caller, conversationId: string): Outcome<void> {
    if (caller.kind === 'token' && caller.claims.conv !== conversationId) {
      return fail('Forbidden', 'This token is for another conversation.');
    }
    return succeed(undefined);
  }

  /** `tokens/generate`: a token for a new conversation (started by the client's first `conversations` call). */
  generateToken(caller: Caller, user: { id?: string; name?: string } = {}): Outcome<TokenGrant> {
    if (caller.kind !== 'secret') return fail('Forbidden', 'tokens/generate needs the Direct Line secret.');
    return succeed(this.tokenFor(newConversationId(), user.id ?? newUserId(), user.name));
  }

  /** `tokens/refresh`: a new token, for the same conversation and user, from one that has not expired. */
  refreshToken(caller: Caller): Outcome<TokenGrant> {
    if (caller.kind !== 'token') return fail('BadArgument', 'tokens/refresh needs a Direct Line token.');
    return succeed(this.tokenFor(caller.claims.conv, caller.claims.user, caller.claims.name));
  }

  checkAccess(
    credentials: { authorization?: string; t?: string },
    scope: 'stream' | 'attachment',
    conversationId: string,
  ): Outcome<void> {
    if (credentials.t) {
      const verified = this.signer.verify(credentials.t, scope);
      if (!verified.ok) return rejected(verified.reason);
      if (verified.claims.conv !== conversationId) return fail('Forbidden', 'This token is for another conversation.');
      return succeed(undefined);
    }
    const caller = this.authenticate(credentials.authorization);
    if (!caller.ok) return caller;
    if (caller.value.kind === 'token' && caller.value.claims.conv !== conversationId) {
      return fail('Forbidden', 'This token is for another conversation.');
    }
    return succeed(undefined);
  }

  presenter(conversation: ConversationRecord, origin: Origin): (json: string) => string {
    let token: string | undefined;
    const attachmentToken = () => {
      token ??= this.signer.sign(
        { scope: 'attachment', conversationId: conversation._id, userId: conversation.userId },
        this.options.attachmentTokenTtlSeconds ?? 3600,
      ).token;
      return token;
    };
    return (json) => presentActivityJson(json, origin.http, attachmentToken);
  }

  tokenFor(conversationId: string, userId: string, userName: string | undefined): TokenGrant {
    const signed = this.signer.sign(
      { scope: 'conversation', conversationId, userId, userName },
      this.options.tokenTtlSeconds ?? 1800,
    );
    return { conversationId, token: signed.token, expires_in: signed.expiresIn };
  }

  conversationGrant(
    caller: Caller,
    conversation: ConversationRecord,
    origin: Origin,
    watermark: number,
  ): ConversationGrant {
    const grant =
      caller.kind === 'token'
        ? { conversationId: conversation._id, token: caller.token, expires_in: this.signer.secondsLeft(caller.claims) }
        : this.tokenFor(conversation._id, conversation.userId, conversation.userName);
    const streamToken = this.signer.sign(
      { scope: 'stream', conversationId: conversation._id, userId: conversation.userId },
      this.options.streamTokenTtlSeconds ?? 120,
    ).token;
    const query = new URLSearchParams({ watermark: String(watermark), t: streamToken });
    return { ...grant, streamUrl: `${origin.ws}/v3/directline/conversations/${conversation._id}/stream?${query}` };
  }
}

function rejected<T>(reason: TokenRejection): Outcome<T> {
  if (reason === 'expired') {
    return fail('TokenExpired', 'The token has expired: refresh tokens before they expire, or get a new one.');
  }
  return fail('Forbidden', 'The token is not valid.');
}
