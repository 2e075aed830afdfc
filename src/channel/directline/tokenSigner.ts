import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TOKEN_SCOPES = ['conversation', 'stream', 'attachment'] as const;

/**
 * What a token may be used for: `conversation` is the Direct Line token a client holds (REST calls and refresh);
 * `stream` is the short-lived token in a `streamUrl`; `attachment` is the token in an attachment's URL, so an
 * `<img>` can load it without an `Authorization` header.
 */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const claimsSchema = z.object({
  v: z.literal(1),
  scope: z.enum(TOKEN_SCOPES),
  /** The one conversation the token grants. */
  conv: z.string().min(1).max(128),
  /** The resident's channel user id: activities posted with the token are from this user. */
  user: z.string().min(1).max(128),
  name: z.string().max(256).optional(),
  /** Issued at and expiry, in seconds since the epoch (JWT's `iat` and `exp`). */
  iat: z.number().int(),
  exp: z.number().int(),
});

export type TokenClaims = z.infer<typeof claimsSchema>;

export type TokenRejection = 'malformed' | 'forged' | 'expired' | 'wrongScope';
export type VerifyOutcome = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRejection };

export interface SignedToken {
  token: string;
  /** Seconds until it expires (Direct Line's `expires_in`). */
  expiresIn: number;
  claims: TokenClaims;
}

/** A compact JWT: HS256 is the only algorithm, and the header is compared whole, so `alg: none` cannot slip in. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const KEY_CONTEXT = 'council-assistant/directline/token-signing/v1';

/**
 * Signs and checks the channel's tokens and recognises the Direct Line secret.
 *
 * Guarantees: a token verifies only if it was signed with a key derived from this secret (HMAC-SHA256, compared in
 * constant time), has the expected scope and has not expired by the injected clock. Tokens are JWTs, so clients
 * such as `botframework-directlinejs` can read the `user` claim, but nothing in them is secret. Changing the
 * secret invalidates every token.
 */
export class TokenSigner {
  private readonly key: Buffer;
  private readonly secretDigest: Buffer;

  constructor(
    secret: string,
    private readonly clock: () => Date,
  ) {
    this.key = createHmac('sha256', secret).update(KEY_CONTEXT).digest();
    this.secretDigest = sha256(secret);
  }

  /** Whether `candidate` is the Direct Line secret (constant time: both sides are hashed to equal length first). */
  isSecret(candidate: string): boolean {
    return timingSafeEqual(sha256(candidate), this.secretDigest);
  }

  sign(
    grant: { scope: TokenScope; conversationId: string; userId: string; userName?: string },
    ttlSeconds: number,
  ): SignedToken {
    const iat = Math.floor(this.clock().getTime() / 1000);
    const claims: TokenClaims = {
      v: 1,
      scope: grant.scope,
      conv: grant.conversationId,
      user: grant.userId,
      name: grant.userName,
      iat,
      exp: iat + ttlSeconds,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = this.signatureOf(`${HEADER}.${payload}`).toString('base64url');
    return { token: `${HEADER}.${payload}.${signature}`, expiresIn: ttlSeconds, claims };
  }

  verify(token: string, scope: TokenScope): VerifyOutcome {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    const [header, payload, signature] = parts;
    if (parts.length !== 3 || header !== HEADER || !payload || !signature) return { ok: false, reason: 'malformed' };
    if (!BASE64URL.test(payload) || !BASE64URL.test(signature)) return { ok: false, reason: 'malformed' };
    const expected = this.signatureOf(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
    const claims = claimsSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) return { ok: false, reason: 'malformed' };
    if (claims.data.scope !== scope) return { ok: false, reason: 'wrongScope' };
    if (Math.floor(this.clock().getTime() / 1000) >= claims.data.exp) return { ok: false, reason: 'expired' };
    return { ok: true, claims: claims.data };
  }

  /** Seconds a verified token has left. */
  secondsLeft(claims: TokenClaims): number {
    return Math.max(0, claims.exp - Math.floor(this.clock().getTime() / 1000));
  }

  private signatureOf(input: string): Buffer {
    return createHmac('sha256', this.key).update(input).digest();
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
