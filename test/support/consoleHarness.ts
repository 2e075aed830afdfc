import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { hashPassword } from '../../src/console/auth/passwords';
import type { ConsoleRole } from '../../src/storage/repositories/consoleUserRepository';
import { TestClock } from '../storage/support/testClock';
import { FakeHandoffDesk } from './fakeHandoffDesk';
import { SHIPPED_KNOWLEDGE, silentLogger } from './testBot';

export const BOOTSTRAP = { email: 'lead@eastmere.example', password: 'bootstrap password 1' };

export interface ConsoleHarness {
  app: App;
  url: string;
  clock: TestClock;
  /** Null when the app was started without a desk. */
  desk: FakeHandoffDesk | null;
  close(): Promise<void>;
}

/**
 * The whole app on a free port with the shipped knowledge base, a fresh embedded store, a clock the test moves, the
 * bootstrap supervisor from `BOOTSTRAP`, and (unless `desk: false`, which configures an external agent hub instead)
 * a fake handoff desk.
 */
export async function startConsole(
  options: { env?: Record<string, string>; desk?: boolean } = {},
): Promise<ConsoleHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-'));
  const loaded = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
    DATA_DIR: dataDir,
    DIRECTLINE_SECRET: 'console-test-secret-that-is-at-least-32-characters',
    CONSOLE_ADMIN_EMAIL: BOOTSTRAP.email,
    CONSOLE_ADMIN_PASSWORD: BOOTSTRAP.password,
    ...(options.desk === false ? { HANDOFF_MODE: 'botframework' } : {}),
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const clock = new TestClock();
  const desk = options.desk === false ? null : new FakeHandoffDesk(clock.now);
  const created = await createApp(loaded.config, silentLogger, { clock: clock.now, desk: desk ?? undefined });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const app = created.app;
  const url = await app.listen();
  return {
    app,
    url,
    clock,
    desk,
    close: async () => {
      await app.close(100);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a console account directly in the store (as if a supervisor had, and its owner had chosen a password). */
export async function createAccount(
  app: App,
  account: { email: string; displayName: string; role: ConsoleRole; password: string; mustChangePassword?: boolean },
): Promise<string> {
  const created = await app.repositories.consoleUsers.create({
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    passwordHash: await hashPassword(account.password),
    mustChangePassword: account.mustChangePassword ?? false,
  });
  if (!created.ok) throw new Error(`could not create ${account.email}`);
  return created.user._id;
}

export interface ConsoleResponse {
  status: number;
  headers: Headers;
  body: string;
  location?: string;
}

/**
 * A browser-like HTTP client for the console: keeps cookies, does not follow redirects (tests look at them), and
 * remembers the last page's CSRF token. `headers` are sent with every request (e.g. `X-Forwarded-For`).
 */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  csrfToken = '';
  setCookies: string[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(pathname: string, headers: Record<string, string> = {}): Promise<ConsoleResponse> {
    return this.request('GET', pathname, undefined, headers);
  }

  /** Posts a form; the CSRF token of the last page is added unless the form has its own `_csrf`. */
  async post(
    pathname: string,
    form: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<ConsoleResponse> {
    return this.request('POST', pathname, new URLSearchParams({ _csrf: this.csrfToken, ...form }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: this.baseUrl,
      ...headers,
    });
  }

  /** Signs in through the form, as a person would; returns the response to the form's post. */
  async signIn(email: string, password: string): Promise<ConsoleResponse> {
    await this.get('/console/sign-in');
    return this.post('/console/sign-in', { email, password });
  }

  async request(
    method: string,
    pathname: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<ConsoleResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(pathname, this.baseUrl), {
      method,
      body,
      redirect: 'manual',
      headers: { ...this.headers, ...(cookie && { cookie }), ...headers },
    });
    this.setCookies = response.headers.getSetCookie();
    for (const set of this.setCookies) {
      const [pair] = set.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (!pair || separator < 0) continue;
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value === '' || /max-age=0/i.test(set)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const token = /name="csrf-token" content="([^"]+)"/.exec(text) ?? /name="_csrf" value="([^"]+)"/.exec(text);
    if (token?.[1]) this.csrfToken = token[1];
    return {
      status: response.status,
      headers: response.headers,
      body: text,
      location: response.headers.get('location') ?? undefined,
    };
  }
}
