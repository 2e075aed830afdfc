import http from 'node:http';
import { bootstrapConsoleAdmin, DEFAULT_ADMIN_EMAIL } from '../../src/console/auth/bootstrapConsoleAdmin';
import { verifyPassword } from '../../src/console/auth/passwords';
import { MINUTE } from '../storage/support/testClock';
import { BOOTSTRAP, ConsoleClient, type ConsoleHarness, createAccount, startConsole } from '../support/consoleHarness';
import { eventually } from '../support/eventually';

const CSA = {
  email: 'alex@eastmere.example',
  displayName: 'Alex Smith',
  role: 'csa' as const,
  password: 'alex password 123',
};

let harness: ConsoleHarness;
let csaId: string;
let address = 0;

function client(): ConsoleClient {
  address++;
  return new ConsoleClient(harness.url, { 'x-forwarded-for': `192.0.2.${address}` });
}

async function signedIn(email: string, password: string): Promise<ConsoleClient> {
  const browser = client();
  expect((await browser.signIn(email, password)).status).toBe(303);
  await browser.get('/console');
  return browser;
}

/** Reads server-sent events until `until` says stop (or 5 s pass). */
function readStream(
  browser: ConsoleClient,
  path: string,
  until: (events: Array<{ event: string; data: string }>) => boolean,
): { done: Promise<Array<{ event: string; data: string }>>; abort: () => void } {
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const events: Array<{ event: string; data: string }> = [];
  let request: http.ClientRequest | undefined;
  const done = new Promise<Array<{ event: string; data: string }>>((resolve, reject) => {
    const timer = setTimeout(() => {
      request?.destroy();
      resolve(events);
    }, 5000);
    request = http.get(new URL(path, harness.url), { headers: { cookie, 'x-forwarded-for': '192.0.2.200' } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: data ?? '' });
          if (until(events)) {
            clearTimeout(timer);
            request?.destroy();
            resolve(events);
          }
        }
      });
      // Ended by the server, or closed here (`abort`): either way the events so far are all there will be.
      res.on('close', () => {
        clearTimeout(timer);
        resolve(events);
      });
    });
    request.on('error', (error) => (error.message.includes('socket hang up') ? resolve(events) : reject(error)));
  });
  return { done, abort: () => request?.destroy() };
}

beforeAll(async () => {
  harness = await startConsole({ env: { TRUST_PROXY: 'true' } });
  csaId = await createAccount(harness.app, CSA);
});

afterAll(async () => {
  await harness?.close();
});

describe('the bootstrap account', () => {
  test('is the configured supervisor, created once', async () => {
    expect(harness.app.consoleBootstrap).toEqual({ created: true, email: BOOTSTRAP.email });
    const admin = await harness.app.repositories.consoleUsers.findByEmail(BOOTSTRAP.email);
    expect(admin).toMatchObject({ role: 'supervisor', mustChangePassword: false });
    expect(await verifyPassword(admin?.passwordHash ?? '', BOOTSTRAP.password)).toBe(true);
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
    const again = await bootstrapConsoleAdmin(
      harness.app.repositories.consoleUsers,
      harness.app.repositories.auditLog,
      {},
    );
    expect(again).toEqual({ created: false });
  });

  test('without a configured password, one is generated for one use and never stored in clear', async () => {
    const other = await startConsole({ env: { CONSOLE_ADMIN_EMAIL: '', CONSOLE_ADMIN_PASSWORD: '' } });
    try {
      const outcome = other.app.consoleBootstrap;
      if (!outcome.created || !outcome.generatedPassword) throw new Error('expected a generated password');
      expect(outcome.email).toBe(DEFAULT_ADMIN_EMAIL);
      const admin = await other.app.repositories.consoleUsers.findByEmail(DEFAULT_ADMIN_EMAIL);
      expect(admin).toMatchObject({ mustChangePassword: true, role: 'supervisor' });
      expect(JSON.stringify(admin)).not.toContain(outcome.generatedPassword);
      const browser = new ConsoleClient(other.url);
      expect(await browser.signIn(DEFAULT_ADMIN_EMAIL, outcome.generatedPassword)).toMatchObject({
        location: '/console/password',
      });
      expect(await browser.get('/console')).toMatchObject({ status: 303, location: '/console/password' });
    } finally {
      await other.close();
    }
  });
});

describe('supervisors manage accounts', () => {
  test('create with a one-time password, reset it, disable (signing out everywhere) and enable', async () => {
    const supervisor = await signedIn(BOOTSTRAP.email, BOOTSTRAP.password);
    const created = await supervisor.post('/console/users', {
      displayName: 'Jo <Bloggs>',
      email: 'jo@eastmere.example',
      role: 'csa',
      password: '',
    });
    expect(created.status).toBe(201);
    const password = /<code class="console-quote">([^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    expect(password).toMatch(/^[\w-]{23}$/);
    expect(created.body).toContain('Jo &lt;Bloggs&gt;');
    const jo = await harness.app.repositories.consoleUsers.findByEmail('jo@eastmere.example');
    if (!jo) throw new Error('not created');

    const duplicate = await supervisor.post('/console/users', {
      displayName: 'Jo',
      email: 'JO@eastmere.example',
      role: 'csa',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toContain('An account with this email address already exists');

    const joBrowser = client();
    await joBrowser.signIn('jo@eastmere.example', password);
    await joBrowser.get('/console/password');
    expect(
      await joBrowser.post('/console/password', {
        currentPassword: password,
        newPassword: 'lighthouse keeper tea',
        confirmPassword: 'lighthouse keeper tea',
      }),
    ).toMatchObject({ status: 303, location: '/console?done=password' });
    expect((await joBrowser.get('/console')).status).toBe(200);

    expect(await supervisor.post(`/console/users/${jo._id}/role`, { role: 'supervisor' })).toMatchObject({
      status: 303,
    });
    expect((await harness.app.repositories.consoleUsers.findById(jo._id))?.role).toBe('supervisor');
    await supervisor.post(`/console/users/${jo._id}/role`, { role: 'csa' });

    expect((await supervisor.post(`/console/users/${jo._id}/disable`)).status).toBe(303);
    expect(await joBrowser.get('/console')).toMatchObject({ status: 303, location: '/console/sign-in' });
    expect((await client().signIn('jo@eastmere.example', 'lighthouse keeper tea')).status).toBe(401);
    await supervisor.post(`/console/users/${jo._id}/enable`);
    expect((await client().signIn('jo@eastmere.example', 'lighthouse keeper tea')).status).toBe(303);

    const reset = await supervisor.post(`/console/users/${jo._id}/password`, { password: '' });
    const newPassword = /<code class="console-quote">([^<]+)<\/code>/.exec(reset.body)?.[1] ?? '';
    expect(await client().signIn('jo@eastmere.example', newPassword)).toMatchObject({ location: '/console/password' });

    const actions = (await harness.app.repositories.auditLog.list({ subjectId: jo._id })).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'consoleUser.created',
        'consoleUser.passwordChanged',
        'consoleUser.roleChanged',
        'consoleUser.disabled',
        'consoleUser.enabled',
        'consoleUser.passwordReset',
      ]),
    );
  });

  test('nobody can disable themselves or remove the last supervisor', async () => {
    const supervisor = await signedIn(BOOTSTRAP.email, BOOTSTRAP.password);
    const me = await harness.app.repositories.consoleUsers.findByEmail(BOOTSTRAP.email);
    const disabled = await supervisor.post(`/console/users/${me?._id}/disable`);
    expect(disabled.status).toBe(400);
    expect(disabled.body).toContain('You cannot disable your own account');
    const demoted = await supervisor.post(`/console/users/${me?._id}/role`, { role: 'csa' });
    expect(demoted.body).toContain('There must be at least one supervisor');
  });
});

describe('availability', () => {
  test('a CSA is available from sign-in until Away, and again after Available; a closed console stops counting', async () => {
    const before = await harness.app.presence.availableCount();
    const browser = await signedIn(CSA.email, CSA.password);
    expect(await harness.app.presence.availableCount()).toBe(before + 1);
    expect((await browser.post('/console/availability', { availability: 'away' })).location).toBe('/console?done=away');
    expect(await harness.app.presence.availableCount()).toBe(before);
    await browser.post('/console/availability', { availability: 'available' });
    expect(await harness.app.presence.availableCount()).toBe(before + 1);
    harness.clock.advance(3 * MINUTE);
    expect(await harness.app.presence.availableCount()).toBe(0);
    await browser.get('/console');
    expect(await harness.app.presence.availableCount()).toBe(1);
    await browser.post('/console/sign-out');
    expect(await harness.app.presence.availableCount()).toBe(0);
    const actions = (await harness.app.repositories.auditLog.list({ subjectId: csaId })).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['csa.availabilityChanged', 'console.signedIn', 'console.signedOut']),
    );
  });
});

describe('chats without JavaScript', () => {
  test('a failed send shows the chat again with the text kept and the problem linked to the box', async () => {
    const desk = harness.desk;
    if (!desk) throw new Error('no desk');
    const sessionId = desk.enqueue({ topic: 'Bulky waste', residentWords: ['<script>alert(1)</script> sofa'] });
    const browser = await signedIn(CSA.email, CSA.password);
    expect(await browser.post(`/console/chats/${sessionId}/accept`)).toMatchObject({
      status: 303,
      location: `/console/chats/${sessionId}`,
    });
    const page = await browser.get(`/console/chats/${sessionId}`);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; sofa');
    expect(page.body).not.toContain('<script>alert(1)');

    desk.refuseNext('sendMessage', { reason: 'unavailable', message: 'The resident has left.' });
    const failed = await browser.post(`/console/chats/${sessionId}/messages`, { text: 'We can collect it <Tuesday>' });
    expect(failed.status).toBe(503);
    expect(failed.body).toContain('<a href="#message">The resident has left.</a>');
    expect(failed.body).toMatch(/<textarea[^>]*id="message"[^>]*>\s*We can collect it &lt;Tuesday&gt;<\/textarea>/);

    const empty = await browser.post(`/console/chats/${sessionId}/messages`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('<a href="#message">Enter a message</a>');

    expect(
      await browser.post(`/console/chats/${sessionId}/messages`, { text: 'We can collect it Tuesday' }),
    ).toMatchObject({
      status: 303,
      location: `/console/chats/${sessionId}?done=sent#message`,
    });
    const json = await browser.post(
      `/console/chats/${sessionId}/messages`,
      { text: 'See you then' },
      { accept: 'application/json' },
    );
    expect(JSON.parse(json.body)).toMatchObject({
      ok: true,
      line: { from: 'csa', text: 'See you then', name: 'Alex' },
    });

    const other = desk.enqueue({ topic: 'Not mine' });
    const taken = await signedIn(BOOTSTRAP.email, BOOTSTRAP.password);
    await taken.post(`/console/chats/${other}/accept`);
    const refused = await browser.post(`/console/chats/${other}/accept`);
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Another CSA has already accepted this chat.');

    expect(await browser.post(`/console/chats/${sessionId}/transfer`, { team: 'Nowhere' })).toMatchObject({
      status: 400,
    });
    expect(await browser.post(`/console/chats/${sessionId}/transfer`, { team: 'Housing' })).toMatchObject({
      location: '/console?done=transferred',
    });
    expect(desk.calls).toContain(`transfer ${sessionId} ${csaId} Housing`);
  });
});

describe('the live stream', () => {
  test('a chat page gets its own conversation’s lines only; the queue page gets queue changes', async () => {
    const desk = harness.desk;
    if (!desk) throw new Error('no desk');
    const mine = desk.enqueue({ topic: 'Parking permit' });
    const elsewhere = desk.enqueue({ topic: 'Planning' });
    const subscribed = desk.subscriberCount;
    const browser = await signedIn(CSA.email, CSA.password);
    const chat = readStream(browser, `/console/stream?chat=${mine}`, (events) =>
      events.some((e) => e.event === 'line'),
    );
    const queue = readStream(browser, '/console/stream', (events) => events.some((e) => e.event === 'queueChanged'));
    await eventually(() => desk.subscriberCount === subscribed + 2, { what: 'both pages subscribed' });
    desk.residentWrites(elsewhere, 'not for this page');
    desk.residentWrites(mine, 'hello from the resident');
    desk.enqueue({ topic: 'Another one' });
    const chatEvents = await chat.done;
    expect(chatEvents.map((e) => e.event)).toEqual(['ready', 'line']);
    expect(JSON.parse(chatEvents[1]?.data ?? '{}')).toMatchObject({
      from: 'resident',
      text: 'hello from the resident',
    });
    expect((await queue.done).map((e) => e.event)).toEqual(['ready', 'queueChanged']);
    await eventually(() => desk.subscriberCount === subscribed, { what: 'both pages unsubscribed' });
  });

  test('closing the page ends its subscription to the desk', async () => {
    const desk = harness.desk;
    if (!desk) throw new Error('no desk');
    const before = desk.subscriberCount;
    const browser = await signedIn(CSA.email, CSA.password);
    const stream = readStream(browser, '/console/stream', () => false);
    await eventually(() => desk.subscriberCount === before + 1, { what: 'the page subscribed' });
    await browser.post('/console/sign-out');
    stream.abort();
    await stream.done;
    await eventually(() => desk.subscriberCount === before, { what: 'the closed page unsubscribed' });
  });
});

describe('with an external agent hub instead of the console', () => {
  test('the queue says chats go to the hub, and chat actions say so too', async () => {
    const bare = await startConsole({ desk: false });
    try {
      const browser = new ConsoleClient(bare.url);
      await browser.signIn(BOOTSTRAP.email, BOOTSTRAP.password);
      const queue = await browser.get('/console');
      expect(queue.status).toBe(200);
      expect(queue.body).toContain('Chats go to your external agent hub.');
      const chat = await browser.get('/console/chats/anything');
      expect(chat.status).toBe(503);
      expect((await browser.get('/console/callbacks')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
