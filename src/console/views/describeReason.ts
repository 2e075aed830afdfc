import type { EscalationReason } from '../../handoff/handoffDesk';

const REASONS: Record<EscalationReason, string> = {
  residentAsked: 'Asked for a person',
  botFailedTwice: 'The bot could not answer twice',
  repeatedInvalidAnswers: 'Stuck on a question',
  urgent: 'Urgent',
  needsPerson: 'Needs a person',
  frustration: 'Frustrated',
  transferred: 'Transferred',
};

/** Why a conversation was handed off, in a few words for the queue. */
export function describeReason(reason: EscalationReason): string {
  return REASONS[reason] ?? reason;
}
