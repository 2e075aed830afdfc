import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { takeAll, type TokenBucketLimiter } from './http/tokenBucketLimiter';
import { isPlainObject } from '../storage/plainObject';
import { isLoopbackUrl } from './isLoopbackUrl';

/**
 * What every Bot Framework channel sends, checked before the adapter sees it: the fields the bot and its state rely
 * on, with the types they must have. The rest of the activity is the adapter's to read.
 */
const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(256).optional() }),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  serviceUrl: z.string().max(2048).optional(),
  deliveryMode: z.string().max(32).optional(),
});

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  runBot: (context: TurnContext) => Promise<void>;
  /** True when `MicrosoftAppId` is set: then the adapter checks the caller's JWT and may reply to any channel. */
  authenticated: boolean;
  /**
   * `ALLOW_EMULATOR_LOOPBACK`: without an app id, replies may also go to a literal loopback service URL (the Bot
   * Framework Emulator in development). False: unauthenticated callers are answered only in the HTTP response.
   */
  allowEmulatorLoopback: boolean;
  /** Longest `text` of a message, in characters (413 beyond), as for the Direct Line channel. */
  maxTextLength: number;
  /**
   * True for a conversation of the server's own web chat channel. Those are reached only with their Direct Line
   * token: handoffs and transcripts are kept by conversation id, so an activity naming one here could speak in a
   * resident's conversation.
   */
  isOwnChannelConversation: (conversationId: string, serviceUrl: string | undefined) => Promise<boolean>;
  /** Messages per conversation (by channel and conversation id) and, when set, per client address. */
  limits: {
    perAddress: TokenBucketLimiter | undefined;
    perConversation: TokenBucketLimiter;
    addressOf: (req: Request) => string;
  };
}

/**
 * `POST /api/messages`, the Bot Framework messaging endpoint. Without an app id nobody is authenticated, so the bot
 * must not be usable to send requests to any address: it replies in the HTTP response when the caller asks for
 * `deliveryMode: "expectReplies"`, and to a loopback service URL only when `allowEmulatorLoopback` is set. Later
 * (proactive) messages to such conversations are refused by the proactive messenger.
 */
export function addMessagesRoute(server: Server, options: MessagesRouteOptions): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      res.send(400, {
        error: 'bad_request',
        message: `The body must be a Bot Framework activity (${describe(envelope.error)}).`,
      });
      return;
    }
    if ((envelope.data.text?.length ?? 0) > options.maxTextLength) {
      res.send(413, {
        error: 'too_large',
        message: `A message may be at most ${options.maxTextLength} characters.`,
      });
      return;
    }
    const { serviceUrl, deliveryMode } = envelope.data;
    if (await options.isOwnChannelConversation(envelope.data.conversation.id, serviceUrl)) {
      res.send(403, {
        error: 'forbidden_conversation',
        message: "That conversation belongs to this server's web chat channel: post to it through Direct Line.",
      });
      return;
    }
    const { limits } = options;
    const checks: Array<[TokenBucketLimiter, string]> = [
      ...(limits.perAddress ? [[limits.perAddress, limits.addressOf(req)] as [TokenBucketLimiter, string]] : []),
      [limits.perConversation, `${envelope.data.channelId}/${envelope.data.conversation.id}`],
    ];
    const admitted = takeAll(checks);
    if (!admitted.ok) {
      res.header('retry-after', String(admitted.retryAfterSeconds));
      res.send(429, {
        error: 'rate_limited',
        message: `Too many messages. Wait ${admitted.retryAfterSeconds} seconds and try again.`,
      });
      return;
    }
    const emulator = options.allowEmulatorLoopback && serviceUrl !== undefined && isLoopbackUrl(serviceUrl);
    if (!options.authenticated && deliveryMode !== 'expectReplies' && !emulator) {
      res.send(403, {
        error: 'forbidden_service_url',
        message: 'Without MicrosoftAppId the bot replies only with deliveryMode "expectReplies".',
      });
      return;
    }
    req.body = withCallerClaimsRemoved(envelope.data, options.authenticated);
    await options.adapter.process(req, res, options.runBot);
  });
}

/**
 * The activity as the bot may trust it: `channelData.councilBot` is the bot's own metadata and never comes in, and an
 * unauthenticated caller is a user whatever role it claims (a claimed `bot` role would make its lines the bot's, or
 * a CSA's, in the console's transcript).
 */
function withCallerClaimsRemoved(
  activity: z.infer<typeof activityEnvelopeSchema>,
  authenticated: boolean,
): Record<string, unknown> {
  const trusted: Record<string, unknown> = {
    ...activity,
    from: authenticated ? activity.from : { ...activity.from, role: 'user' },
  };
  if (isPlainObject(activity.channelData)) {
    const channelData = { ...activity.channelData };
    delete channelData.councilBot;
    trusted.channelData = channelData;
  }
  return trusted;
}

/** Which fields were wrong, by path, never quoting their values. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
