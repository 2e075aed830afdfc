import { csrfTokenFor, isValidCsrfToken } from '../../src/console/auth/csrfToken';
import { generatePassword, passwordProblem } from '../../src/console/auth/passwords';
import { checkRequestSite, originOf, type SiteHeaders } from '../../src/console/auth/requestSite';
import { SignInThrottle } from '../../src/console/auth/signInThrottle';
import { buildCookie, readCookie, sessionCookieName } from '../../src/console/auth/sessionCookie';
import { html } from '../../src/web/html/html';

const MINUTE = 60_000;
const now = new Date('2025-03-04T14:00:00Z');

describe('CSRF tokens', () => {
  const session = 'w9bU1bTqj7q8m1mYkP3Z1cC2u0vT8pS3d5Q9hXkL0aE';

  test('are the same for one session and differ between sessions', () => {
    expect(csrfTokenFor(session)).toBe(csrfTokenFor(session));
    expect(csrfTokenFor(session)).not.toBe(csrfTokenFor(`${session}x`));
    expect(csrfTokenFor(session)).not.toContain(session);
    expect(csrfTokenFor(session)).toMatch(/^[\w-]{43}$/);
  });

  test.each([
    ['the right token', () => csrfTokenFor(session), true],
    ['another session’s token', () => csrfTokenFor('another session token value'), false],
    ['the session token itself', () => session, false],
    ['an empty string', () => '', false],
    ['nothing', () => undefined, false],
    ['a number', () => 42, false],
    ['an array of the right token', () => [csrfTokenFor(session)], false],
    ['the right token with one more character', () => `${csrfTokenFor(session)}a`, false],
  ])('%s is %s', (_name, presented, valid) => {
    expect(isValidCsrfToken(session, presented())).toBe(valid);
  });
});

describe('where a request comes from', () => {
  const host = 'console.eastmere.example';

  test.each<[SiteHeaders, boolean, string]>([
    [{ host }, true, 'no browser headers (the token still has to match)'],
    [{ host, secFetchSite: 'same-origin' }, true, 'same origin'],
    [{ host, secFetchSite: 'none' }, true, 'typed by the user'],
    [{ host, secFetchSite: 'cross-site' }, false, 'another site'],
    [{ host, secFetchSite: 'same-site' }, false, 'a sibling subdomain'],
    [{ host, origin: `https://${host}` }, true, 'our origin'],
    [{ host, origin: 'https://evil.example' }, false, 'another origin'],
    [{ host, origin: 'null' }, false, 'an opaque origin'],
    [{ host, origin: `https://${host}.evil.example` }, false, 'a look-alike host'],
    [{ host: 'internal:3978', origin: 'https://chat.eastmere.example' }, true, 'the public URL behind a proxy'],
  ])('%j is allowed: %s (%s)', (headers, allowed) => {
    expect(checkRequestSite(headers, originOf('https://chat.eastmere.example/')).ok).toBe(allowed);
  });
});

describe('cookies', () => {
  test('the session cookie is HttpOnly, SameSite=Strict, host-only; Secure and __Host- over https', () => {
    expect(buildCookie(sessionCookieName(true), 'abc', { secure: true, maxAgeSeconds: 3600 })).toBe(
      '__Host-console_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600',
    );
    expect(buildCookie(sessionCookieName(false), 'abc', { secure: false })).toBe(
      'console_session=abc; Path=/; HttpOnly; SameSite=Strict',
    );
  });

  test('refuses what would make a broken or unsafe header', () => {
    expect(() => buildCookie('__Host-x', 'abc', { secure: false })).toThrow(/Secure/);
    expect(() => buildCookie('x', 'a;b', { secure: true })).toThrow();
    expect(() => buildCookie('x y', 'ab', { secure: true })).toThrow();
  });

  test('reads one cookie from a header', () => {
    expect(readCookie('a=1; console_session=xyz; b=2', 'console_session')).toBe('xyz');
    expect(readCookie('console_session_old=1', 'console_session')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
  });
});

describe('sign-in throttle', () => {
  test('five wrong tries for one account from one address, then one every 3 minutes; other addresses unaffected', () => {
    let clock = now;
    const throttle = new SignInThrottle(() => clock);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(throttle.allows('Sam@Example.org', '203.0.113.9')).toBe(true);
      throttle.recordFailure('sam@example.org', '203.0.113.9');
    }
    expect(throttle.allows('sam@example.org', '203.0.113.9')).toBe(false);
    expect(throttle.allows('sam@example.org', '198.51.100.7')).toBe(true);
    expect(throttle.allows('alex@example.org', '203.0.113.9')).toBe(true);
    clock = new Date(now.getTime() + 3 * MINUTE);
    expect(throttle.allows('sam@example.org', '203.0.113.9')).toBe(true);
  });

  test('many addresses together are slowed per account; forgetting refills it', () => {
    const throttle = new SignInThrottle(() => now);
    for (let address = 0; address < 100; address++) throttle.recordFailure('sam@example.org', `192.0.2.${address}`);
    expect(throttle.allows('sam@example.org', '198.51.100.7')).toBe(false);
    throttle.forget('sam@example.org');
    expect(throttle.allows('sam@example.org', '198.51.100.7')).toBe(true);
    expect(throttle.allows('sam@example.org', '192.0.2.1')).toBe(true);
  });
});

describe('passwords', () => {
  test('generated ones are long, readable and different each time', () => {
    const password = generatePassword();
    expect(password).toMatch(/^([a-km-zA-HJ-NP-Z2-9]{5}-){3}[a-km-zA-HJ-NP-Z2-9]{5}$/);
    expect(generatePassword()).not.toBe(password);
    expect(passwordProblem(password)).toBeUndefined();
  });

  test('short, repetitive or email-like ones are refused with a reason', () => {
    expect(passwordProblem('short')).toMatch(/12 characters/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/repeat/);
    expect(passwordProblem('sam.jones-2025!', 'sam.jones@eastmere.example')).toMatch(/email/);
  });
});

describe('html', () => {
  test('escapes every value, so a resident’s words can never become markup', () => {
    const words = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    expect(html`<p title="${words}">${words}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  test('keeps its own fragments, renders lists, and nothing for false and undefined', () => {
    const items = ['a', '<b>'].map((item) => html`<li>${item}</li>`);
    const rendered = html`<ul>
        ${items}
      </ul>
      ${false}${undefined}`.value;
    expect(rendered.replace(/\s+/g, '')).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  });
});
