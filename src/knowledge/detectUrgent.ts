import { type UrgentDetection, UrgentDetector } from '../safety/urgentDetector';

export { URGENT_CATEGORIES, type UrgentCategory } from '../safety/urgentCategory';
export type { UrgentDetection } from '../safety/urgentDetector';

let lexiconOnly: UrgentDetector | undefined;

/**
 * The risk lexicon alone, without a knowledge base's examples: for callers that have no knowledge base loaded.
 * The bot, `kb ask` and `kb eval` use `knowledge.urgentDetector`, which also learns from `knowledge/safety`.
 */
export function detectUrgent(text: string): UrgentDetection | undefined {
  lexiconOnly ??= new UrgentDetector();
  return lexiconOnly.detect(text);
}
