/** The name of the console's session cookie: `__Host-` prefixed when served over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-console_session' : 'console_session';
}

/** The cookie that carries the sign-in form's anti-forgery token before there is a session. */
export function signInCookieName(secure: boolean): string {
  return secure ? '__Host-console_signin' : 'console_signin';
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds until the browser drops it; 0 deletes it now. Omitted: until the browser closes. */
  maxAgeSeconds?: number;
}

/**
 * A `Set-Cookie` value for the console: HttpOnly (no script can read it), SameSite=Strict (never sent with a request
 * started by another site), Path=/ and no Domain (required by `__Host-`), and Secure over https.
 */
export function buildCookie(name: string, value: string, options: CookieOptions): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`not a cookie name: ${name}`);
  if (!/^[\w.~-]*$/.test(value)) throw new Error('a cookie value must be URL-safe');
  if (name.startsWith('__Host-') && !options.secure) throw new Error('a __Host- cookie must be Secure');
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (options.secure) parts.push('Secure');
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  return parts.join('; ');
}

/** The value of cookie `name` in a `Cookie` header, if present (the first one wins). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
