/**
 * The error codes the channel answers with, in Direct Line's `{ "error": { "code", "message" } }` shape. The codes
 * the Bot Framework defines (`BadArgument`, `BadSyntax`, `MessageSizeTooBig`, `TokenExpired`, `ServiceError`) keep
 * their meaning; the rest name the HTTP status they go with.
 */
const STATUS_BY_CODE = {
  BadArgument: 400,
  BadSyntax: 400,
  Unauthorized: 401,
  Forbidden: 403,
  TokenExpired: 403,
  NotFound: 404,
  MessageSizeTooBig: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  ServiceError: 500,
  ServiceUnavailable: 503,
} as const;

export type DirectLineErrorCode = keyof typeof STATUS_BY_CODE;

/**
 * A request the channel refuses. `message` is written for the caller and is safe to return and to log: it never
 * holds a secret, a token or anything the resident typed.
 */
export class DirectLineError {
  readonly status: number;

  constructor(
    readonly code: DirectLineErrorCode,
    readonly message: string,
    /** For `TooManyRequests`: whole seconds until a retry may succeed (sent as `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    this.status = STATUS_BY_CODE[code];
  }

  /** The response body Direct Line clients expect. */
  toBody(): { error: { code: DirectLineErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** What a channel operation gives back: the value, or the reason it was refused. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DirectLineError };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T>(code: DirectLineErrorCode, message: string, retryAfterSeconds?: number): Outcome<T> {
  return { ok: false, error: new DirectLineError(code, message, retryAfterSeconds) };
}
