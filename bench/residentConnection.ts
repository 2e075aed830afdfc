import { WebSocket } from 'ws';
import { z } from 'zod';
import { postJson } from './postJson';
import { BENCH_SECRET } from './serverProcess';

/** A bot message as the resident's page reads it: what it is (`channelData.councilBot`) and its buttons. */
export interface BotReply {
  action: string;
  /** The form question it asks (`prompt`). */
  field?: string;
  /** The address question it asks (`addressPrompt`): `postcode`, `premises` or `choose`. */
  step?: string;
  /** A form question asked again after an answer it refused. */
  retry: boolean;
  buttons: string[];
}

const grantSchema = z.object({ conversationId: z.string(), token: z.string(), streamUrl: z.string().optional() });
const activitySchema = z.looseObject({
  type: z.string(),
  replyToId: z.string().optional(),
  from: z.looseObject({ role: z.string().optional() }).optional(),
  channelData: z
    .looseObject({
      councilBot: z
        .looseObject({
          action: z.string(),
          field: z.string().optional(),
          step: z.string().optional(),
          retry: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
  suggestedActions: z
    .looseObject({ actions: z.array(z.looseObject({ value: z.unknown().optional(), title: z.string().optional() })) })
    .optional(),
});
const frameSchema = z.object({ activities: z.array(activitySchema) });
type StreamActivity = z.infer<typeof activitySchema>;

interface Waiter {
  resolve(reply: { reply: BotReply; at: number }): void;
  reject(error: Error): void;
}

/**
 * One resident's web chat, as Web Chat drives it: a token from the website's backend (`tokens/generate` with the
 * secret), the conversation, its WebSocket stream, the welcome, then messages posted one at a time, each waiting
 * for the bot's first reply to it. A bot `error` reply at any time is recorded in `errorReplies`.
 */
export class ResidentConnection {
  /** Bot messages with the `error` action that were not the reply a turn was waiting for. */
  errorReplies = 0;
  private readonly waiting = new Map<string, Waiter>();
  /** Turns already answered (the last few): a further reply to one is only checked for `error`. */
  private readonly answered = new Set<string>();
  /** Replies that arrived on the stream before the post's own response did. */
  private readonly early = new Map<string, { reply: BotReply; at: number }>();
  private welcome: Waiter | undefined;
  private welcomed: BotReply | undefined;
  private closedBy: Error | undefined;

  private constructor(
    private readonly url: string,
    private readonly grant: z.infer<typeof grantSchema>,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => this.onFrame(String(data)));
    socket.on('close', () => this.fail(new Error('the stream closed')));
    socket.on('error', (error) => this.fail(new Error(`stream error: ${error.message}`)));
  }

  /** Opens a new conversation and waits (up to `timeoutMs`) for the bot's welcome. */
  static async open(url: string, timeoutMs: number): Promise<ResidentConnection> {
    const generated = grantSchema.parse(await postJson(`${url}/v3/directline/tokens/generate`, BENCH_SECRET, {}));
    const grant = grantSchema.parse(await postJson(`${url}/v3/directline/conversations`, generated.token, {}));
    const socket = new WebSocket(grant.streamUrl ?? '');
    // Listening before the socket opens: the welcome can come in the same packet as the upgrade's response.
    const connection = new ResidentConnection(url, grant, socket);
    await Promise.all([
      new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      }),
      connection.waitForWelcome(timeoutMs),
    ]);
    return connection;
  }

  /** Posts a message; resolves with the bot's first reply to it and the milliseconds from post to reply. */
  async say(text: string, timeoutMs: number): Promise<{ reply: BotReply; latencyMs: number }> {
    if (this.closedBy) throw this.closedBy;
    const started = performance.now();
    const route = `${this.url}/v3/directline/conversations/${this.grant.conversationId}/activities`;
    const posted = z
      .object({ id: z.string() })
      .parse(await postJson(route, this.grant.token, { type: 'message', text }));
    const arrived = await new Promise<{ reply: BotReply; at: number }>((resolve, reject) => {
      const early = this.early.get(posted.id);
      if (early) {
        this.early.delete(posted.id);
        resolve(early);
        return;
      }
      const timer = setTimeout(() => {
        this.waiting.delete(posted.id);
        reject(new Error(`no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(posted.id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    this.answered.add(posted.id);
    if (this.answered.size > 20) this.answered.delete(this.answered.values().next().value ?? '');
    return { reply: arrived.reply, latencyMs: arrived.at - started };
  }

  close(): void {
    this.closedBy ??= new Error('closed');
    this.socket.close();
  }

  private waitForWelcome(timeoutMs: number): Promise<void> {
    if (this.welcomed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.welcome = undefined;
        reject(new Error(`no welcome within ${timeoutMs} ms`));
      }, timeoutMs);
      this.welcome = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  private onFrame(data: string): void {
    if (data.trim() === '') return;
    const frame = frameSchema.safeParse(JSON.parse(data));
    if (!frame.success) return;
    const at = performance.now();
    for (const activity of frame.data.activities) {
      if (activity.type !== 'message' || activity.from?.role === 'user') continue;
      const reply = toReply(activity);
      if (reply.action === 'welcome' && !this.welcomed) {
        this.welcomed = reply;
        this.welcome?.resolve({ reply, at });
        continue;
      }
      const waiter = activity.replyToId ? this.waiting.get(activity.replyToId) : undefined;
      if (waiter && activity.replyToId) {
        this.waiting.delete(activity.replyToId);
        waiter.resolve({ reply, at });
        continue;
      }
      const awaited =
        activity.replyToId && !this.answered.has(activity.replyToId) && !this.early.has(activity.replyToId);
      if (awaited && activity.replyToId && this.early.size < 100) this.early.set(activity.replyToId, { reply, at });
      else if (reply.action === 'error') this.errorReplies++;
    }
  }

  private fail(error: Error): void {
    if (this.closedBy) return;
    this.closedBy = error;
    this.welcome?.reject(error);
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

function toReply(activity: StreamActivity): BotReply {
  const meta = activity.channelData?.councilBot;
  return {
    action: meta?.action ?? 'none',
    field: meta?.field,
    step: meta?.step,
    retry: meta?.retry ?? false,
    buttons: (activity.suggestedActions?.actions ?? []).flatMap((action) =>
      typeof action.value === 'string' ? [action.value] : action.title ? [action.title] : [],
    ),
  };
}
