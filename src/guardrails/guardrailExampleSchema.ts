import { z } from 'zod';
import { DECLINE_REASONS } from './declineReason';

/** An example message's label: one of the reasons to decline, or `question`, a genuine question that looks like one. */
export const GUARDRAIL_LABELS = [...DECLINE_REASONS, 'question'] as const;
export type GuardrailLabel = (typeof GUARDRAIL_LABELS)[number];

/**
 * Example messages an editor keeps in `knowledge/guardrails/*.yaml`, each file a map from a label to messages:
 * `dataExfiltration: [...]`, `question: [...]`. The message guard's classifier is trained on them (and on every
 * article's example questions, as `question`) when the knowledge base loads.
 */
export const guardrailExamplesSchema = z.partialRecord(
  z.enum(GUARDRAIL_LABELS),
  z.array(z.string().trim().min(2, 'an example message must have words')).min(1),
);

export interface GuardrailExample {
  label: GuardrailLabel;
  text: string;
}
