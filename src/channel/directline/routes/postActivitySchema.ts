import { z } from 'zod';
import { ATTACHMENT_PATH } from '../../../server/http/attachmentUrls';

/** Attachment URLs a resident's activity may carry: https, or one of this channel's own uploads. */
function isAllowedUrl(value: string): boolean {
  if (value.startsWith(`${ATTACHMENT_PATH}/`)) return true;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const allowedUrl = z.string().max(2048).refine(isAllowedUrl, 'must be an https URL');

const attachmentSchema = z.object({
  contentType: z.string().min(1).max(255),
  contentUrl: allowedUrl.optional(),
  content: z.unknown().optional(),
  name: z.string().max(256).optional(),
  thumbnailUrl: allowedUrl.optional(),
});

/**
 * `POST conversations/{id}/activities` body: the fields of a Bot Framework activity a client may set. Anything else
 * (`id`, `timestamp`, `conversation`, `recipient`, `serviceUrl`) is the channel's to set and is dropped; `from.id`
 * is replaced by the token's user. The size and `text` length limits are checked before this schema (413).
 */
export const postActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(20).optional(),
  localTimezone: z.string().max(64).optional(),
  from: z.object({ id: z.string().max(128).optional(), name: z.string().max(100).optional() }).optional(),
  /** An event's name (`webchat/join`). */
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  /** Kept as sent and echoed back: Web Chat matches its `clientActivityID` to mark a message as sent. */
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(attachmentSchema).max(10).optional(),
  entities: z
    .array(z.looseObject({ type: z.string().max(256) }))
    .max(20)
    .optional(),
  replyToId: z.string().max(256).optional(),
});

export type PostedActivity = z.infer<typeof postActivitySchema>;

/**
 * The `activity` part of an upload: the message the files belong to. Its own `attachments` list only describes the
 * files (with browser-only `blob:` or `data:` URLs) and is replaced by the stored files.
 */
export const uploadTemplateSchema = postActivitySchema.extend({
  type: z.literal('message').default('message'),
  attachments: z.array(z.unknown()).max(20).optional(),
});
