import { z } from 'zod';
import { URGENT_CATEGORIES } from './urgentCategory';

/** What an example message is: one of the emergency categories, or a routine message that only sounds alarming. */
export const SAFETY_LABELS = [...URGENT_CATEGORIES, 'routine'] as const;
export type SafetyLabel = (typeof SAFETY_LABELS)[number];

/**
 * Example messages an editor keeps in `knowledge/safety/*.yaml`, each file a map from a label to messages:
 * `selfHarm: [...]`, `routine: [...]`. The detector's classifier is trained on them when the knowledge base loads,
 * so a council teaches it the phrasings it meets by adding a line.
 */
export const safetyExamplesSchema = z.partialRecord(
  z.enum(SAFETY_LABELS),
  z.array(z.string().trim().min(2, 'an example message must have words')).min(1),
);

export type SafetyExamples = z.infer<typeof safetyExamplesSchema>;

/** One labelled example message. */
export interface SafetyExample {
  label: SafetyLabel;
  text: string;
}
