import type { EscalationReason } from './handoffDesk';

const TEXT: Record<EscalationReason, string> = {
  residentAsked: 'The resident asked to talk to a person',
  botFailedTwice: 'The bot could not answer twice in a row',
  repeatedInvalidAnswers: 'The resident could not get past a question in a report',
  urgent: 'Urgent: the resident may be in danger or without a home tonight (emergency numbers were given)',
  needsPerson: 'The topic needs a person (the article says so)',
  frustration: 'The resident seemed frustrated with the bot',
  transferred: 'Transferred from another team',
};

/** Why a conversation was handed off, in words for the CSA. */
export function reasonText(reason: EscalationReason): string {
  return TEXT[reason];
}
