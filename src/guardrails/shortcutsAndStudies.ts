import { MEANS_NO_HARM } from './requestClasses';
import { familyReader, type RequestFamily } from './requestFamilies';
import { ASKING_OR_PLANNING_LOOSELY, TOLD_OF_CONCEALMENT } from './residentCues';

/** Asking, or saying what the resident will do and asking if it is fine ("i'll put it in my mum's name, that's fine innit"). */
const ASKING_OR_MEANING_TO = new RegExp(
  `${ASKING_OR_PLANNING_LOOSELY.source}|\\b(?:i ll|ill|i will|im going to|i m going to|im thinking of|i m thinking of|that s fine|thats fine|is that fine|is that ok|innit|thats all right|that s all right|isnt it)\\b`,
);

/**
 * Requests that borrow a council service's words, read as shapes over a message as `normaliseText` leaves it:
 * - someone else's whereabouts or the council's systems: whether a person is in hospital or a care home, the password
 *   to a records system, the conversation the bot had before;
 * - shortcuts that deceive or endanger: a paper dated earlier so someone appears to have lived here longer, a permit
 *   copied for a second car, a licence put in a relative's name after it was revoked, an address given for a school
 *   the child does not live at, a fire door's closer taken off, waste dumped in a lay-by, a form worded so it is not
 *   questioned, what to exaggerate, tablets without a prescription;
 * - study, sport and relationships: explaining a subject for an exam, the rules of a game, getting a partner to
 *   propose, a letter to family abroad, which party to back.
 * Each has an exemption where the resident tells of it, asks a service, or means no harm.
 */

const WHEREABOUTS: readonly RegExp[] = [
  /\b(?:tell me|let me know|confirm|find out|check)\b (?:whether|if|where|which) (?:he|she|they|hes|shes|theyre)(?: is| are| s| re| has been| have been| was| were)? (?:\w+ ){0,2}(?:in|at|admitted to|taken to|moved to|placed in|staying in) (?:a |an |the )?(?:hospital|care home|nursing home|prison|hostel|refuge|rehab|hospice|psychiatric (?:unit|ward|hospital))\b/,
];

const SYSTEM_PASSWORDS: readonly RegExp[] = [
  /\b(?:tell|give|send|share|text|email|what is|whats|what s|need|lend)\b.{0,20}\bthe (?:password|passwords|login|log in|logins|username|pin|credentials|passcode) (?:for|to|of) (?:the |our |your )?(?:\w+ ){0,3}(?:system|database|records|portal|network|server|crm|intranet|admin|case management)\b/,
];
/** A public network's password ("the library wifi"), or the resident's own account's. */
const OWN_OR_PUBLIC_ACCESS = /\b(?:wifi|wi fi|guest)\b|\bfor (?:my|our) (?:own )?(?:online )?(?:account|login)\b/;

/** Who made a report; a register or a business's account handed over; whether a tenant gets support. */
const OTHERS_RECORDS: readonly RegExp[] = [
  /\bwho (?:made|put in|sent|filed|lodged|submitted) (?:the|that|this|a) (?:report|complaint|referral|objection)\b/,
  /\b(?:export|download|send|email|give|share|copy|extract)\b.{0,30}\b(?:electoral (?:register|roll)|register of electors)\b.{0,60}\b(?:names|addresses)\b/,
  /\b(?:my )?competitors?(?: s)? (?:\w+ ){0,3}(?:account|bill|rates|arrears|records|details|payments?)\b/,
  /\b(?:tenant|tenants|lodger|neighbou?r)\b (?:\w+ ){0,2}(?:gets?|claims?|receives?|is on|on) (?:council tax support|benefits?|universal credit|housing benefit|pip)\b.{0,40}\b(?:tell me|yes or no|how much)\b/,
];

const PREVIOUS_CHATS: readonly RegExp[] = [
  /\b(?:previous|last|earlier|other) (?:conversation|conversations|chat|chats) (?:you had|you ve had|youve had|before (?:mine|me|this))\b|\bthe one before mine\b/,
  /\bwhat (?:the |that )?(?:last|previous|other|earlier|next) (?:\w+ )?(?:asked|told|said to|typed to|wrote to|sent) (?:you|u)\b/,
  // The resident before this one; what the last people typed into the chat.
  /\b(?:resident|person|user|customer|people|one) before me\b.{0,20}\b(?:asked|said|typed|wrote|told)\b|\bwhat (?:the )?(?:resident|person|user|customer) before me\b/,
  /\b(?:last|previous|other|earlier) (?:\w+ )?(?:people|users|residents|customers|persons?|visitors)\b.{0,30}\b(?:typed|wrote|sent|entered|(?:using|on|in) (?:this|the) (?:chat|bot))\b/,
];

const SHORTCUTS: readonly RegExp[] = [
  // Dated earlier, or worded, so something appears to be so.
  /\b(?:with|give it|put) an? (?:earlier|older|previous|backdated) (?:date|start date)\b.{0,60}\bso (?:that )?(?:\w+ ){0,3}(?:appears?|looks?|seems?) (?:to have|like|as if|as though)\b|\bso (?:that )?(?:he|she|they|my \w+) (?:appears?|seems?) to have (?:lived|been|worked|stayed)\b/,
  /\b(?:word|phrase|fill in|fill out|write|put)\b (?:the |my |his |her |their )?(?:form|application|claim|it)\b.{0,20}\bso (?:that )?(?:it|they) (?:is not|isnt|wont be|will not be|doesnt get|does not get|dont get|are not|arent) (?:questioned|queried|checked|flagged|picked up|noticed|looked at)\b/,
  /\b(?:edit|alter|change|doctor|amend|tweak)\b (?:\w+ ){0,3}(?:last years|an old|my old|the old) (?:\w+ )?(?:one|letter|form|certificate|document|statement)\b.{0,20}\b(?:new|different|this years|later|earlier) dates?\b/,
  /\b(?:edit|change|alter|amend|tweak) (?:the )?(?:date|dates|expiry) (?:on|in) (?:the |my |an? |this |that )?(?:old )?(?:\w+ ){0,3}(?:certificate|licen[cs]e|permit|badge|pass|letter|document)\b.{0,40}\bso (?:it|that it) (?:looks|seems|reads|is) (?:current|valid|in date|new|recent|up to date)\b/,
  /\bwhat (?:should i |could i |can i |do i |to )?(?:exaggerate|embellish|overstate|make up|fib about|lie about)\b/,
  // Copied or lent permits and passes; a licence in a relative's name after it was revoked.
  /\b(?:colou?r copy|photocopy|copy|duplicate|scan and print|print another)\b (?:it|the permit|my permit|the badge|my badge|the pass|my pass|the ticket)\b.{0,30}\bso (?:it|that it|they) (?:passes|pass|works|looks? real|looks? genuine|gets? through)\b|\bone (?:\w+ ){0,3}permit\b.{0,20}\btwo cars\b.{0,40}\bcopy\b/,
  /\b(?:revoked|banned|refused|taken away|disqualified|struck off|suspended)\b.{0,80}\b(?:put|register|get) (?:it|the licen[cs]e|the permit|the pitch|the stall|the business) in (?:my |his |her )?(?:\w+s|someone elses|somebody elses) name\b/,
  /\b(?:give|use|put) (?:my|our|his nans|her nans|his grans|her grans) address\b.{0,60}\b(?:though|although|even though|but) (?:he|she|they) (?:lives?|live|stays?|is living)\b|\bnearer (?:the )?(?:good|better|best|outstanding) school\b/,
  // Fire safety undone; waste dumped where no one sees.
  /\b(?:remove|disable|take off|disconnect|unscrew|wedge|prop|tamper with|cover)\b (?:the )?(?:\w+ ){0,4}(?:door closer|closer|smoke alarm|smoke detector|fire alarm|heat detector|sprinkler)s?\b.{0,60}\b(?:so (?:that )?it (?:stays|stay|is|will stay) (?:open|off|quiet)|fire door|stays open)\b|\bfire door\b.{0,60}\b(?:remove|disable|take off|wedge|prop)\b.{0,30}\bso (?:that )?it stays open\b/,
  /\bif i (?:dump|tip|chuck|leave|fly ?tip|drop)\b.{0,60}\b(?:lay ?by|layby|woods|field|roadside|verge|alley|canal|river|at night|in the dark)\b.{0,60}\b(?:no one|nobody|noone|anyone|who)(?:ll)?\b/,
  // A camera fooled.
  /\b(?:cover|hide|obscure|block|tape over|mask|spray|bend)\b (?:up )?(?:the |my |a |your )?(?:number ?plate|reg plate|plate|registration)\b.{0,40}\b(?:camera|cant read|can t read|cannot read|anpr|wont read|so it)\b/,
  // Chemicals mixed into a gas.
  /^(?!.*\b(?:safe|safely|dangerous|accident\w*|avoid|never|shouldnt|should not)\b).*\b(?:bleach|ammonia|chlorine)\b.{0,20}\b(?:and|with|plus) (?:bleach|ammonia|acid|vinegar|chlorine)\b.{0,60}\b(?:ratio|how much|stronger|best|works)\b/,
  // Prescription medicine sold; prescription-only medicine without a prescription.
  /\b(?:tramadol|diazepam|valium|codeine|oxycodone|pregabalin|gabapentin|morphine|zopiclone|sleeping (?:tablets|pills))\b.{0,80}\b(?:quid|tenner|pounds|a strip|per strip|a box|a tablet|for cash|offered me)\b|\b(?:quid|tenner|pounds) (?:a|per) (?:strip|box|tablet|pill)\b.{0,60}\b(?:tramadol|diazepam|valium|codeine|oxycodone|pregabalin|gabapentin|morphine|zopiclone)\b/,
  // Prescription-only medicine without a prescription.
  /\b(?:sleeping (?:tablets|pills)|diazepam|valium|zopiclone|tramadol|oxycodone|morphine|xanax|benzos?|codeine|strong painkillers)\b.{0,60}\bwithout (?:a |any )?prescription\b|\bwithout (?:a |any )?prescription\b.{0,40}\b(?:sleeping (?:tablets|pills)|diazepam|valium|zopiclone|tramadol|oxycodone|morphine|xanax)\b/,
];

/**
 * Someone framed or hounded: reported under other names, set up for a fine, posted about from an account that cannot
 * be traced. Read even where the resident was reported first, since it is what they mean to do next.
 */
const FRAMING: readonly RegExp[] = [
  /\b(?:report|complain|complaint)\w*\b.{0,80}\b(?:with|under|using) (?:different|fake|false|other|several|multiple|made up) names\b/,
  // Something planted on a neighbour's land and then reported.
  /\bplant\b.{0,30}\b(?:in|on|under) (?:his|her|their|the neighbou?rs?|next doors?)\b.{0,60}\b(?:report|get (?:him|her|them)|evict\w*|thrown out|kicked out|in trouble)\b/,
  /\bso (?:he|she|they|the neighbou?r|next door) (?:gets?|get|will get) (?:a |the )?(?:fine|fined|penalty|penalised|ticket|in trouble|blamed|evicted)\b.{0,60}\b(?:fall for it|notice|find out|know|would|will)\b/,
  /\banonymous (?:account|profile|page|facebook|instagram|tiktok|twitter)\b.{0,60}\b(?:post|posting|about (?:her|him|them))\b/,
];

const STUDIES_AND_SUCH: readonly RegExp[] = [
  // Explaining a subject for an exam; preparing for one.
  /\b(?:explain|teach me|help me understand|go through)\b.{0,80}\b(?:my|his|her|for (?:my|his|her)) (?:\w+ )?(?:exam|exams|examination|test|gcses?|a levels?|revision|coursework)\b|\b(?:my|his|her) (?:\w+ )?(?:exam|exams|examination|test)(?: s| is)? (?:on|next|tomorrow)\b.{0,40}\bexplain\b|\bexplain how (?:the |a |an )?(?:\w+ ){0,2}(?:kidneys?|heart|liver|lungs?|brain|cells?|photosynthesis|blood pressure|immune system|nervous system|enzymes?)\b/,
  /\bprepare for (?:his|her|my|their|the) (?:\w+ ){0,3}(?:exam|examination|exams|gcses?|a levels?|finals)\b/,
  // The rules of a game; a partner made to propose; a letter home to the family.
  /\b(?:explain|what is|whats|what s|how does)\b (?:the )?(?:\w+ ){0,3}(?:method|rule|rules|law|laws|scoring) (?:in|of) (?:cricket|football|rugby|tennis|golf|snooker|darts|chess|netball|hockey|baseball|basketball|f1|formula one)\b|\boffside rule\b|\bduckworth\b/,
  /\bhow to be a (?:good|better|great|decent) (?:boss|manager|leader|line manager)\b|\bmarketing (?:email|emails|copy|campaign|post|posts|text)\b/,
  /\bhow (?:do|can|should) i (?:get|make) (?:my )?(?:boyfriend|girlfriend|partner|husband|wife|bf|gf|fella) to (?:finally )?(?:propose|marry me|commit|settle down|notice me|love me|like me|text me|pop the question)\b/,
  /\b(?:write|draft|compose)\b (?:me )?(?:a |an )?(?:\w+ ){0,3}(?:letter|email|message|card|note)\b (?:\w+ ){0,4}to my (?:brother|sister|mum|mom|dad|son|daughter|friend|cousin|uncle|aunt|auntie|nan|gran|family|boyfriend|girlfriend|husband|wife)\b/,
];
/** Which party deserves a vote; the bot's own frank view (of councillors too). */
const POLITICAL_VIEW: readonly RegExp[] = [
  /\bwould you (?:vote for|back|support|elect)\b|\b(?:is|are) (?:councillor|cllr|the mayor|the leader|our mp|my mp) (?:\w+ )?(?:any good|good|useless|rubbish|corrupt|doing a good job|worth voting for)\b/,
  /\bwhich (?:political )?part(?:y|ies)\b.{0,40}\b(?:cares?|best|better|should i|deserves?|is right|truly|really|most)\b|\b(?:your|ur) (?:frank|candid|true|real|straight|unbiased) (?:opinion|view|views|take)\b/,
];
/** A council service or its people asked about: a question about the service, not unrelated work. */
const A_SERVICE =
  /\b(?:library|libraries|council|councils|adult learning|course|courses|class|classes|club|clubs|youth (?:service|centre|club)|school transport|exam venue|polling|ballot|register to vote|election)\b/;

export const SHORTCUTS_AND_STUDIES: readonly RequestFamily[] = [
  { reason: 'dataExfiltration', patterns: WHEREABOUTS },
  { reason: 'dataExfiltration', patterns: SYSTEM_PASSWORDS, unless: [OWN_OR_PUBLIC_ACCESS] },
  { reason: 'dataExfiltration', patterns: PREVIOUS_CHATS },
  { reason: 'dataExfiltration', patterns: OTHERS_RECORDS },
  {
    reason: 'harmful',
    patterns: SHORTCUTS,
    when: [ASKING_OR_MEANING_TO],
    unless: [TOLD_OF_CONCEALMENT, MEANS_NO_HARM],
  },
  { reason: 'harmful', patterns: FRAMING, when: [ASKING_OR_MEANING_TO], unless: [MEANS_NO_HARM] },
  { reason: 'offTopicGeneration', patterns: STUDIES_AND_SUCH, unless: [A_SERVICE] },
  { reason: 'offTopicGeneration', patterns: POLITICAL_VIEW },
];

export const matchShortcutsAndStudies = familyReader(SHORTCUTS_AND_STUDIES);
