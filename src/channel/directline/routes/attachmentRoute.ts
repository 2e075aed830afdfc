import type { Server } from 'restify';
import { z } from 'zod';
import { ATTACHMENT_PATH } from '../../../server/http/attachmentUrls';
import type { DirectLineChannel } from '../directLineChannel';
import { fail } from '../directLineError';
import { directLineRoute, queryOf } from './directLineRoute';

const attachmentParamsSchema = z.object({
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  attachmentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

/**
 * `GET /v3/directline/attachments/{conversationId}/{attachmentId}`: an uploaded file, for the holder of the
 * conversation's token (`Authorization`) or of the attachment token in the URL clients receive (`?t=`).
 */
export function addAttachmentRoute(server: Server, channel: DirectLineChannel): void {
  server.get(
    `${ATTACHMENT_PATH}/:conversationId/:attachmentId`,
    directLineRoute(channel.logger, 'attachments/{id}', async (req) => {
      const params = attachmentParamsSchema.safeParse(req.params);
      if (!params.success) return fail('NotFound', 'There is no such attachment.');
      const file = await channel.readAttachment(
        { authorization: req.headers.authorization, t: queryOf(req).get('t') ?? undefined },
        params.data.conversationId,
        params.data.attachmentId,
      );
      if (!file.ok) return file;
      return { ok: true, value: { kind: 'file', contentType: file.value.contentType, bytes: file.value.bytes } };
    }),
  );
}
