import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'council-console-csrf-v1';

/**
 * The anti-forgery token for pages and requests of one browser session, derived from that session's secret token
 * (HMAC-SHA256): nothing to store, different for every session, and it gives nothing away about the session token.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update(PURPOSE).digest('base64url');
}

/** True only when `presented` is this session's token (compared in constant time). */
export function isValidCsrfToken(sessionSecret: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 200) return false;
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
