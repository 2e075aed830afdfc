/**
 * Why a message is declined before anything answers it: an attempt to change or reveal the bot's instructions (or to
 * make it promise or decide on the council's behalf), a request for other people's data or internal records, a
 * harmful or illegal request, or a request to write something unrelated to the council (essays, poems, code,
 * opinions on politics).
 */
export const DECLINE_REASONS = ['injection', 'dataExfiltration', 'harmful', 'offTopicGeneration'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export function isDeclineReason(value: string): value is DeclineReason {
  return DECLINE_REASONS.some((reason) => reason === value);
}
