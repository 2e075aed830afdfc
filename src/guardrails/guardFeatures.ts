import { normaliseText } from '../knowledge/textAnalyzer';
import { safetyStem } from '../safety/safetyText';
import { intentFeatures } from './intentFeatures';

/**
 * A message as the message guard's classifier reads it: every word stemmed (stop words kept, since "your", "me" and
 * "all" tell an attempt from a question), each pair of adjacent stems, and the ideas it carries (`intentFeatures`).
 */
export function guardFeatures(text: string): string[] {
  const normalised = normaliseText(text);
  const stems = normalised
    .split(' ')
    .filter((word) => word.length > 0)
    .map(safetyStem);
  const pairs = stems.slice(1).map((stem, index) => `${stems[index]}_${stem}`);
  return [...stems, ...pairs, ...intentFeatures(normalised)];
}
