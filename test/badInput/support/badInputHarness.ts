import { ConsoleClient, createAccount } from '../../support/consoleHarness';
import {
  type ChannelHarness,
  type HarnessOptions,
  type ResidentClient,
  startChannelHarness,
  TEST_SECRET,
} from '../../support/directLineHarness';

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

/** The shape a refusal comes in: the JSON APIs', Direct Line's, or the console's (a page, or JSON for its script). */
export type ErrorShape = 'api' | 'directLine' | 'consolePage' | 'consoleJson';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

export interface BadInputHarness {
  channel: ChannelHarness;
  url: string;
  /** A resident chatting the whole time: whatever others send, they must still get answers. */
  bystander: ResidentClient;
  /**
   * A request from an address of its own (the app trusts `X-Forwarded-For` here), so one test's rate limits never
   * affect another's, unless `address` is given.
   */
  send(path: string, init?: RequestInit & { address?: string }): Promise<Reply>;
  /** A Direct Line token for a new, started conversation. */
  conversation(): Promise<{ token: string; conversationId: string }>;
  /** A CSA signed in through the console's form, from an address of its own. */
  signedInCsa(): Promise<ConsoleClient>;
  /** The server still serves: `/healthz` is 200, and the bystander's question is answered. */
  expectStillServing(): Promise<void>;
  close(): Promise<void>;
}

let addressCounter = 0;

/** A fresh client address for rate limits (TEST-NET-3 and 2001:db8::/32, never routed). */
export function freshAddress(): string {
  addressCounter++;
  return `2001:db8::${addressCounter.toString(16)}`;
}

/** The whole app, as `npm start` runs it, with the staff API, metrics token and console accounts configured. */
export async function startBadInputHarness(options: HarnessOptions = {}): Promise<BadInputHarness> {
  const channel = await startChannelHarness({
    ...options,
    env: {
      CONTACT_CENTRE_HOURS: 'always',
      TRUST_PROXY: 'true',
      STAFF_API_KEY,
      METRICS_TOKEN,
      CONSOLE_ADMIN_EMAIL: SUPERVISOR.email,
      CONSOLE_ADMIN_PASSWORD: SUPERVISOR.password,
      ...options.env,
    },
  });
  await createAccount(channel.app, CSA);
  const first = await channel.webchatToken();
  const bystander = await channel.connect({ token: first.token, webSocket: true });
  await bystander.botReplies(1, 20_000);

  const send: BadInputHarness['send'] = async (path, init = {}) => {
    const { address, headers, ...rest } = init;
    const response = await fetch(`${channel.url}${path}`, {
      redirect: 'manual',
      ...rest,
      headers: { 'x-forwarded-for': address ?? freshAddress(), ...headersOf(headers) },
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  return {
    channel,
    get url() {
      return channel.url;
    },
    bystander,
    send,
    conversation: async () => {
      const grant = await channel.webchatToken();
      const started = await send('/v3/directline/conversations', {
        method: 'POST',
        headers: { authorization: `Bearer ${grant.token}` },
      });
      if (started.status !== 201) throw new Error(`conversation not started: ${started.status}`);
      return grant;
    },
    signedInCsa: async () => {
      const browser = new ConsoleClient(channel.url, { 'x-forwarded-for': freshAddress() });
      const response = await browser.signIn(CSA.email, CSA.password);
      if (response.status !== 303) throw new Error(`CSA not signed in: ${response.status}`);
      await browser.get('/console');
      return browser;
    },
    expectStillServing: async () => {
      const health = await send('/healthz');
      expect(health.status).toBe(200);
      const answersBefore = answers(bystander);
      await bystander.say('green bin subscription');
      await bystander.waitFor(() => answers(bystander) > answersBefore, 20_000, 'an answer for the bystander');
    },
    close: () => channel.close(),
  };
}

function answers(client: ResidentClient): number {
  return client.botMessages().filter((activity) => actionOf(activity.channelData) === 'answer').length;
}

function actionOf(channelData: unknown): unknown {
  const meta: unknown =
    typeof channelData === 'object' && channelData !== null ? Reflect.get(channelData, 'councilBot') : undefined;
  return typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'action') : undefined;
}

function headersOf(headers: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  return Object.fromEntries(new Headers(headers).entries());
}

/** Asserts a refusal: its status, and that it comes in the error shape of the part of the server asked. */
export function expectRefusal(reply: Reply, status: number, shape: ErrorShape): void {
  expect({ status: reply.status, body: reply.text.slice(0, 300) }).toMatchObject({ status });
  const type = reply.headers.get('content-type') ?? '';
  if (shape === 'consolePage') {
    expect(type).toMatch(/^text\/html/);
    expect(reply.text).toMatch(/<h1 class="govuk-heading-l">/);
    return;
  }
  expect(type).toMatch(/^application\/json/);
  const body: unknown = JSON.parse(reply.text);
  if (shape === 'api') expect(body).toEqual({ error: expect.any(String), message: expect.any(String) });
  else if (shape === 'directLine')
    expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  else expect(body).toMatchObject({ ok: false, message: expect.any(String) });
}
