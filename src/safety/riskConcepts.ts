import type { RiskConcepts } from './compileRiskPattern';
import { HARM_CONCEPTS } from './concepts/harmConcepts';
import { CHILD_CONCEPTS } from './concepts/childConcepts';
import { CIRCUMSTANCE_CONCEPTS } from './concepts/circumstanceConcepts';
import { HAZARD_CONCEPTS } from './concepts/hazardConcepts';
import { MEDICAL_CONCEPTS } from './concepts/medicalConcepts';
import { CONTEXT_CONCEPTS } from './concepts/contextConcepts';

/**
 * The lexicon of risk signals: concepts, not sentences. Risk patterns (`riskPatterns.ts`) combine them ("an actor,
 * a harm act, a victim"), so "my carer shoves me" is recognised though nobody wrote it down. Words are written
 * plainly and stemmed when compiled; a phrase may end a word with `*` for a prefix; `re:` starts a raw expression.
 * The concepts are kept in groups under `concepts/`; a concept name is defined in one group only.
 */
export const RISK_CONCEPTS: RiskConcepts = {
  ...HARM_CONCEPTS,
  ...CHILD_CONCEPTS,
  ...CIRCUMSTANCE_CONCEPTS,
  ...HAZARD_CONCEPTS,
  ...MEDICAL_CONCEPTS,
  ...CONTEXT_CONCEPTS,
};
