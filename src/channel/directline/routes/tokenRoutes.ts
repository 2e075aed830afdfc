import type { Server } from 'restify';
import type { DirectLineChannel } from '../directLineChannel';
import { clientAddress } from '../../../server/http/requestOrigin';
import { parseWith, readJson } from '../http/readJson';
import { directLineRoute, json } from './directLineRoute';
import { generateTokenSchema } from './tokenSchemas';

/**
 * `POST tokens/generate` (the website's backend, with the secret: a token for a new conversation, optionally for a
 * named user) and `POST tokens/refresh` (a client, with a token that has not expired: a new one).
 */
export function addTokenRoutes(server: Server, channel: DirectLineChannel): void {
  const { logger } = channel;
  server.post(
    '/v3/directline/tokens/generate',
    directLineRoute(logger, 'tokens/generate', async (req) => {
      const admitted = channel.admit('tokens', clientAddress(req, channel.trustProxy));
      if (!admitted.ok) return admitted;
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      const body = await readJson(req, channel.limits.maxActivityBytes);
      if (!body.ok) return body;
      const request = parseWith(generateTokenSchema, body.value ?? {});
      if (!request.ok) return request;
      const grant = channel.generateToken(caller.value, request.value.user);
      return grant.ok ? json(200, grant.value) : grant;
    }),
  );
  server.post(
    '/v3/directline/tokens/refresh',
    directLineRoute(logger, 'tokens/refresh', async (req) => {
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      if (caller.value.kind === 'token') {
        const address = clientAddress(req, channel.trustProxy);
        const admitted = channel.admit('conversationTokens', address, caller.value.claims.conv);
        if (!admitted.ok) return admitted;
      }
      const grant = channel.refreshToken(caller.value);
      return grant.ok ? json(200, grant.value) : grant;
    }),
  );
}
