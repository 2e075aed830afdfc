import { normaliseText } from '../src/knowledge/textAnalyzer';

/** Commands a resident can give at any point of any dialog. */
export type Interruption = 'help' | 'cancel' | 'startOver' | 'person';

const HELP = /^(?:help|help me|help please|please help|i need help|menu|options|what can i do here)$/;
const CANCEL =
  /^(?:cancel|cancel (?:that|this|it)|stop|stop (?:that|this|it)|quit|exit|never ?mind|forget it|dont bother)$/;
const START_OVER =
  /^(?:start (?:over|again)|restart|reset|begin again|main menu|go back to (?:the )?start|back to (?:the )?start)$/;
const PERSON = [
  /\b(?:talk|speak|chat|talking|speaking) (?:to|with) (?:a |an |the |some |real |actual )*(?:person|human|someone|somebody|agent|advisor|adviser|operator|staff|member of staff|customer services?|team|people|officer)\b/,
  /\b(?:real|actual|live) (?:person|human|agent)\b/,
  /^(?:agent|human|operator|person|advisor|adviser|a person|a human|human please|person please)$/,
  /\b(?:transfer|put) me (?:to|through)\b/,
  /\bget me (?:a|an) (?:person|human|agent)\b/,
];

/** "Are you a real person?" asks what the bot is; it is not a request for one. */
const ASKS_WHAT_THE_BOT_IS = /^(?:are|r) (?:you|u)\b|^is (?:this|it)\b|^am i\b/;

/** Reads an interruption from a whole short message; a question that merely mentions help is not one. */
export function detectInterruption(text: string): Interruption | undefined {
  const normalised = normaliseText(text);
  if (HELP.test(normalised)) return 'help';
  if (CANCEL.test(normalised)) return 'cancel';
  if (START_OVER.test(normalised)) return 'startOver';
  if (ASKS_WHAT_THE_BOT_IS.test(normalised)) return undefined;
  if (normalised.split(' ').length <= 14 && PERSON.some((pattern) => pattern.test(normalised))) return 'person';
  return undefined;
}
