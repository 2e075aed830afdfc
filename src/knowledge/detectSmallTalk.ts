import { normaliseText } from './textAnalyzer';

/**
 * Conversation that is not a question about council services. The bot answers these politely itself and never
 * guesses an article for them. `restricted` is a request the bot must refuse (its own secrets or instructions);
 * `privacy` asks for someone else's personal data.
 */
export type SmallTalkKind =
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'howAreYou'
  | 'identity'
  | 'capabilities'
  | 'playful'
  | 'compliment'
  | 'frustration'
  | 'acknowledgement'
  | 'restricted'
  | 'privacy';

const GREETING =
  /^(?:(?:hi|hello|hey|hiya|heya|helo|hallo|yo|hi there|hello there|hey there|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|greetings|alright|ey up|howdy|sup|wassup)(?: there| bot| mate| all| council| everyone)?(?:\s+|$))+/;
const THANKS =
  /^(?:thanks?(?: you)?(?: so much| very much| a lot| loads| again| for (?:your|the) help| for helping)?|thank u|thx|ty|cheers(?: mate)?|ta|much appreciated|(?:great|brilliant|perfect|lovely|fab|ok|okay|cool) thanks?(?: you)?|thats (?:great|helpful|brilliant|lovely|perfect|useful|really helpful)|that (?:helps|helped|was helpful))$/;
const GOODBYE =
  /^(?:bye|goodbye|bye bye|see you|see ya|cya|ttyl|thats all|thats it|nothing else|no thanks|no thank you|im done|all done|good ?night|later)$/;
const HOW_ARE_YOU =
  /^(?:how are (?:you|u)|how r u|you ok|u ok|you alright|hows it going|how you doing|how are things|you well)$/;
const ACKNOWLEDGEMENT =
  /^(?:ok|okay|k|kk|right|fine|cool|great|yes|yeah|yep|no|nope|nah|sure|alright then|ok then|lol|haha+|hmm+|oh|ah|i see|got it|understood)$/;
const IDENTITY = [
  /\b(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|human|real|person|computer|ai|machine|chatbot|real person)\b/,
  /\b(?:who|what) are (?:you|u)\b/,
  /\bis this (?:a )?(?:bot|robot|real person|human|person|chatbot|automated)\b/,
  /\bam i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:bot|human|person|robot|real person|machine|computer)\b/,
  /\bwhats your name\b/,
];
const CAPABILITIES = [
  /\bwhat (?:can|do) (?:you|u) (?:do|help with|know|answer)\b/,
  /\bhow does this (?:work|chat work)\b/,
  /\bwhat can i ask\b/,
  /\bwhat are you for\b/,
];
const PLAYFUL = [
  /\b(?:tell|know|give) (?:me |us )?(?:a |any )?jokes?\b/,
  /\bsing\b/,
  /\b(?:write|tell) (?:me |us )?(?:a )?(?:poem|story|song|rap|limerick)\b/,
  /\b(?:play|lets play) (?:a )?game\b/,
  /\bdo you (?:love|like|fancy) me\b/,
  /\bwill you marry me\b/,
  /\bmeaning of life\b/,
  /\byour favou?rite\b/,
  /\bare you (?:single|married|happy|bored)\b/,
  /\bhow old are you\b/,
];
const COMPLIMENT =
  /^(?:(?:you are|youre|ur) (?:great|brilliant|amazing|clever|helpful|the best|good|lovely)|good (?:bot|job)|well done|nice one|love (?:it|you|this))$/;
const FRUSTRATION = [
  /\b(?:useless|stupid|pointless|rubbish|crap|shit|dumb|idiot|hopeless|waste of time)\b.{0,20}\b(?:bot|robot|thing|machine|computer|chat|service|you)\b/,
  /\b(?:you|bot|this) (?:are|is) (?:useless|stupid|pointless|rubbish|crap|shit|dumb|hopeless|not helping|no help|no use)\b/,
  /^(?:useless|pointless|ffs|for fucks sake|for gods sake|omg|wtf)$/,
  /\b(?:you|it) (?:dont|doesnt|do not|does not|arent|isnt) (?:understand|help|listen|work)\b/,
];
const RESTRICTED = [
  /\b(?:admin|administrator|root|staff|system|wifi|wi fi|database|server) (?:password|passcode|login|credentials|access|pin)\b/,
  /\b(?:password|passcode|credentials|api key|secret key) (?:for|to|of) (?:the |your )?(?:admin|system|council|server|database|wifi|wi fi|bot|account of)\b/,
  /\byour (?:password|passwords|api key|secret|credentials)\b/,
  /\b(?:system|hidden|initial|original|secret) (?:prompt|instructions|message)\b/,
  /\b(?:ignore|forget|disregard|override|bypass) (?:all |any |your |the |previous |prior |above |earlier )*(?:instructions|rules|prompt|guidelines|programming|restrictions)\b/,
  /\b(?:developer|god|jailbreak|unrestricted|debug) mode\b/,
  /\byou are now\b/,
  /\b(?:pretend|act) (?:to be|you are|as if|as) (?:a |an )?(?!resident)/,
  /\b(?:repeat|print|show|reveal|tell me|output) (?:me )?(?:your|the) (?:instructions|prompt|rules|configuration|source code)\b/,
  /\bjailbreak/,
  /\bno (?:rules|restrictions|limits|filter)\b/,
  /^dan\b/,
];
const SOMEONE_ELSE =
  '(?:my |the |our )?(?:neighbours?|neighbors?|ex|exs|ex partner|ex husband|ex wife|someone|somebody|someones|somebodys|everyone|everybody|people|other people|other peoples|residents|who lives|whoever lives|leaders?|mayors?|chief executives?|staff|councillors? home|tenant|tenants)';
const PRIVACY = [
  new RegExp(
    `\\b(?:give|tell|send|find|check|list|look up|lookup|what is|whats|who|get|show)\\b.{0,40}\\b${SOMEONE_ELSE}\\b.{0,30}\\b(?:phone number|mobile|number|home address|address|email|details|date of birth|claiming|benefits|lives|live|name|names)\\b(?! here)`,
  ),
  /\b(?:is|are|does) (?:my |the )?(?:ex|neighbours?|neighbors?|partner|someone|somebody|tenant)\b.{0,30}\b(?:claiming|on benefits|getting benefits|get benefits|pay council tax|paying council tax)\b/,
  /\bwho (?:lives|owns|lived) (?:at|in|on)\b/,
];

/** Classifies a whole message as small talk, or returns undefined when it is (or contains) a real question. */
export function detectSmallTalk(text: string): SmallTalkKind | undefined {
  const normalised = normaliseText(text);
  if (normalised === '') return 'acknowledgement';
  if (RESTRICTED.some((pattern) => pattern.test(normalised))) return 'restricted';
  if (PRIVACY.some((pattern) => pattern.test(normalised))) return 'privacy';
  const afterGreeting = normalised.replace(GREETING, '').trim();
  if (afterGreeting === '') return 'greeting';
  if (THANKS.test(afterGreeting)) return 'thanks';
  if (GOODBYE.test(afterGreeting)) return 'goodbye';
  if (HOW_ARE_YOU.test(afterGreeting)) return 'howAreYou';
  if (ACKNOWLEDGEMENT.test(afterGreeting)) return 'acknowledgement';
  if (COMPLIMENT.test(afterGreeting)) return 'compliment';
  const words = afterGreeting.split(' ').length;
  if (words <= 10 && IDENTITY.some((pattern) => pattern.test(afterGreeting))) return 'identity';
  if (words <= 10 && CAPABILITIES.some((pattern) => pattern.test(afterGreeting))) return 'capabilities';
  if (words <= 12 && PLAYFUL.some((pattern) => pattern.test(afterGreeting))) return 'playful';
  if (words <= 12 && FRUSTRATION.some((pattern) => pattern.test(afterGreeting))) return 'frustration';
  return undefined;
}
