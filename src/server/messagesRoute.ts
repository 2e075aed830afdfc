import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isLoopbackUrl } from './isLoopbackUrl';

const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.string().optional(),
  deliveryMode: z.string().optional(),
});

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  runBot: (context: TurnContext) => Promise<void>;
  /** True when `MicrosoftAppId` is set: then the adapter checks the caller's JWT and may reply to any channel. */
  authenticated: boolean;
}

/**
 * `POST /api/messages`, the Bot Framework messaging endpoint. Without an app id nobody is authenticated, so the bot
 * must not be usable to send requests to arbitrary addresses: it replies only to loopback service URLs, or in the
 * HTTP response when the caller asks for `deliveryMode: "expectReplies"`.
 */
export function addMessagesRoute(server: Server, options: MessagesRouteOptions): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      res.send(400, { error: 'bad_request', message: 'The body must be a Bot Framework activity with a "type".' });
      return;
    }
    const { serviceUrl, deliveryMode } = envelope.data;
    if (!options.authenticated && deliveryMode !== 'expectReplies' && !(serviceUrl && isLoopbackUrl(serviceUrl))) {
      res.send(403, {
        error: 'forbidden_service_url',
        message:
          'Without MicrosoftAppId the bot replies only to loopback service URLs or with deliveryMode "expectReplies".',
      });
      return;
    }
    await options.adapter.process(req, res, options.runBot);
  });
}
