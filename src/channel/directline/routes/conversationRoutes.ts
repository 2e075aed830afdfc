import type { Server } from 'restify';
import type { DirectLineChannel } from '../directLineChannel';
import { fail } from '../directLineError';
import { clientAddress, requestOrigin } from '../../../server/http/requestOrigin';
import { parseWith, readJson } from '../http/readJson';
import { conversationParamsSchema, startConversationSchema, watermarkSchema } from './conversationSchemas';
import { directLineRoute, json, queryOf } from './directLineRoute';

/**
 * `POST conversations` (start: 201 for a new conversation, 200 when the token's conversation exists) and
 * `GET conversations/{id}?watermark=` (reconnect: a new `streamUrl`), and a plain GET of a `streamUrl`, which
 * needs a WebSocket upgrade.
 */
export function addConversationRoutes(server: Server, channel: DirectLineChannel): void {
  const { logger } = channel;
  server.post(
    '/v3/directline/conversations',
    directLineRoute(logger, 'conversations', async (req) => {
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      // Each start issues a stream token: a new conversation's per address, an existing one's per conversation.
      const address = clientAddress(req, channel.trustProxy);
      const admitted =
        caller.value.kind === 'secret'
          ? channel.admit('tokens', address)
          : channel.admit('conversationTokens', address, caller.value.claims.conv);
      if (!admitted.ok) return admitted;
      const body = await readJson(req, channel.limits.maxActivityBytes);
      if (!body.ok) return body;
      const request = parseWith(startConversationSchema, body.value ?? {});
      if (!request.ok) return request;
      const origin = requestOrigin(req, channel.publicUrl, channel.trustProxy);
      const started = await channel.startConversation(caller.value, request.value, origin);
      if (!started.ok) return started;
      return json(started.value.created ? 201 : 200, started.value.grant);
    }),
  );
  server.get(
    '/v3/directline/conversations/:conversationId',
    directLineRoute(logger, 'conversations/{id}', async (req) => {
      const params = conversationParamsSchema.safeParse(req.params);
      if (!params.success) return fail('NotFound', 'There is no such conversation.');
      const watermark = parseWith(watermarkSchema, queryOf(req).get('watermark') ?? undefined);
      if (!watermark.ok) return watermark;
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      const authorized = channel.authorizeConversation(caller.value, params.data.conversationId);
      if (!authorized.ok) return authorized;
      const address = clientAddress(req, channel.trustProxy);
      const admitted = channel.admit('conversationTokens', address, params.data.conversationId);
      if (!admitted.ok) return admitted;
      const origin = requestOrigin(req, channel.publicUrl, channel.trustProxy);
      const grant = await channel.reconnect(caller.value, params.data.conversationId, watermark.value, origin);
      return grant.ok ? json(200, grant.value) : grant;
    }),
  );
  server.get(
    '/v3/directline/conversations/:conversationId/stream',
    directLineRoute(logger, 'conversations/{id}/stream', async () =>
      fail('BadArgument', 'The stream URL needs a WebSocket connection (Upgrade: websocket).'),
    ),
  );
}
