import { isPlainObject } from '../storage/plainObject';
import type { TranscriptEntry } from '../storage/repositories/transcriptRepository';
import { councilBotMetaOf, textField } from './councilBotAction';
import type { TranscriptLine } from './handoffDesk';
import { residentAttachmentForCsa } from './residentAttachmentForCsa';

/**
 * A conversation's recorded activities as the console shows them: messages only (typing indicators, events and
 * conversation updates are left out), each marked as the resident's, the bot's or a CSA's.
 */
export function toTranscriptLines(entries: readonly TranscriptEntry[]): TranscriptLine[] {
  return entries.flatMap((entry, index) => {
    if (entry.type !== 'message') return [];
    const { activity } = entry;
    const meta = councilBotMetaOf(activity);
    const action = textField(meta, 'action');
    const fromCsa = entry.direction === 'outgoing' && action === 'agent';
    const line: TranscriptLine = {
      id: entry.activityId ?? `${entry.conversationId}#${index}`,
      at: entry.timestamp,
      from: entry.direction === 'incoming' ? 'resident' : fromCsa ? 'csa' : 'bot',
      text: fromCsa
        ? (textField(meta, 'csaText') ?? textField(activity, 'text') ?? '')
        : (textField(activity, 'text') ?? ''),
      attachments:
        entry.direction === 'incoming'
          ? attachmentsOf(activity).map(residentAttachmentForCsa)
          : attachmentsOf(activity),
    };
    if (fromCsa) line.name = textField(meta, 'csaName');
    if (entry.direction === 'outgoing' && action) line.action = action;
    return [line];
  });
}

function attachmentsOf(activity: Record<string, unknown>): TranscriptLine['attachments'] {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  return attachments.filter(isPlainObject).map((attachment) => ({
    name: textField(attachment, 'name'),
    contentType: textField(attachment, 'contentType') ?? 'application/octet-stream',
    url: textField(attachment, 'contentUrl'),
  }));
}
