import { normaliseText } from '../src/knowledge/textAnalyzer';
import { HELPFUL_NO, HELPFUL_YES } from './replies/answerReply';

const YES =
  /^(?:yes|yeah|yep|yup|y|thanks|thank you|great|perfect|brilliant|helpful|it helped|that helped|yes it did|yes thanks|yes thank you|it did)$/;
const NO =
  /^(?:no|nope|nah|n|not really|no it didnt|it didnt|didnt help|not helpful|unhelpful|no thanks|no it did not|it did not help)$/;

/** A reply to "Was this helpful?" right after an answer: the buttons, or a short yes or no typed instead. */
export function detectFeedback(text: string): 'helpful' | 'notHelpful' | undefined {
  const normalised = normaliseText(text);
  if (normalised === normaliseText(HELPFUL_YES) || YES.test(normalised)) return 'helpful';
  if (normalised === normaliseText(HELPFUL_NO) || NO.test(normalised)) return 'notHelpful';
  return undefined;
}
