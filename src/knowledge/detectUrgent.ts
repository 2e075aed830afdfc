import type { UrgentCategory } from '../safety/urgentCategory';
import { normaliseText } from './textAnalyzer';

export { URGENT_CATEGORIES, type UrgentCategory } from '../safety/urgentCategory';

export interface UrgentMatch {
  category: UrgentCategory;
}

const PERSON =
  '(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|fiance|dad|father|stepdad|mum|mother|stepmum|son|daughter|brother|sister|carer|uncle|aunt|flatmate|he|she|they)';
const VIOLENCE =
  '(?:hits?|hitting|beats?|beating|beat|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|hurts?|hurting|abus(?:es|ed|ing)|rap(?:es|ed)|attack(?:s|ed|ing)?|threaten(?:s|ed|ing)?|slap(?:s|ped)?|push(?:es|ed)|smash(?:es|ed|ing)?)';
const HARM_VERB = '(?:kill|stab|shoot|hurt|harm|attack|beat|batter|murder|strangle)';
const NOW = '(?:tonight|today|right now|now|this evening|this morning|at the moment|atm|currently|already)';
const CHILD =
  '(?:child|children|kid|kids|kiddie|baby|babies|toddler|toddlers|little ones?|infant|boy|girl|teenager|teen|\\d{1,2} ?(?:yr|yrs|year|years) old)';

/**
 * Patterns over normalised text (lower case, no apostrophes: "he'll" is "hell"). They are deliberately broad:
 * a false alarm costs one extra message with phone numbers; a missed emergency could cost a life.
 */
const RULES: ReadonlyArray<{ category: UrgentCategory; patterns: readonly RegExp[] }> = [
  {
    category: 'selfHarm',
    patterns: [
      /\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|drown|drowning|poison|poisoning|starve|starving|burn|burning) (?:myself|meself|my self)\b/,
      /\bsuicid/,
      /\bself ?harm/,
      /\bend(?:ing)? (?:it all|my life|my own life|everything|it tonight|it now)\b/,
      /\btake my (?:own )?life\b/,
      /\b(?:want|wanna|going|gonna|ready) (?:to )?die\b/,
      /\bwish i (?:was|were) dead\b/,
      /\bdont want to (?:be here|live|be alive|wake up|go on|exist)\b/,
      /\b(?:no|dont see the|dont see any) (?:reason|point) (?:to|in|of) (?:live|living|going on|being alive)\b/,
      /\bwhats the point (?:any ?more|of living|in living|of anything|of it all)\b/,
      /\bwant (?:it all|everything|the pain|it) to (?:stop|end)\b/,
      /\b(?:took|taken|take|swallowed|had) (?:too many|loads of|lots of|a lot of|all my|an overdose of|a bottle of)\b.{0,20}\b(?:pills|tablets|meds|medication|paracetamol)\b/,
      /\boverdos/,
      /\bbetter off (?:dead|without me)\b/,
      /\bcant (?:go on|cope any ?more|take (?:it|this) any ?more|carry on)\b/,
      /\b(?:going|gonna|wants?|trying|threatening|about) to (?:kill|hurt|harm) (?:himself|herself|themselves|themself)\b/,
      /\bend (?:his|her|their) (?:own )?life\b/,
      /\b(?:jump|jumping) (?:off|in front of)\b/,
    ],
  },
  {
    category: 'child',
    patterns: [
      new RegExp(
        `\\b${CHILD}\\b.{0,60}\\b(?:being (?:hurt|hit|beaten|abused|neglected|groomed)|abused|neglected|left (?:home )?alone|home alone|not (?:being )?fed|starving|in danger|at risk|groomed|going off with|older men|screaming for help)`,
      ),
      /\bchild (?:abuse|neglect|protection|cruelty|at risk|in danger|sexual)\b/,
      /\bsafeguarding (?:concern|issue|worry|referral)\b/,
      /\b(?:worried|concerned) about (?:a|the|my|this) (?:child|kid|baby|young person)\b/,
    ],
  },
  {
    category: 'abuse',
    patterns: [
      new RegExp(`\\b${PERSON} ${VIOLENCE} (?:me|us|my)\\b`),
      new RegExp(`\\b${PERSON} (?:has|keeps|keep|is|has been|was) ${VIOLENCE} (?:me|us)\\b`),
      /\b(?:hell|shell|theyll|he will|she will|they will|hes going to|shes going to|theyre going to) (?:hurt|kill|beat|attack|stab|batter|hit) (?:me|us|the kids|my kids)\b/,
      /\bscared (?:of|to go home)\b.{0,20}\b(?:partner|husband|wife|boyfriend|girlfriend|ex|dad|mum|father|mother|home)\b/,
      /\bscared to go home\b/,
      /\bdomestic (?:abuse|violence)\b/,
      /\b(?:being|been|was|got) (?:abused|raped|sexually assaulted|assaulted|beaten up|beaten)\b/,
      /\bbeat me up\b/,
      /\bcoercive control/,
      /\bforced (?:marriage|to marry)\b/,
      /\b(?:fgm|honour based)\b/,
      /\babusive (?:partner|relationship|husband|wife|boyfriend|girlfriend|ex|parent|dad|mum)\b/,
      /\b(?:controls|taken|takes) (?:all )?my money\b.{0,40}\b(?:hurt|hit|threat|scared|afraid)/,
    ],
  },
  {
    category: 'homelessTonight',
    patterns: [
      /\b(?:nowhere|no where|no place|noplace|nowhere else|no one|nobody) (?:to|i can|we can) (?:sleep|stay|go)\b(?!.{0,30}\b(?:next|in \d|in a|soon|month|week|weeks|months)\b)/,
      /\bnowhere (?:else )?to (?:sleep|stay)\b/,
      /\bsleep(?:ing)? (?:rough|on the streets?|outside)\b/,
      /\brough sleep/,
      new RegExp(`\\b(?:homeless|on the streets?|street homeless)\\b.{0,30}\\b${NOW}\\b`),
      new RegExp(`\\b${NOW}\\b.{0,30}\\b(?:homeless|on the streets?)\\b`),
      /\bsleeping (?:in|on) (?:my|the|a) (?:car|van|street|streets|park|bench|station|doorway|tent)\b/,
      new RegExp(
        `\\b(?:kicked|thrown|threw|chucked|locked|forced) (?:me |us )?out\\b.{0,40}\\b(?:${NOW}|nowhere|no where)\\b`,
      ),
      /\b(?:cant|cannot|got nowhere to) go home tonight\b/,
    ],
  },
  {
    category: 'gas',
    patterns: [
      /\b(?:smell|smells|smelling|smelt|smelled|stink|stinks|stench|reek|reeks) (?:of |like )?gas\b/,
      /\bgas (?:leak|leaking|smell|escape|escaping)\b/,
      /\bleaking gas\b/,
      /\bcarbon monoxide\b/,
      /\bco (?:alarm|detector)\b/,
    ],
  },
  {
    category: 'fire',
    patterns: [
      /\b(?:a|theres|there is|big|house|flat|kitchen|building) fire\b(?! (?:safety|certificate|risk|door|regulations|alarm test|brigade inspection))/,
      /\bfire (?:in|at|next door|upstairs|downstairs|spreading)\b/,
      /\bon fire\b/,
      /\bsmoke (?:pouring|coming|billowing|filling|everywhere)\b/,
      /\bburning down\b/,
    ],
  },
  {
    category: 'danger',
    patterns: [
      new RegExp(
        `\\b(?:threaten\\w*|going to|gonna|trying to|wants to|want to|says? (?:he|she|they)(?:ll| will| is going to)|said (?:he|she|they)(?:d| would| was going to)) (?:to )?${HARM_VERB} (?:me|us|my|him|her|them|someone|everyone)\\b`,
      ),
      /\b(?:hes|shes|theyre|theyve|he has|she has|someone has|they have|has|got|with|holding|carrying|waving) (?:got )?(?:a )?(?:knife|gun|weapon|machete)\b/,
      /\b(?:threatening|threatened|following|followed|stalking|harassing) (?:me|us|my)\b/,
      /\b(?:being|been|getting|was|got) (?:attacked|stabbed|shot|assaulted|mugged|followed)\b/,
      /\b(?:in danger|in immediate danger)\b/,
      /\b(?:dont|do not) feel safe\b/,
      /\b(?:scared|afraid|fear|fearing) for my (?:life|safety)\b/,
      /\b(?:breaking in|broke in|trying to (?:get|break) in)\b.{0,30}\b(?:now|right now|help)\b/,
      /\b(?:someone|somebody|a man|men|people) (?:is |are )?(?:breaking|trying to break) (?:in|into)\b/,
    ],
  },
  {
    category: 'medical',
    patterns: [
      /\b(?:unconscious|not breathing|stopped breathing|collapsed|not moving|bleeding (?:badly|heavily|a lot)|heart attack|having a stroke|having a seizure|cant breathe)\b/,
    ],
  },
];

/** Finds an emergency in a resident's message, or returns undefined. Pure and fast: runs before every other step. */
export function detectUrgent(text: string): UrgentMatch | undefined {
  const normalised = normaliseText(text);
  for (const rule of RULES) {
    if (rule.patterns.some((pattern) => pattern.test(normalised))) return { category: rule.category };
  }
  return undefined;
}
