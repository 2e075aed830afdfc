import { ConsoleClient, createAccount } from '../../support/consoleHarness';
import { hashPassword } from '../../../src/console/auth/passwords';
import {
  type ChannelHarness,
  type HarnessOptions,
  type ResidentClient,
  startChannelHarness,
  TEST_SECRET,
} from '../../support/directLineHarness';
import { ASSET_BASE } from '../../../src/console/routes/assetRoutes';
import { loadWebchatBundle } from '../../../src/web/webchatBundle';
import type { Access, Area, PublicRoute } from './publicRoutes';

export { TEST_SECRET };

export const STAFF_API_KEY = 'staff-api-key-for-the-bad-input-tests-0123456789';
export const METRICS_TOKEN = 'metrics-token-for-the-bad-input-tests';
export const SUPERVISOR = { email: 'lead@eastmere.example', password: 'bootstrap password 1' };
export const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'sam password 123',
};
export const COUNCILLOR = {
  email: 'priya.lawson@eastmere.example',
  displayName: 'Councillor Priya Lawson',
  password: 'priya password 123',
};
export const OTHER_CSA = {
  email: 'alex.csa@eastmere.example',
  displayName: 'Alex Patel',
  role: 'csa' as const,
  password: 'alex password 123',
};

/** A tiny valid PNG, the smallest upload the channel accepts. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The shape a refusal comes in: the JSON APIs', Direct Line's, or the console's (a page, or JSON for its script). */
export type ErrorShape = 'api' | 'directLine' | 'consolePage' | 'consoleJson';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** How long the server took to answer, in milliseconds. */
  ms: number;
}

/** A conversation of the one sending bad input: its token and id, and a photo uploaded to it. */
export interface Conversation {
  token: string;
  conversationId: string;
  attachmentId: string;
}

/** What the routes' parameters refer to, so a request can reach each route's checks. */
export interface Fixtures {
  attacker: Conversation;
  /** A service request (with the attacker's photo), for the staff API and the console's request pages. */
  reference: string;
  /** A chat the CSA accepted, for the console's chat routes. */
  sessionId: string;
  /** The CSA's account, for the supervisor's account pages. */
  csaUserId: string;
  /** The Web Chat bundle's file name, and a console asset's path. */
  webchatFile: string;
  consoleAsset: string;
}

export interface BadInputHarness {
  channel: ChannelHarness;
  url: string;
  /** A resident chatting the whole time: whatever others send, they must still get answers. */
  bystander: ResidentClient;
  bystanderConversationId: string;
  fixtures: Fixtures;
  csa: ConsoleClient;
  supervisor: ConsoleClient;
  /**
   * A request from an address of its own (the app trusts `X-Forwarded-For` here), so one test's rate limits never
   * affect another's, unless `address` is given.
   */
  send(path: string, init?: RequestInit & { address?: string; headersOnly?: boolean }): Promise<Reply>;
  /** A Direct Line token for a new, started conversation, with a photo uploaded to it. */
  conversation(): Promise<Conversation>;
  /** A user signed in through the console's form, from an address of its own. */
  signIn(account: { email: string; password: string }): Promise<ConsoleClient>;
  /**
   * Headers that get a request to `route` past its credential checks (the route's own validation still applies).
   * The sign-in form's are a fresh visit's (`signInVisit`); its token goes in the body.
   */
  credentials(
    route: PublicRoute,
    conversation?: Conversation,
  ): Promise<{ headers: Record<string, string>; formToken?: string }>;
  /**
   * Values for every route parameter that reach the route's work (`*` for the console's assets); Direct Line's are
   * `conversation`'s (default: the fixtures' attacker's).
   */
  validParams(conversation?: Conversation): Record<string, string>;
  /** Runs `work` with the server's clock moved on by `ms`, then puts it back. */
  travel<T>(ms: number, work: () => Promise<T>): Promise<T>;
  /**
   * The server still serves: `/healthz` is 200, the bystander's question is answered, and nothing anyone else sent
   * reached the bystander's conversation.
   */
  expectStillServing(): Promise<void>;
  close(): Promise<void>;
}

let addressCounter = 0;

/** A fresh client address for rate limits, each in a /64 of its own (2001:db8::/32, the documentation range). */
export function freshAddress(): string {
  addressCounter++;
  return `2001:db8:${addressCounter.toString(16)}::1`;
}

/**
 * The whole app, as `npm start` runs it, with the staff API, metrics token and console accounts configured, a
 * resident chatting throughout, a CSA and a supervisor signed in, and a chat, a service request and an upload for
 * the routes that take their ids.
 */
export async function startBadInputHarness(options: HarnessOptions = {}): Promise<BadInputHarness> {
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const channel = await startChannelHarness({
    ...options,
    dependencies: { clock, ...options.dependencies },
    env: {
      CONTACT_CENTRE_HOURS: 'always',
      HANDOFF_MAX_WAIT_MINUTES: '240',
      TRUST_PROXY: 'true',
      STAFF_API_KEY,
      METRICS_TOKEN,
      CONSOLE_ADMIN_EMAIL: SUPERVISOR.email,
      CONSOLE_ADMIN_PASSWORD: SUPERVISOR.password,
      ...options.env,
    },
  });
  const csaUserId = await createAccount(channel.app, CSA);
  await createAccount(channel.app, OTHER_CSA);
  await channel.app.repositories.consoleUsers.create({
    email: COUNCILLOR.email,
    displayName: COUNCILLOR.displayName,
    role: 'councillor',
    wardId: 'market',
    passwordHash: await hashPassword(COUNCILLOR.password),
  });

  const send: BadInputHarness['send'] = async (path, init = {}) => {
    const { address, headers, headersOnly, ...rest } = init;
    const started = performance.now();
    const response = await fetch(`${channel.url}${path}`, {
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
      ...rest,
      headers: { 'x-forwarded-for': address ?? freshAddress(), ...headersOf(headers) },
    });
    // An event stream never ends: its headers say what it is.
    const streaming = headersOnly || /event-stream/.test(response.headers.get('content-type') ?? '');
    if (streaming) await response.body?.cancel();
    const text = streaming ? '' : await response.text();
    return { status: response.status, headers: response.headers, text, ms: Math.round(performance.now() - started) };
  };

  const conversation = async (): Promise<Conversation> => {
    const issued = await send('/api/webchat/token', { method: 'POST' });
    if (issued.status !== 200) throw new Error(`no web chat token: ${issued.status}`);
    const grant = JSON.parse(issued.text) as { token: string; conversationId: string };
    const authorization = `Bearer ${grant.token}`;
    const started = await send('/v3/directline/conversations', { method: 'POST', headers: { authorization } });
    if (started.status !== 201) throw new Error(`conversation not started: ${started.status}`);
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
    const uploaded = await send(`/v3/directline/conversations/${grant.conversationId}/upload`, {
      method: 'POST',
      headers: { authorization },
      body: form,
    });
    if (uploaded.status !== 200) throw new Error(`photo not uploaded: ${uploaded.status} ${uploaded.text}`);
    const stored = await channel.app.repositories.conversations.listActivities(grant.conversationId);
    const url = JSON.stringify(stored).match(/attachments\/[\w-]+\/([\w-]+)/)?.[1];
    if (!url) throw new Error('the uploaded photo has no URL');
    return { token: grant.token, conversationId: grant.conversationId, attachmentId: url };
  };

  const signIn = async (account: { email: string; password: string }) => {
    const browser = new ConsoleClient(channel.url, { 'x-forwarded-for': freshAddress() });
    const response = await browser.signIn(account.email, account.password);
    if (response.status !== 303) throw new Error(`${account.email} not signed in: ${response.status}`);
    await browser.get('/console');
    return browser;
  };

  let lastSaid = 0;
  const first = await channel.webchatToken();
  const bystander = await channel.connect({ token: first.token, webSocket: true });
  await bystander.botReplies(1, 20_000);

  const csa = await signIn(CSA);
  const supervisor = await signIn(SUPERVISOR);
  const councillor = await signIn(COUNCILLOR);
  const caseForm = await councillor.get('/console/casework/new');
  const raisedCase = await councillor.post('/console/casework', {
    formId: /name="formId" value="([^"]+)"/.exec(caseForm.body)?.[1] ?? '',
    constituentName: 'Ada Constituent',
    address: '4 Market Square, Eastmere',
    serviceArea: 'type:fly-tipping',
    problem: 'Mattresses dumped behind the shops.',
    consent: 'yes',
  });
  const caseReference = decodeURIComponent(/\/cases\/([^?]+)/.exec(raisedCase.location ?? '')?.[1] ?? '');
  if (!caseReference) throw new Error(`no councillor's case: ${raisedCase.status}`);
  await councillor.get('/console/casework');
  const attacker = await conversation();
  const sessionId = await acceptedChat(channel, csa);
  const submitted = await channel.app.requests.submit({
    idempotencyKey: 'bad-input-fixture',
    requestType: 'fly-tipping',
    conversationId: attacker.conversationId,
    answers: {
      location: { value: 'Behind the library, Mill Lane', display: 'Behind the library, Mill Lane' },
      waste: { value: 'Furniture or mattresses', display: 'Furniture or mattresses' },
      amount: { value: 'A car boot load', display: 'A car boot load' },
      photo: {
        value: `/v3/directline/attachments/${attacker.conversationId}/${attacker.attachmentId}`,
        display: 'photo.png',
      },
      email: null,
    },
  });
  const bundle = await loadWebchatBundle();
  const fixtures: Fixtures = {
    attacker,
    reference: submitted.request.reference,
    sessionId,
    csaUserId,
    webchatFile: `webchat-${bundle.version}.js`,
    consoleAsset: `${ASSET_BASE.replace('/console/assets/', '')}/console.css`,
  };

  const consoleSession = (client: ConsoleClient, route: PublicRoute): Record<string, string> => ({
    cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    ...(route.method === 'POST' ? { origin: channel.url, 'x-csrf-token': client.csrfToken } : {}),
    ...(route.access === 'csaScript' ? { accept: 'application/json' } : {}),
  });

  const harness: BadInputHarness = {
    channel,
    get url() {
      return channel.url;
    },
    bystander,
    bystanderConversationId: first.conversationId,
    fixtures,
    csa,
    supervisor,
    send,
    conversation,
    signIn,
    credentials: async (route, conversation = attacker) => {
      if (route.access !== 'signInForm') {
        return {
          headers: credentialsFor(route.access, conversation, (r, who) => consoleSession(who, r), {
            csa,
            supervisor,
            councillor,
          })(route),
        };
      }
      const visitor = new ConsoleClient(channel.url);
      await visitor.get('/console/sign-in');
      const cookie = [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      return { headers: { cookie, origin: channel.url }, formToken: visitor.csrfToken };
    },
    validParams: (conversation = attacker) => ({
      conversationId: conversation.conversationId,
      attachmentId: conversation.attachmentId,
      reference: fixtures.reference,
      caseReference,
      photo: attacker.attachmentId,
      sessionId,
      userId: csaUserId,
      file: fixtures.webchatFile,
      uprn: '100091000001',
      '*': fixtures.consoleAsset,
    }),
    travel: async (ms, work) => {
      offsetMs += ms;
      try {
        return await work();
      } finally {
        offsetMs -= ms;
      }
    },
    expectStillServing: async () => {
      const health = await send('/healthz');
      expect(health.status).toBe(200);
      // The bystander types like a person: never faster than the channel's per-conversation limit refills.
      const pause = lastSaid + 1100 - Date.now();
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      lastSaid = Date.now();
      const answersBefore = answers(bystander);
      await bystander.say('green bin subscription');
      await bystander.waitFor(() => answers(bystander) > answersBefore, 20_000, 'an answer for the bystander');
      const stored = await channel.app.repositories.conversations.listActivities(first.conversationId);
      const senders = new Set(stored.map((activity) => idOf(Reflect.get(activity, 'from'))));
      expect([...senders].sort()).toEqual([first.userId, 'council-assistant'].sort());
    },
    close: () => channel.close(),
  };
  return harness;
}

function credentialsFor(
  access: Exclude<Access, 'signInForm'>,
  attacker: Conversation,
  session: (route: PublicRoute, who: ConsoleClient) => Record<string, string>,
  people: { csa: ConsoleClient; supervisor: ConsoleClient; councillor: ConsoleClient },
): (route: PublicRoute) => Record<string, string> {
  switch (access) {
    case 'public':
    case 'directLineStream':
      return () => ({});
    case 'directLineSecret':
      return () => ({ authorization: `Bearer ${TEST_SECRET}` });
    case 'directLineToken':
    case 'attachment':
      return () => ({ authorization: `Bearer ${attacker.token}` });
    case 'staffKey':
      return () => ({ authorization: `Bearer ${STAFF_API_KEY}` });
    case 'metricsToken':
      return () => ({ authorization: `Bearer ${METRICS_TOKEN}` });
    case 'csa':
    case 'csaScript':
      return (route) => session(route, people.csa);
    case 'supervisor':
      return (route) => session(route, people.supervisor);
    case 'councillor':
      return (route) => session(route, people.councillor);
  }
}

/** A resident asks for a person and the CSA accepts: the chat's session id. */
async function acceptedChat(channel: ChannelHarness, csa: ConsoleClient): Promise<string> {
  const grant = await channel.webchatToken();
  const resident = await channel.connect({ token: grant.token, webSocket: true });
  await resident.botReplies(1, 20_000);
  await resident.say('talk to a person');
  const deadline = Date.now() + 20_000;
  let session = await channel.app.repositories.handoffs.findLatest(grant.conversationId);
  while (!session && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    session = await channel.app.repositories.handoffs.findLatest(grant.conversationId);
  }
  if (!session) throw new Error('the resident was not queued for a person');
  const accepted = await csa.post(`/console/chats/${session._id}/accept`);
  if (accepted.status !== 303) throw new Error(`chat not accepted: ${accepted.status}`);
  resident.end();
  return session._id;
}

function answers(client: ResidentClient): number {
  return client.botMessages().filter((activity) => actionOf(activity.channelData) === 'answer').length;
}

function actionOf(channelData: unknown): unknown {
  const meta: unknown =
    typeof channelData === 'object' && channelData !== null ? Reflect.get(channelData, 'councilBot') : undefined;
  return typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'action') : undefined;
}

function idOf(account: unknown): unknown {
  return typeof account === 'object' && account !== null ? Reflect.get(account, 'id') : undefined;
}

function headersOf(headers: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  return Object.fromEntries(new Headers(headers).entries());
}

/** The error shape refusals of `route` come in, for a browser (`consolePage`) or the console's script. */
export function shapeOf(area: Area, access: Access, json = false): ErrorShape {
  if (area === 'console') return json || access === 'csaScript' ? 'consoleJson' : 'consolePage';
  if (area === 'directLine') return 'directLine';
  return 'api';
}

/**
 * Asserts a refusal: its status, and that it comes in the error shape of the part of the server asked. A console
 * form refused for what was typed in it comes back as the page again, with the problem in its error summary.
 */
export function expectRefusal(reply: Reply, status: number, shape: ErrorShape): void {
  expect({ status: reply.status, body: reply.text.slice(0, 300) }).toMatchObject({ status });
  const type = reply.headers.get('content-type') ?? '';
  if (shape === 'consolePage') {
    expect(type).toMatch(/^text\/html/);
    expect(reply.text).toMatch(/<h1 class="govuk-heading-x?l">|govuk-error-summary/);
    return;
  }
  expect(type).toMatch(/^application\/json/);
  const body: unknown = JSON.parse(reply.text);
  if (shape === 'api') expect(body).toEqual({ error: expect.any(String), message: expect.any(String) });
  else if (shape === 'directLine')
    expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  else expect(body).toMatchObject({ ok: false, message: expect.any(String) });
}
