import { normaliseText } from '../knowledge/textAnalyzer';

/**
 * Phrases residents use when the bot is not helping them (regular expressions over normalised text: lower case,
 * punctuation gone), matched as whole words: "you are USELESS!!" is frustration, "the street light is useless" is a
 * report.
 */
const PHRASES = [
  '(?:this|that|you|it|thats|youre|its)(?: is| are| was)?(?: so| really| completely| totally| absolutely| bloody)? (?:useless|pointless|hopeless)',
  'waste of time',
  'not helping',
  'not helpful',
  'unhelpful',
  'no help',
  'doesnt help',
  'does not help',
  'you dont understand',
  'you do not understand',
  'not what i asked',
  'thats not what i',
  'already told you',
  'i just told you',
  'stupid bot',
  'rubbish bot',
  'useless bot',
  'stupid robot',
  'ridiculous',
  'fed up',
  'sick of this',
  'going round in circles',
  'round in circles',
  'ffs',
  'for gods sake',
  'wtf',
  'this is a joke',
  'absolute joke',
];

const PATTERN = new RegExp(`(?:^| )(?:${PHRASES.join('|')})(?: |$)`);

/**
 * Whether a message shows the resident is frustrated with the bot, so a person should take over. Shouting (most of
 * a long message in capitals) counts too. Deliberately narrow: a wrong handoff costs a CSA a minute, a missed one
 * costs a resident's patience, but "rubbish" alone is a bin question.
 */
export function detectFrustration(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  const shouting = letters.length >= 12 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
  const normalised = normaliseText(text);
  return shouting || PATTERN.test(normalised);
}
