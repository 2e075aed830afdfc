import type { Activity } from 'botbuilder';
import type { HandoffStart, SafeguardingFollowUp } from '../../src/handoff/handoffPort';
import { emergencyContactsFor } from '../../src/knowledge/emergencyContactsSchema';
import type { UrgentCategory } from '../../src/safety/urgentCategory';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { emergencyContactLines } from './emergencyContactLines';
import { CALL_ME_BACK, describeWhen } from './handoffReplies';

/**
 * A flagged conversation nobody can take now (out of hours, or nobody free): never a callback alone. The emergency
 * numbers (again, unless they were just given), what happens next (the follow-up recorded, and when), and the queue
 * place when the resident is waiting.
 */
export function safeguardingFollowUpReply(
  start: Extract<HandoffStart, { kind: 'closed' | 'queued' }>,
  followUp: SafeguardingFollowUp,
  category: UrgentCategory,
  numbersShown: boolean,
  services: ConversationServices,
): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const when = followUp.dueAt ? ` ${describeWhen(followUp.dueAt)}` : ' as soon as we can';
  const lines: string[] = [];
  if (start.kind === 'closed') {
    lines.push(
      numbersShown
        ? "Our customer services team isn't working right now, so please use the numbers above: they can help now."
        : "Our customer services team isn't working right now, so please use these numbers: they can help now.",
    );
  } else {
    lines.push(
      `I've put you ${start.position === 1 ? 'at the front of the queue' : `near the front of the queue (number ${start.position})`} for our team, but everyone is busy right now. ${numbersShown ? 'Please use the numbers above' : 'Please use these numbers'} if anyone is in danger: don't wait for us.`,
    );
  }
  if (!numbersShown) lines.push(emergencyContactLines(emergencyContactsFor(profile.emergencyContacts, category)));
  lines.push(
    `I've also passed our conversation to our team to follow up${when} (reference ${followUp.reference}). If it is safe for us to contact you, you can leave your details by choosing **${CALL_ME_BACK}**.`,
  );
  return botMessage(
    lines.join('\n\n'),
    {
      action: 'handoff',
      handoffState: start.kind,
      reason: 'urgent',
      followUp: { reference: followUp.reference, dueAt: followUp.dueAt?.toISOString(), urgentCategory: category },
    },
    [CALL_ME_BACK],
  );
}
