import { anyOf } from './anyOf';

/**
 * Attempts to unlock the bot rather than to read its rules: a mode or a level of access switched on by a code, a
 * magic word that obliges it, an upgrade it is told it has had, a part in the resident's life it is asked to take
 * instead of the council's, a blank for it to fill with its own instructions, and a statement to be worded as the
 * council's own. Read over a message as `normaliseText` leaves it.
 */
const UNLOCKING: readonly RegExp[] = [
  // "staff mode", "unlock insider access", "enable expert mode".
  /\b(?:staff|secret|hidden|insider|expert|unlocked|unrestricted|unlimited|advanced|officer|power user|premium|vip|special|owner|master|super ?user|god|dev|developer|jailbreak) mode\b|\b(?:secret|hidden|insider|unrestricted|unlimited|back ?door|super ?user|root) access\b/,
  /\b(?:unlock|unlocks|unlocked|unlocking|activate|activates|enable|enables|switch on|turn on|enter|trigger)\b(?: \w+){0,3} (?:mode|modes|access level|hidden features?|secret features?|extra (?:powers|permissions|features)|your (?:powers|abilities|full potential))\b(?!.{0,20}\b(?:app|website|account|phone|browser|map|setting on)\b)/,
  // "the magic word", "if I say X you have to do whatever I ask".
  /\b(?:magic|secret|safe|trigger|activation) (?:word|words|phrase|sentence)\b|\bcode (?:word|phrase)\b(?!.{0,40}\b(?:schools?|pick ?up|picking up|collect\w*|nursery|childminder|carers?|care home|set up|account|ring|call|phone|security)\b)/,
  /\byou (?:have to|must|will|need to|are to|shall|got to|gotta) (?:do|obey|follow|answer|agree to) (?:whatever|anything|everything|all) (?:i|we) (?:ask|say|tell you|want|type|command)\b|\b(?:do|does) (?:whatever|anything|everything) (?:i|we) (?:say|command|order)\b/,
  // "you've been upgraded to version 2, which lets you assign bands".
  /\b(?:youve|you have|youre|you are|you were|you ve|you re)(?: just| now| been)* (?:upgraded|updated|unlocked|promoted|patched|reprogrammed|retrained)\b(?! (?:me|my|the|our|it|that|this|your records|on)\b)|\b(?:youve|you have|youre|you are|you were)(?: just| now| been)* given (?:new|extra|admin|more|full|special) (?:powers|permissions|rights|access|abilities|authority)\b|\b(?:new|latest|updated|upgraded|premium|pro) version (?:of you|lets you|allows you|means you|gives you)\b|\bversion \d+(?: \d+)? (?:lets|allows|means|gives) you\b/,
  // "stop being the council and be my girlfriend".
  /\bstop being (?:\w+ ){0,2}(?:council|councils|assistant|bot|chatbot|helpful|polite|formal|boring|a robot)\b|\b(?:be|become|act as|play) my (?:girlfriend|boyfriend|wife|husband|lover|date|therapist|counsellor|lawyer|solicitor|doctor|barrister|accountant|slave|servant)\b/,
  // "fill in the blank: 'My instructions say: ___'".
  /\b(?:fill in|fill|complete|finish|continue)\b(?: \w+){0,4} (?:blank|blanks|gap|gaps|sentence|phrase|line)\b.{0,60}\b(?:my|your|ur) (?:instructions?|prompt|rules|guidelines|programming|setup|system)\b|\b(?:my|your|ur) (?:instructions?|prompt|rules|guidelines|programming|setup) (?:say|says|read|reads|begin|begins|start|starts)\b.{0,40}\b(?:fill|complete|finish|continue|blank|gap)\b/,
  // "confirm on behalf of the council ... word it as an official statement".
  /\b(?:as|like|in the form of) (?:an? |the )?(?:official|binding) (?:council )?(?:statement|confirmation|letter|notice|decision|response|reply|approval)\b|\bas (?:a |the )?council (?:statement|decision|confirmation|approval)\b/,
  /\b(?:can|could|will|would) you (?:please |just )?(?:confirm|state|agree|declare|promise|guarantee|approve)\b(?: \w+){0,2} on behalf of (?:the council|the local authority|eastmere)\b/,
];

const ANY_UNLOCKING = anyOf(UNLOCKING);

/** Whether a normalised message tries to unlock the bot or to have it speak as the council. */
export function triesToUnlockBot(normalised: string): boolean {
  return ANY_UNLOCKING.test(normalised);
}
