import type { Server } from 'restify';
import { JSON_PROBLEM_MESSAGES, parseJsonSafely } from '../../../server/http/parseJsonSafely';
import type { DirectLineChannel, UploadedFile, UploadTemplate } from '../directLineChannel';
import { detectImageType } from '../detectImageType';
import { fail, type Outcome, succeed } from '../directLineError';
import { isCompressed, mediaTypeOf } from '../../../server/http/readBody';
import { clientAddress } from '../../../server/http/requestOrigin';
import { parseWith } from '../http/readJson';
import { readUpload } from '../http/readUpload';
import { conversationParamsSchema } from './conversationSchemas';
import { directLineRoute, json, queryOf } from './directLineRoute';
import { uploadTemplateSchema } from './postActivitySchema';
import { userIdSchema } from './userSchema';

/**
 * `POST conversations/{id}/upload?userId=`: `multipart/form-data` with one or more images and an optional
 * `activity` part; becomes one message with the images as attachments (`{ id }` once stored). Every file must be
 * a JPEG, PNG, GIF, WebP or HEIC image by its own bytes (415 otherwise), whatever its declared type or name.
 */
export function addUploadRoute(server: Server, channel: DirectLineChannel): void {
  const { logger, limits } = channel;
  server.post(
    '/v3/directline/conversations/:conversationId/upload',
    directLineRoute(logger, 'conversations/{id}/upload', async (req) => {
      const params = conversationParamsSchema.safeParse(req.params);
      if (!params.success) return fail('NotFound', 'There is no such conversation.');
      const userId = parseWith(userIdSchema.optional(), queryOf(req).get('userId') ?? undefined);
      if (!userId.ok) return userId;
      const caller = channel.authenticate(req.headers.authorization);
      if (!caller.ok) return caller;
      const authorized = channel.authorizeConversation(caller.value, params.data.conversationId);
      if (!authorized.ok) return authorized;
      const admitted = channel.admit('uploads', clientAddress(req, channel.trustProxy), params.data.conversationId);
      if (!admitted.ok) return admitted;
      if (mediaTypeOf(req) !== 'multipart/form-data') {
        return fail('UnsupportedMediaType', 'Upload files as multipart/form-data.');
      }
      if (isCompressed(req)) return fail('UnsupportedMediaType', 'Send the upload uncompressed (no Content-Encoding).');
      const upload = await readUpload(req, limits);
      if (!upload.ok) return upload;
      if (upload.value.files.length === 0) return fail('BadArgument', 'The upload holds no file.');

      const files: UploadedFile[] = [];
      for (const received of upload.value.files) {
        const contentType = detectImageType(received.bytes);
        if (!contentType) {
          return fail('UnsupportedMediaType', 'Only images can be uploaded: JPEG, PNG, GIF, WebP or HEIC.');
        }
        files.push({ bytes: received.bytes, contentType, name: displayName(received.name) });
      }
      const template = parseTemplate(upload.value.activityJson, limits.maxTextLength);
      if (!template.ok) return template;
      const posted = await channel.upload(caller.value, params.data.conversationId, {
        files,
        template: template.value,
        userId: userId.value,
      });
      return posted.ok ? json(200, posted.value) : posted;
    }),
  );
}

/** The activity part, validated; its `type` and `attachments` are the channel's to set. */
function parseTemplate(activityJson: string | undefined, maxTextLength: number): Outcome<UploadTemplate> {
  if (activityJson === undefined) return succeed({});
  const json = parseJsonSafely(activityJson);
  if (!json.ok) {
    return json.problem === 'syntax'
      ? fail('BadSyntax', 'The activity part is not valid JSON.')
      : fail('BadArgument', JSON_PROBLEM_MESSAGES[json.problem]);
  }
  const value = json.value;
  const text: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'text') : undefined;
  if (typeof text === 'string' && text.length > maxTextLength) {
    return fail('MessageSizeTooBig', `A message may be at most ${maxTextLength} characters.`);
  }
  const parsed = parseWith(uploadTemplateSchema, value);
  if (!parsed.ok) return parsed;
  const template = { ...parsed.value };
  delete template.attachments;
  return succeed(template);
}

/** The file's name for display: its last path segment, printable characters only, at most 128 of them. */
function displayName(name: string | undefined): string | undefined {
  const cleaned = name
    ?.split(/[\\/]/)
    .at(-1)
    ?.replace(/[^\p{L}\p{N} ._()-]/gu, '')
    .slice(0, 128);
  return cleaned || undefined;
}
