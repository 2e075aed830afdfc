import { z } from 'zod';

/** Where uploads are served: `/v3/directline/attachments/{conversationId}/{attachmentId}`. */
export const ATTACHMENT_PATH = '/v3/directline/attachments';

/** The path an upload is stored under in its activity (clients receive it made absolute, with a token). */
export function attachmentPath(conversationId: string, attachmentId: string): string {
  return `${ATTACHMENT_PATH}/${conversationId}/${attachmentId}`;
}

const withAttachmentsSchema = z.looseObject({
  attachments: z.array(z.looseObject({ contentUrl: z.string().optional() })).optional(),
});

/**
 * An activity's JSON as a client receives it: uploads' paths become absolute URLs on `origin` carrying `?t=`, a
 * short-lived token for this conversation's attachments, because browsers load `<img src>` without an
 * `Authorization` header. Activities without uploads are returned untouched (no parse).
 */
export function presentActivityJson(json: string, origin: string, attachmentToken: () => string): string {
  if (!json.includes(`${ATTACHMENT_PATH}/`)) return json;
  const parsed = withAttachmentsSchema.safeParse(JSON.parse(json));
  if (!parsed.success || !parsed.data.attachments) return json;
  const attachments = parsed.data.attachments.map((attachment) =>
    attachment.contentUrl?.startsWith(`${ATTACHMENT_PATH}/`)
      ? { ...attachment, contentUrl: `${origin}${attachment.contentUrl}?t=${attachmentToken()}` }
      : attachment,
  );
  return JSON.stringify({ ...parsed.data, attachments });
}

/** The conversation and attachment ids of an upload's stored path, or undefined for any other link. */
export function parseAttachmentPath(link: string): { conversationId: string; attachmentId: string } | undefined {
  const match = new RegExp(`^${ATTACHMENT_PATH}/([^/?#]+)/([^/?#]+)$`).exec(link);
  return match?.[1] && match[2] ? { conversationId: match[1], attachmentId: match[2] } : undefined;
}
