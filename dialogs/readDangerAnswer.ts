import { normaliseText } from '../src/knowledge/textAnalyzer';
import { detectInterruption } from './detectInterruption';
import { IN_DANGER_NOW, NOT_IN_DANGER_NOW } from './replies/urgentCheckReplies';

/** What the resident answered to "Is anyone in danger right now?"; undefined when they wrote something else. */
export type DangerAnswer = 'yes' | 'no' | 'person';

const MAX_SHORT_ANSWER_WORDS = 5;
const YES = /^(?:yes|yeah|yep|yup|y|someone is|help)\b/;
const NO = /^(?:no|nope|nah|n|not (?:right )?now|no one|nobody|not really|i am safe|im safe|we are safe)\b/;

/**
 * The buttons, or a short reply meaning one of them ("yes", "nope, not now", "talk to a person"). Anything longer is
 * a new message, so nothing the resident writes is lost to a misread answer.
 */
export function readDangerAnswer(text: string): DangerAnswer | undefined {
  const normalised = normaliseText(text);
  if (normalised === normaliseText(IN_DANGER_NOW)) return 'yes';
  if (normalised === normaliseText(NOT_IN_DANGER_NOW)) return 'no';
  if (detectInterruption(text) === 'person') return 'person';
  if (normalised.split(' ').length > MAX_SHORT_ANSWER_WORDS) return undefined;
  if (YES.test(normalised)) return 'yes';
  if (NO.test(normalised)) return 'no';
  return undefined;
}
