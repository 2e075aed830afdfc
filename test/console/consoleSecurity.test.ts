import { MINUTE } from '../storage/support/testClock';
import { BOOTSTRAP, ConsoleClient, type ConsoleHarness, createAccount, startConsole } from '../support/consoleHarness';
import { API_ROUTES, FORM_ROUTES, PAGE_ROUTES, SUPERVISOR_FORMS, SUPERVISOR_PAGES } from './consoleRoutes';

const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'sam password 123',
};

let harness: ConsoleHarness;
let csaId: string;
let addressCounter = 0;

/** A client from its own address, so the per-address sign-in limit of one test does not affect another. */
function client(): ConsoleClient {
  addressCounter++;
  return new ConsoleClient(harness.url, { 'x-forwarded-for': `203.0.113.${addressCounter}` });
}

async function signedInCsa(): Promise<ConsoleClient> {
  const browser = client();
  const response = await browser.signIn(CSA.email, CSA.password);
  expect(response).toMatchObject({ status: 303, location: '/console' });
  await browser.get('/console');
  return browser;
}

beforeAll(async () => {
  harness = await startConsole({ env: { TRUST_PROXY: 'true' } });
  csaId = await createAccount(harness.app, CSA);
});

afterAll(async () => {
  await harness?.close();
});

describe('without a session', () => {
  test.each(PAGE_ROUTES)('GET %s redirects to the sign-in page', async (route) => {
    const response = await client().get(route.replace('ID', csaId));
    expect(response.status).toBe(303);
    expect(response.location).toBe('/console/sign-in');
  });

  test.each(API_ROUTES)('GET %s is 401', async (route) => {
    const response = await client().get(route.replace('ID', 'x'), { accept: 'application/json' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).not.toMatch(/event-stream/);
  });

  test.each(FORM_ROUTES)('POST %s redirects to sign-in, or is 401 for the script', async (route) => {
    const browser = client();
    const path = route.replace('ID', csaId);
    expect(await browser.post(path, { text: 'hello' })).toMatchObject({ status: 303, location: '/console/sign-in' });
    expect((await browser.post(path, { text: 'hello' }, { accept: 'application/json' })).status).toBe(401);
  });

  test('a made-up or expired session cookie is no session', async () => {
    const browser = client();
    browser.cookies.set('console_session', 'a'.repeat(43));
    const response = await browser.get('/console');
    expect(response).toMatchObject({ status: 303, location: '/console/sign-in' });
    expect(browser.setCookies.join()).toMatch(/console_session=; .*Max-Age=0/);
  });

  test('the assets are public and cached', async () => {
    const page = await client().get('/console/sign-in');
    const stylesheet = /href="(\/console\/assets\/[^"]+\.css)"/.exec(page.body)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await client().get(stylesheet ?? '');
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(css.body).not.toMatch(/url\(\/assets\//);
  });
});

describe('the session cookie', () => {
  test('is HttpOnly and SameSite=Strict, and not Secure over plain http', async () => {
    const browser = client();
    await browser.signIn(CSA.email, CSA.password);
    const session = browser.setCookies.find((cookie) => cookie.startsWith('console_session='));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Secure/);
    expect(session).not.toMatch(/Domain=/);
  });

  test('is Secure with the __Host- prefix behind an https proxy', async () => {
    const browser = new ConsoleClient(harness.url, { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' });
    await browser.get('/console/sign-in');
    expect(browser.setCookies[0]).toMatch(/^__Host-console_signin=.*; Secure/);
    const response = await browser.post(
      '/console/sign-in',
      { email: CSA.email, password: CSA.password },
      { origin: 'https://' + new URL(harness.url).host },
    );
    expect(response.status).toBe(303);
    const session = browser.setCookies.find((cookie) => cookie.startsWith('__Host-console_session='));
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly; SameSite=Strict/);
    expect((await browser.get('/console')).status).toBe(200);
  });

  test('signing out ends the session on the server, not just in the browser', async () => {
    const browser = await signedInCsa();
    const stolen = browser.cookies.get('console_session') ?? '';
    expect(await browser.post('/console/sign-out')).toMatchObject({
      status: 303,
      location: '/console/sign-in?signedOut=1',
    });
    const thief = client();
    thief.cookies.set('console_session', stolen);
    expect((await thief.get('/console')).status).toBe(303);
  });

  test('ends after the idle time, and is extended by use', async () => {
    const browser = await signedInCsa();
    harness.clock.advance(45 * MINUTE);
    expect((await browser.get('/console')).status).toBe(200);
    harness.clock.advance(45 * MINUTE);
    expect((await browser.get('/console')).status).toBe(200);
    harness.clock.advance(61 * MINUTE);
    expect(await browser.get('/console')).toMatchObject({ status: 303, location: '/console/sign-in' });
  });
});

describe('cross-site requests', () => {
  test('a form posted from another site is refused, even with the right token', async () => {
    const browser = await signedInCsa();
    const response = await browser.post(
      '/console/availability',
      { availability: 'away' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    const fetchMetadata = await browser.post(
      '/console/availability',
      { availability: 'away' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(fetchMetadata.status).toBe(403);
    const sameSite = await browser.post(
      '/console/availability',
      { availability: 'away' },
      { 'sec-fetch-site': 'same-site' },
    );
    expect(sameSite.status).toBe(403);
    expect((await harness.app.repositories.consoleUsers.findById(csaId))?.availability).toBe('available');
  });

  test('a missing or wrong CSRF token is refused', async () => {
    const browser = await signedInCsa();
    expect((await browser.post('/console/availability', { availability: 'away', _csrf: '' })).status).toBe(403);
    expect((await browser.post('/console/availability', { availability: 'away', _csrf: 'x'.repeat(43) })).status).toBe(
      403,
    );
    const other = await signedInCsa();
    expect((await browser.post('/console/availability', { availability: 'away', _csrf: other.csrfToken })).status).toBe(
      403,
    );
    expect(
      (
        await browser.post(
          '/console/availability',
          { availability: 'away', _csrf: '' },
          { 'x-csrf-token': browser.csrfToken, accept: 'application/json' },
        )
      ).status,
    ).toBe(200);
  });

  test('the sign-in form needs its own token and the same origin', async () => {
    const browser = client();
    await browser.get('/console/sign-in');
    expect(
      (
        await browser.post(
          '/console/sign-in',
          { email: CSA.email, password: CSA.password },
          { origin: 'https://evil.example' },
        )
      ).status,
    ).toBe(403);
    const noToken = client();
    expect((await noToken.post('/console/sign-in', { email: CSA.email, password: CSA.password })).status).toBe(403);
    expect(noToken.cookies.has('console_session')).toBe(false);
  });
});

describe('roles', () => {
  test.each(SUPERVISOR_PAGES)('a CSA gets 403 from GET %s', async (route) => {
    const browser = await signedInCsa();
    expect((await browser.get(route.replace('ID', csaId))).status).toBe(403);
  });

  test.each(SUPERVISOR_FORMS)('a CSA gets 403 from POST %s', async (route) => {
    const browser = await signedInCsa();
    const response = await browser.post(route.replace('ID', csaId), {
      role: 'supervisor',
      email: 'x@y.example',
      displayName: 'X',
    });
    expect(response.status).toBe(403);
    const me = await harness.app.repositories.consoleUsers.findById(csaId);
    expect(me).toMatchObject({ role: 'csa', disabled: false });
  });

  test('the navigation offers accounts and reports to supervisors only', async () => {
    const csa = await signedInCsa();
    expect((await csa.get('/console')).body).not.toMatch(/href="\/console\/(users|reports)"/);
    const supervisor = client();
    await supervisor.signIn(BOOTSTRAP.email, BOOTSTRAP.password);
    const page = (await supervisor.get('/console')).body;
    expect(page).toMatch(/href="\/console\/users"/);
    expect(page).toMatch(/href="\/console\/reports"/);
  });
});

describe('locking others out of the console (lockout attack)', () => {
  const LOCKED = {
    email: 'lee.csa@eastmere.example',
    displayName: 'Lee',
    role: 'csa' as const,
    password: 'lee password 123',
  };

  test('wrong passwords from one address slow that address down, never lock the account for its owner', async () => {
    const id = await createAccount(harness.app, LOCKED);
    const attacker = client();
    const message = (body: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1]?.trim();
    const answers: string[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      const response = await attacker.signIn(LOCKED.email, `wrong password ${attempt}`);
      expect(response.status).toBe(401);
      answers.push(message(response.body) ?? '');
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('Enter a correct email address and password');
    expect(answers[0]).not.toMatch(/locked/i);
    // Throttled, the attacker's address is not even checked, and gets the same answer.
    const rightButThrottled = await attacker.signIn(LOCKED.email, LOCKED.password);
    expect(rightButThrottled.status).toBe(401);
    expect(message(rightButThrottled.body)).toBe(answers[0]);

    // The owner, from their own desk, signs in at once.
    expect(await client().signIn(LOCKED.email, LOCKED.password)).toMatchObject({ status: 303, location: '/console' });
    expect(await harness.app.repositories.consoleUsers.findById(id)).toMatchObject({ failedSignIns: 0 });

    const audit = await harness.app.repositories.auditLog.list({ subjectId: id });
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['console.signInFailed', 'console.signedIn']),
    );
    expect(audit.map((entry) => entry.action)).not.toContain('console.lockedOut');
    const everything = JSON.stringify(audit);
    expect(everything).not.toContain(LOCKED.email);
    expect(everything).not.toContain('wrong password');
  });

  test('a real account and an unknown email get the same answers, throttled or not', async () => {
    const real = client();
    const unknown = client();
    const message = (body: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1]?.trim();
    for (let attempt = 1; attempt <= 7; attempt++) {
      const a = await real.signIn(CSA.email, `not it ${attempt}`);
      const b = await unknown.signIn('nobody.here@eastmere.example', `not it ${attempt}`);
      expect(a.status).toBe(b.status);
      expect(message(a.body)).toBe(message(b.body));
    }
    await signedInCsa(); // clears the count
  });

  test('a wrong email gets the same answer as a wrong password', async () => {
    const unknown = await client().signIn('nobody@eastmere.example', 'some password 1');
    const wrong = await client().signIn(CSA.email, 'some password 1');
    const message = (body: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1]?.trim();
    expect(unknown.status).toBe(wrong.status);
    expect(message(unknown.body)).toBe(message(wrong.body));
    await signedInCsa(); // clears the count
  });

  test('an address that tries too often is slowed down', async () => {
    const browser = client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++)
      statuses.push((await browser.signIn('nobody@eastmere.example', 'guess ' + attempt)).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('page headers', () => {
  test('console pages forbid framing and inline script, and are not cached', async () => {
    const browser = await signedInCsa();
    const response = await browser.get('/console');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
