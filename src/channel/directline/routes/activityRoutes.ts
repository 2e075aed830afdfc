import type { Server } from 'restify';
import type { DirectLineChannel } from '../directLineChannel';
import { fail } from '../directLineError';
import { clientAddress, requestOrigin } from '../../../server/http/requestOrigin';
import { parseWith, readJson } from '../http/readJson';
import { conversationParamsSchema, watermarkSchema } from './conversationSchemas';
import { directLineRoute, json, queryOf } from './directLineRoute';
import { postActivitySchema } from './postActivitySchema';

/**
 * `GET conversations/{id}/activities?watermark=` (`{ activities, watermark }`, the activities after the watermark)
 * and `POST conversations/{id}/activities` (the resident's activity: `{ id }` once it is stored).
 */
export function addActivityRoutes(server: Server, channel: DirectLineChannel): void {
  const { logger, limits } = channel;
  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    directLineRoute(logger, 'conversations/{id}/activities', async (req) => {
      const params = conversationParamsSchema.safeParse(req.params);
      if (!params.success) return fail('NotFound', 'There is no such conversation.');
      const watermark = parseWith(watermarkSchema, queryOf(req).get('watermark') ?? undefined);
      if (!watermark.ok) return watermark;
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      const origin = requestOrigin(req, channel.publicUrl, channel.trustProxy);
      const read = await channel.readActivities(caller.value, params.data.conversationId, watermark.value, origin);
      if (!read.ok) return read;
      const body = `{"activities":[${read.value.activities.join(',')}],"watermark":${JSON.stringify(read.value.watermark)}}`;
      return { ok: true, value: { kind: 'rawJson', status: 200, json: body } };
    }),
  );
  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    directLineRoute(logger, 'post conversations/{id}/activities', async (req) => {
      const params = conversationParamsSchema.safeParse(req.params);
      if (!params.success) return fail('NotFound', 'There is no such conversation.');
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      const authorized = channel.authorizeConversation(caller.value, params.data.conversationId);
      if (!authorized.ok) return authorized;
      const admitted = channel.admit('posts', clientAddress(req, channel.trustProxy), params.data.conversationId);
      if (!admitted.ok) return admitted;
      const body = await readJson(req, limits.maxActivityBytes);
      if (!body.ok) return body;
      if (body.value === undefined) return fail('BadArgument', 'Post an activity as JSON.');
      const text: unknown =
        typeof body.value === 'object' && body.value !== null ? Reflect.get(body.value, 'text') : undefined;
      if (typeof text === 'string' && text.length > limits.maxTextLength) {
        return fail('MessageSizeTooBig', `A message may be at most ${limits.maxTextLength} characters.`);
      }
      const activity = parseWith(postActivitySchema, body.value);
      if (!activity.ok) return activity;
      const posted = await channel.postActivity(caller.value, params.data.conversationId, activity.value);
      return posted.ok ? json(200, posted.value) : posted;
    }),
  );
}
