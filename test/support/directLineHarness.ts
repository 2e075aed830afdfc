import './directLineGlobals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { type Activity as DirectLineActivity, ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import type { Logger } from 'pino';
import { type App, type AppDependencies, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { eventually } from './eventually';
import { SHIPPED_KNOWLEDGE, silentLogger } from './testBot';

export const TEST_SECRET = 'test-directline-secret-at-least-32-characters';

/** The app serving on a free port with a throwaway data folder, as `npm start` would run it. */
export interface ChannelHarness {
  app: App;
  /** `http://127.0.0.1:<port>` */
  url: string;
  dataDir: string;
  /** The Direct Line domain a client is given: `<url>/v3/directline`. */
  domain: string;
  /** Closes the app and opens a new one on the same data folder and port, as a restart would. */
  restart(): Promise<void>;
  /** Closes the app (and every client opened through `connect`) and deletes the data. */
  close(): Promise<void>;
  /** A Direct Line token for a new conversation, from the same-origin endpoint the demo page uses. */
  webchatToken(existing?: string): Promise<{ token: string; conversationId: string; userId: string }>;
  /** A connected official Direct Line client. */
  connect(options: ConnectOptions): Promise<ResidentClient>;
}

/** An activity as a resident's client posts it: the channel sets the sender from the token. */
type WithoutSender<T> = T extends unknown ? Omit<T, 'from'> : never;

export interface ConnectOptions {
  token: string;
  webSocket: boolean;
  conversationId?: string;
  watermark?: string;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  dependencies?: AppDependencies;
  /** The app's logger (default: silent). */
  logger?: Logger;
}

/** Starts the app for channel tests. */
export async function startChannelHarness(options: HarnessOptions = {}): Promise<ChannelHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'channel-'));
  const clients = new Set<ResidentClient>();
  let port = '0';
  const open = async (): Promise<{ app: App; url: string }> => {
    const loaded = loadConfig({
      PORT: port,
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
      DATA_DIR: dataDir,
      DIRECTLINE_SECRET: TEST_SECRET,
      ...options.env,
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const created = await createApp(loaded.config, options.logger ?? silentLogger, options.dependencies);
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    const url = await created.app.listen();
    port = new URL(url).port;
    return { app: created.app, url };
  };
  let current = await open();
  const closeClients = () => {
    for (const client of clients) client.end();
    clients.clear();
  };
  const harness: ChannelHarness = {
    get app() {
      return current.app;
    },
    get url() {
      return current.url;
    },
    get domain() {
      return `${current.url}/v3/directline`;
    },
    dataDir,
    restart: async () => {
      closeClients();
      await current.app.close(1000);
      current = await open();
    },
    close: async () => {
      closeClients();
      await current.app.close(1000);
      rmSync(dataDir, { recursive: true, force: true });
    },
    webchatToken: async (existing) => {
      const response = await fetch(`${current.url}/api/webchat/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(existing ? { token: existing } : {}),
      });
      if (!response.ok) throw new Error(`webchat token: ${response.status}`);
      return (await response.json()) as { token: string; conversationId: string; userId: string };
    },
    connect: async (connectOptions) => {
      const client = new ResidentClient(harness.domain, connectOptions);
      clients.add(client);
      await client.connected();
      return client;
    },
  };
  return harness;
}

/**
 * A resident's side of a conversation through the official `botframework-directlinejs` client: every activity the
 * client receives is kept, in order, and tests wait for the ones they expect.
 */
export class ResidentClient {
  readonly directLine: DirectLine;
  readonly received: Activity[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly subscription: { unsubscribe(): void };

  constructor(domain: string, options: ConnectOptions) {
    this.directLine = new DirectLine({
      domain,
      token: options.token,
      conversationId: options.conversationId,
      watermark: options.watermark,
      webSocket: options.webSocket,
      pollingInterval: 200,
      timeout: 10_000,
    });
    this.subscription = this.directLine.activity$.subscribe({
      next: (activity) => {
        this.received.push(activity as unknown as Activity);
        for (const waiter of this.waiters) waiter();
      },
    });
  }

  /** Resolves once the client is online. */
  connected(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Direct Line client did not connect')), timeoutMs);
      const status = this.directLine.connectionStatus$.subscribe((value) => {
        if (value === ConnectionStatus.Online) {
          clearTimeout(timer);
          resolve();
          setImmediate(() => status.unsubscribe());
        } else if (value === ConnectionStatus.FailedToConnect || value === ConnectionStatus.ExpiredToken) {
          clearTimeout(timer);
          reject(new Error(`Direct Line client could not connect (status ${value})`));
        }
      });
    });
  }

  /** The client's own record of its conversation (a private field of the client, read for assertions). */
  get conversationId(): string | undefined {
    const value: unknown = Reflect.get(this.directLine, 'conversationId');
    return typeof value === 'string' ? value : undefined;
  }

  /** The last watermark the client received (a private field of the client, read for assertions). */
  get watermark(): string {
    const value: unknown = Reflect.get(this.directLine, 'watermark');
    return typeof value === 'string' ? value : '';
  }

  /**
   * Waits until the client's watermark covers `activity`: the channel shows a reply once committed and sends its
   * watermark, in a frame with no activity, once it is on disk. A client resuming from a watermark taken earlier is
   * sent the reply again.
   */
  async watermarkCovering(activity: Activity | undefined, timeoutMs = 10_000): Promise<string> {
    const seq = Number(activity?.id?.split('|')[1]);
    if (!Number.isInteger(seq)) throw new Error(`not a stored activity: ${activity?.id ?? 'none'}`);
    await eventually(() => Number(this.watermark) >= seq, { timeoutMs, what: `a watermark covering ${activity?.id}` });
    return this.watermark;
  }

  /** Posts an activity as the resident; resolves with the id the channel gave it. */
  post(activity: WithoutSender<DirectLineActivity>): Promise<string> {
    const full = { from: { id: 'ignored-by-channel' }, ...activity } as DirectLineActivity;
    return new Promise((resolve, reject) => {
      this.directLine.postActivity(full).subscribe({ next: resolve, error: reject });
    });
  }

  say(text: string): Promise<string> {
    return this.post({ type: 'message', text, channelData: { clientActivityID: `client-${Date.now()}-${text}` } });
  }

  /** The bot's messages received so far. */
  botMessages(): Activity[] {
    return this.received.filter((activity) => activity.type === 'message' && activity.from.role === 'bot');
  }

  /** Waits until `count` bot messages have arrived (in all), and returns them. */
  async botReplies(count: number, timeoutMs = 10_000): Promise<Activity[]> {
    await this.waitFor(() => this.botMessages().length >= count, timeoutMs, `${count} bot messages`);
    return this.botMessages();
  }

  /** Waits until `predicate` holds for the activities received. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'an activity'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.summary())}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** What was received, briefly, for failure messages. */
  summary(): string[] {
    return this.received.map(
      (activity) => `${activity.from.role ?? activity.from.id}: ${activity.text ?? activity.type}`,
    );
  }

  end(): void {
    this.subscription.unsubscribe();
    this.directLine.end();
  }
}
