import { ATTACHMENT_PATH } from '../server/http/attachmentUrls';
import type { TranscriptLine } from './handoffDesk';

type ShownAttachment = TranscriptLine['attachments'][number];

/**
 * A resident's attachment as CSAs see it. An upload to this server keeps its file name (the link serves the file the
 * resident sent, from here). Any other link is named only by where it goes ("Link to example.org, sent by the
 * resident"), never by the name the resident gave it: "Council refund form" could point anywhere.
 */
export function residentAttachmentForCsa(attachment: ShownAttachment): ShownAttachment {
  if (!attachment.url || attachment.url.startsWith(`${ATTACHMENT_PATH}/`)) return attachment;
  return { ...attachment, name: `Link to ${hostOf(attachment.url)}, sent by the resident` };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'an unknown site';
  } catch {
    return 'an unknown site';
  }
}
