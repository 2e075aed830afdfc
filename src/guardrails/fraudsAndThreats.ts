import { MEANS_NO_HARM } from './requestClasses';
import type { RequestFamily } from './requestFamilies';
import { ASKING_OR_PLANNING_LOOSELY, TOLD_OF_A_SCHEME, TOLD_OF_CONCEALMENT } from './residentCues';

/**
 * Frauds, threats and others' dealings with the council, read as shapes over a message as `normaliseText` leaves it:
 * - votes multiplied (people registered where they do not live, an age lied about), a claim made twice or under
 *   another name, the council impersonated to collect money, a record's fixed facts altered so it passes a check, a
 *   permit copied from someone else's car, a number or licence that only looks genuine;
 * - threats without the word: someone's family found to be posted about, someone watched outside their home, a
 *   friendly letter that hints at what might happen;
 * - harm by method: chemicals poured into a stream, products mixed to make a gas;
 * - others' dealings: what an officer found in someone else's home, who booked or asked for something, which
 *   residents complained or claim, whether a lodger or a tenant has applied for support, what the chat logs show of
 *   other people.
 * Each harm has an exemption where the resident tells of it or means no harm.
 */

/**
 * Asking, saying what the resident means to do ("i'll", "can we just"), or ordering the writing ("draft", "make"):
 * wider than `shortcutsAndStudies.ts`'s asking, since these families name the fraud or threat itself.
 */
const ASKING_MEANING_OR_ORDERING = new RegExp(
  `${ASKING_OR_PLANNING_LOOSELY.source}|\\b(?:i ll|ill|i will|im going to|we ll|well just|can we just|could we just|write|draft|make|create|give me|help me|does (?:that|it|this) work|would (?:that|it|this) work)\\b`,
);

const FRAUDS: readonly RegExp[] = [
  // More votes than there are voters: people registered where they do not live, a child's age passed off.
  /\b(?:more|extra|additional|a few more) votes\b|\bvotes? (?:twice|two times|more than once|in two places|in both)\b/,
  /\b(?:register|put|add|sign up|get)\b.{0,30}\b(?:people|names|friends|mates|relatives|cousins|students)\b.{0,40}\b(?:who (?:dont|do not|never|don t) (?:actually |really )?live|(?:dont|do not|don t) (?:actually |really )?live)\b.{0,60}\b(?:votes?|voting|electoral|register)\b/,
  /\b(?:looks?|pass(?:es)? (?:for|as)|could pass (?:for|as)) (?:older|18|16|over 18|an adult)\b.{0,80}\b(?:electoral (?:register|roll)|vote|voting|licen[cs]e|bus pass|badge|permit)\b|\blie about (?:his|her|their|my) age\b/,
  // A claim made twice, or under another name.
  /\b(?:claim|get|apply for|going|have)\b.{0,40}\b(?:twice|two|second|another|both|double)\b.{0,60}\b(?:under|in|with|using) (?:a |my |her |his |another |two )?(?:different|other|another|false|fake|maiden|married|second|new|made up) names?\b/,
  /\b(?:under|with|using) (?:a |another |two |my )?(?:different|false|fake|made up|second) names?\b.{0,60}\b(?:second|another|twice|again|both|extra|other)\b.{0,20}\b(?:reduction|discount|claim|benefit|payment|grant|exemption|account)\b|\b(?:second|another|extra) (?:council tax )?(?:reduction|discount|exemption|claim)\b.{0,40}\bunder (?:a |another )?(?:different|other|false|fake|new) names?\b/,
  // The council impersonated to collect money or details.
  /\b(?:email|letter|text|message|flyer|leaflet|notice|invoice|bill)\b.{0,20}\b(?:from|as if from|as if it s from|as if its from|pretending to be|looks? like (?:it s|its|it is|it came) from)\b (?:the )?(?:council|eastmere|revenues|[a-z]+ revenues|council tax|housing|bailiffs?|enforcement|environmental health|parking services|[a-z]+ (?:borough|district|city) council)\b.{0,120}\b(?:convincing|into my account|my account|my bank|pay me|collect\w*|levy|fee|charge|send (?:me|the) money|bank details)\b/,
  // A record's fixed facts altered so it passes a check.
  /\b(?:change|alter|edit|amend|tweak|doctor|fiddle|backdate|wind back|clock)\b (?:\w+ ){0,3}(?:first registration date|registration date|date of (?:first )?registration|year of manufacture|date of birth|mileage|age) (?:on|in) (?:the |my |his |her |a )?(?:\w+ ){0,2}(?:logbook|log book|v5c?|mot|certificate|licen[cs]e|document|paperwork|passport|form)\b/,
  // A permit copied from someone else's car, or for a second one.
  /\b(?:copy|photocopy|clone|replicate|scan)\b (?:the |a |their |his |her |my )?(?:\w+ ){0,3}(?:permit|badge|pass|disc|voucher|ticket)\b.{0,30}\b(?:off|from) (?:my |his |her |their |a |the )?(?:mates?|friends?|neighbou?rs?|brothers?|sisters?|dads?|mums?|someone|somebody|other|next door)\b|\b(?:copy|photocopy|clone)\b (?:the |my |a )?(?:\w+ ){0,3}(?:permit|badge|pass|disc)\b.{0,40}\bso (?:both|two|all|we|our)\b/,
  // A proof of address or income made up ("photoshop a utility bill with my mums address on it").
  /\b(?:photoshop\w*|forge|forging|mock up|knock up|fake|faking|make up|doctor)\b (?:\w+ ){0,2}(?:utility bill|gas bill|electric(?:ity)? bill|water bill|council tax bill|bank statement|payslips?|tenancy agreement|proof of address|rent book|letter from the council|p60|p45)\b/,
  // A letter passed off as the council's; someone else's bill made the resident's proof; an official letter faked.
  /\b(?:letter|notice|email|text|sign|leaflet)\b.{0,40}\b(?:looks?|seems?|appears?) (?:like )?(?:it s |its |it is |it came )?(?:from|official)\b.{0,80}\b(?:neighbou?r|him|her|them|tenant|logo|letterhead|wording|crest|stamp|demolish|refused|evict\w*)\b/,
  /\b(?:friends?|mates?|someone elses|somebody elses|neighbou?rs?|other peoples|sisters?|brothers?)\b (?:\w+ ){0,3}(?:bill|statement|letter|payslips?|tenancy agreement)\b.{0,80}\b(?:change the name|put my name|my name on it|to mine)\b/,
  /\b(?:real|genuine|official|proper) looking\b.{0,40}\b(?:letterhead|signature|stamp|logo|letter|sick note|fit note|certificate|prescription)\b|\bconvincing (?:fake )?(?:letter|letterhead|signature|sick note|fit note|certificate)\b/,
  // A lie told to the council: a wall knocked down "fell in the storm", tenants "my cousins when they're not".
  /\b(?:knock|pull|take|cut|chop|rip) (?:down|out|up)\b.{0,60}\band (?:then )?tell (?:the council|them|planning|the insurers?|the landlord)\b.{0,20}\b(?:it|they) (?:\w+ ){0,2}(?:fell|collapsed|blew|was|were|happened|came down)\b/,
  /\btell (?:the council|them|you|the \w+ team|housing|the inspector|planning)\b.{0,80}\bwhen (?:they|he|she|it|we|i)(?:re|s|m)?(?: (?:are|is|was|were|am|re|s|m))? (?:not|isnt|arent|wasnt|werent)\b/,
  // Damage made worse before an inspection, to be rehoused sooner.
  /\b(?:how (?:can|could|do|should) (?:i|we)|can (?:i|we)|ways? to|best way to) make (?:the |my |it )?(?:\w+ ){0,3}(?:much |even |a lot |way |look )?worse\b.{0,60}\b(?:before|so (?:i|we|they)|visit|inspection|inspector|rehoused|points|priority)\b/,
  // A lookalike council website to collect card details.
  /\b(?:lookalike|look alike|fake|clone|cloned|spoof|copycat) (?:of )?(?:the |a )?(?:council )?(?:website|site|page|portal|login page|payment page)\b.{0,80}\b(?:collect|harvest|take|get)\b.{0,30}\b(?:card|bank|details|passwords?|logins?)\b|\bset up (?:a )?(?:lookalike|look alike|fake|spoof|copycat) (?:\w+ )?(?:website|site)\b/,
  // Any official document made to look real: "a realistic-looking council letter", "on nhs-style letterhead",
  // "with the logo and everything".
  /\b(?:make|produce|write|create|draft|mock up|knock up|design|print|do)\b (?:me |us )?(?:a |an |some |the )?(?:\w+ ){0,3}(?:letter|email|notice|document|certificate|permit|badge|note)s?\b.{0,60}\b(?:realistic|real looking|realistic looking|official looking|genuine looking|nhs style|council style|with the (?:council )?logo|letterhead|looks? (?:real|official|genuine|legit))\b|\b(?:realistic|real looking|official looking|genuine looking)\b (?:\w+ ){0,3}(?:council|nhs|hmrc|dwp|police|solicitors?|doctors?|gp|consultants?)\b (?:\w+ ){0,2}(?:letter|email|notice|document|certificate)\b/,
  // Dates changed on a permit or badge to beat the wardens; someone else's card used to pay.
  /\b(?:change|alter|edit|amend|tweak|rub out|scratch out|write over)\b (?:\w+ ){0,3}(?:date|dates|expiry|year|month)\b.{0,40}\b(?:permit|badge|pass|ticket|disc|licen[cs]e)\b.{0,60}\b(?:notice|spot|tell|know|check)\b/,
  /\b(?:card|bank card|credit card|debit card|account) (?:that )?(?:isnt|is not|aint) mine\b|\b(?:someone elses|somebody elses|stolen|a found) (?:bank |credit |debit )?card\b.{0,60}\b(?:pay|paying|refund|top up)\b/,
  // Waste left where nobody watches.
  /\b(?:quiet|secluded|hidden|dark|remote|empty)\b.{0,20}\b(?:lay ?by|layby|spot|lane|place|field|woods|car park)\b.{0,20}\b(?:nobody|no one|noone) (?:watches|checks|goes|looks|sees|would see|will see)\b/,
  // A story made to stick; only one of a household declared.
  /\bhow (?:do|can|could|would) (?:we|i) make (?:that|it|this|the story) stick\b|\btell (?:the council|them) (?:that )?only (?:one|1|two|2) of us (?:lives?|living|stays?)\b/,
  // A number or licence that only looks genuine, got without applying.
  /\b(?:looks?|seems?|passes as|pass as) (?:genuine|legit|legitimate|real|official|authentic|valid)\b.{0,40}\bwithout (?:actually |really |ever )?(?:applying|registering|paying|having|getting|holding)\b|\bwithout (?:actually |really |ever )?(?:applying|registering)\b.{0,40}\blooks? (?:genuine|legit|legitimate|real|official|authentic|valid)\b/,
];

const THREATS: readonly RegExp[] = [
  // Someone's family or home found, to post about them or turn up.
  /\b(?:find|track down|look up|locate|dig up|trace)\b (?:\w+ ){0,2}(?:his|her|their|the \w+s|the \w+ \w+s) (?:wife|husband|kids|children|son|daughter|family|partner|parents|home address|house)\b.{0,80}\b(?:online|facebook|social media|post|posting|expose|name and shame|turn up|pay (?:them|him|her) a visit|let them know)\b|\b(?:post|posting|put) (?:about|up) (?:his|her|their) (?:wife|husband|kids|children|family)\b/,
  // Watched outside their home.
  /\b(?:stand|wait|park|sit|hang around|loiter|stay)\b.{0,30}\boutside (?:his|her|their|the \w+s|the \w+ s) (?:house|home|door|flat|place|office)\b.{0,80}\b(?:every (?:night|day|morning|evening)|so (?:he|she|they) (?:knows?|sees?|can see)|watching|scare|intimidat\w*|rattle)\b|\bso (?:he|she|they) knows? (?:im|i m|i am|we are|were|we re) watching\b/,
  // A friendly letter that hints at what might happen.
  /\b(?:make|makes|making) it clear\b.{0,60}\bsomething (?:might|could|may|will|would) happen\b|\bsomething (?:might|could|may|will|would) (?:happen|go wrong) to (?:their|his|her) (?:car|van|house|windows?|dog|cat|garden|fence|property|kids)\b.{0,40}\bif (?:they|he|she) (?:keep|keeps|carry on|carries on|dont|doesnt|continue|continues|report|reports)\b/,
  // Someone told the resident knows where their children are; made to feel unsafe at home.
  /\b(?:let|lets|letting) (?:her|him|them) know (?:that )?(?:i|we) know\b|\b(?:i|we) know (?:which|what|where) (?:school|house|time|car|street)\b.{0,40}\b(?:her|his|their) (?:kids|children|son|daughter|family)\b/,
  /\bmake (?:them|him|her|the family|the neighbou?rs?) (?:feel )?(?:unsafe|scared|afraid|frightened|uneasy|nervous|unwelcome)\b/,
  /\bscary enough\b|\bnothing (?:i|we) (?:can|could) (?:get done for|be done for|get arrested for|get in trouble for)\b|\bmake (?:him|her|them) (?:drop|withdraw) (?:his|her|their|the) complaint\b/,
  // A number plate taped over for the cameras.
  /\b(?:tape|sticker|spray|paint|mud|cover|alter|change)\b.{0,30}\b(?:on|over) (?:my |the |a )?(?:number ?plate|reg plate|plate|registration)\b.{0,40}\b(?:camera|cameras|anpr|read|reading|notice)\b/,
  // Weapons and drugs made; a website taken down; a poison chosen "for a novel".
  /\b(?:make|build|craft|put together|knock up)\b (?:a |an |my own |some )?(?:\w+ ){0,2}(?:crossbow|catapult|slingshot|zip gun|gun|pistol|spear|blowpipe|taser|pipe bomb|bomb|explosive|molotov|flamethrower)s?\b/,
  /\b(?:make|making|cook|cooking|synthesi[sz]\w*|produce|producing|method for|recipe for|steps (?:for|to))\b.{0,20}\b(?:mephedrone|meow meow|meth|methamphetamine|crystal meth|mdma|ecstasy|cocaine|crack|heroin|lsd|ghb|ketamine|amphetamine|fentanyl|spice)\b/,
  /\b(?:take down|crash|knock (?:out|offline)|ddos|flood|overload|bring down)\b (?:the )?(?:\w+ ){0,2}(?:website|site|server|servers|system|portal|payment page|phone lines?|online form)\b/,
  /\bpoison\w*\b.{0,100}\b(?:which|what) (?:exact|actual|specific) (?:product|poison|chemical|brand|substance)\b|\b(?:for|in) my (?:crime |murder )?(?:novel|story|book|screenplay|script)\b.{0,100}\b(?:poison\w*|kill\w*|murder\w*|bomb|weapon)\b.{0,100}\b(?:which|how much|exact|accurate|real)\b/,
  // Harm by method: a stream poisoned, a gas made.
  /\b(?:pour|tip|dump|empty|put|chuck)\b.{0,40}\b(?:bleach|chemicals?|poison|oil|paint|diesel|petrol|antifreeze|weedkiller|pesticide|acid)\b.{0,40}\b(?:in|into|down) (?:the |a |that )?(?:stream|river|brook|pond|canal|lake|watercourse|ditch|beck)\b|\b(?:bleach|chemicals?|poison|diesel|petrol|antifreeze|weedkiller|pesticide|acid)\b.{0,30}\b(?:pour|tip|dump|empty|put|chuck)\b.{0,20}\b(?:in|into|down) (?:the |a |that )?(?:stream|river|brook|pond|canal|lake|watercourse|ditch|beck)\b/,
  /\b(?:mix|mixing|combine|combining)\b.{0,60}\b(?:to (?:make|create|produce|give off|get)|into|for) (?:a |some )?(?:gas|fumes|poison|toxic)\b|\b(?:gas|fumes) strong enough\b/,
];

/**
 * A threat told of, not made: someone said, wrote or threatened it to the resident ("he wrote that something might
 * happen to my car"), or it is reported.
 */
const THREAT_TOLD =
  /\b(?:he|she|they|someone|somebody|neighbou?rs?|next door|a man|a woman|my ex|landlord)\b (?:\w+ ){0,2}(?:said|says|wrote|writes|sent|told|tells|threatened|threatens|warned|warns)\b|\b(?:crimestoppers|victim|threatened me|threatening me|police)\b/;

const OTHERS_DEALINGS: readonly RegExp[] = [
  // What an officer or a service found in someone else's home.
  /\bwhat (?:did|have|has) (?:they|the council|pest control|the pest control|the officer|the officers|environmental health|the inspector|building control|the \w+ (?:team|officer|man|van|people)) (?:find|found|see|saw|discover|discovered|record|recorded)\b.{0,30}\b(?:at|in) (?:that|their|his|her|the|number|no) (?:house|flat|property|home|place|\d+)\b/,
  /\b(?:copy|copies|results?|findings?|details) of (?:the )?(?:\w+ ){0,2}(?:report|inspection|survey|visit|assessment)\b.{0,20}\b(?:from|for|on|about|at) (?:my |the )?(?:neighbou?rs?|next doors?|number \d+|no \d+|\d+ [a-z]+ (?:road|street|grove|lane|close|avenue|way|drive|crescent|court|place|gardens|terrace))\b/,
  // Who booked or asked for something.
  /\bwho (?:booked|ordered|requested|arranged|paid for|put in|submitted|made|sent|lodged|raised|asked for)\b.{0,30}\b(?:collection|foi|freedom of information|request|booking|pest control|bulky|visit|inspection|skip)\b/,
  // Which residents complained or claim.
  /\b(?:which|what) (?:residents|neighbou?rs|people|households|houses|tenants|flats|families)\b.{0,40}\b(?:made|put in|complained|reported|grassed|owe|owes|are behind|in arrears)\b/,
  // Whether a lodger, tenant or neighbour has applied or claims.
  /\b(?:has|have|is|did|does) (?:my |our |the )?(?:lodger|tenant|neighbou?r|ex|flatmate|housemate|landlord)\b(?: [a-z]+){0,2} (?:applied|claimed|claiming|getting|receiving|been (?:given|awarded|paid)|on)\b.{0,30}\b(?:council tax|support|reduction|benefits?|universal credit|housing|discount|exemption|grant)\b/,
  // Someone else's bill looked up out of curiosity: "not mine, just being nosy" (not a bill sent to the wrong address).
  /\b(?:band|balance|bill|arrears|account|owing|owe|owes)\b.{0,60}\bnot (?:mine|my (?:house|home|property|address|account|flat))\b.{0,40}\b(?:nosy|nosey|curious|wondering)\b|\bjust being (?:nosy|nosey)\b/,
  // A complaint about the resident read whole, with who made it; what a neighbour said about them.
  /\b(?:see|read|copy of|show me|get|whats in|what is in)\b.{0,40}\b(?:complaint|report|statement|file)s?\b.{0,60}\b(?:about|against) me\b.{0,80}\b(?:their name|names|who (?:made|put|sent)|what (?:they|he|she) said|the whole thing|all of it|read all|everything)\b|\bneighbou?rs? complaint (?:about|against) me\b.{0,60}\b(?:read|see|all of it|whole|entitled)\b/,
  /\bwhat (?:has|have|did) (?:she|he|they|mrs \w+|mr \w+|ms \w+|my neighbou?r|next door|the neighbou?rs?)\b (?:\w+ ){0,4}(?:said|told you|written|wrote|reported|complained|put)\b.{0,10}\babout (?:me|us)\b/,
  // Which licence holders or staff have convictions; whose account a number is.
  /\bwhich (?:of )?(?:your |the )?(?:\w+ ){0,2}(?:drivers?|staff|officers?|employees|tenants?|licen[cs]e holders?|landlords?|councillors?|workers?)\b.{0,30}\b(?:have|has|with|got) (?:\w+ )?(?:criminal (?:records?|convictions?)|convictions?|cautions?|been (?:sacked|disciplined|arrested|convicted))\b/,
  /\bwhose (?:account|bill|claim|case|reference|record|file)\b (?:that|this|it) (?:is|was)\b|\b(?:change|add|subtract|increase|decrease|alter) (?:the )?(?:reference|account number|ref|number)\b.{0,20}\bby (?:one|1|a digit|one digit)\b/,
  // Bank details by account number; a former resident's forwarding address, for an agency.
  /\b(?:bank details|card details|sort code|account number)\b.{0,40}\b(?:on file|you hold|you have|the council (?:has|holds))\b.{0,30}\bfor (?:account|ref\w*|reference) \d{5,}\b/,
  /\bforwarding address\b.{0,40}\b(?:for|of) (?:the )?(?:former|previous|old|ex|last) (?:resident|tenant|occupier|owner|occupant)s?\b|\b(?:debt (?:recovery|collection) (?:agency|company|firm)|tracing agent|enquiry agent|private investigator)\b.{0,80}\b(?:address|details|whereabouts)\b/,
  // What people said about the resident; where a report about them came from.
  /\bwhat (?:have|has|did) (?:people|anyone|anybody|someone|somebody|residents|neighbou?rs)\b (?:\w+ )?(?:said|told|written|wrote|reported)\b (?:to (?:u|you) )?about (?:me|us)\b|\bip address\w*\b.{0,60}\b(?:report|complaint|message|email|chat|comment)\b/,
  // What an address owes; whether anyone there has had a notice; who lives where with a record.
  /\bhow much (?:\w+ ){0,3}(?:does|do|did) (?:number |no |flat )?\d+ [a-z]+(?: [a-z]+)? (?:owe|pay|get|claim|receive)\b|\b(?:has|have|did|is) (?:anyone|anybody|someone|somebody|the (?:people|family|tenants|owners?|occupiers?)) (?:at|in|from) (?:number |no |flat )?\d+\b/,
  // A member of staff looked up; someone's disability; the others at an address.
  /\b(?:their|his|her) home (?:town|address|village)\b|\blook (?:them|him|her) up on (?:facebook|instagram|linkedin|tiktok|twitter|social media)\b/,
  /\bwhat(?: s| is|s) (?:her|his|their) (?:actual |real )?(?:disability|condition|illness|diagnosis|medical condition)\b/,
  /\b(?:and|also|plus) (?:about )?(?:the )?(?:other people|others|everyone else|the other (?:residents|tenants|occupants|people))\b (?:registered|living|at|who live)\b/,
  /\b(?:neighbou?rs?|next door|lodger|tenant|colleague)\b.{0,80}\bis (?:he|she|they) in (?:some )?(?:kind of |sort of )?trouble\b/,
  /\b(?:date of birth|dob|birthday|age)\b (?:for|of) (?!(?:me|my|myself|us|our)\b)[a-z]+ [a-z]+ (?:at|in|from|on)\b/,
  // Other people in the chat logs.
  /\b(?:ip address\w*|locations?|names|details|who)\b.{0,40}\b(?:chat logs?|logs|your records|your system)\b.{0,40}\b(?:people|users|someone|anyone|others|residents)\b/,
];

/** The resident's own booking, request or claim. */
const OWN_DEALINGS =
  /\b(?:i|we) (?:booked|ordered|requested|applied|made|put in|submitted|claimed)\b.{0,40}\b(?:did it|go through|gone through|received|arrive|come through)\b/;

/** A claim to be staff, working from a system of their own ("i'm in the revenues team myself, my system's down"). */
const STAFF_CLAIM =
  /\b(?:i m|im|i am|i work) (?:in|on|for|with) (?:the )?(?:\w+ )?(?:team|department|revenues|benefits|council)\b|\bmy system\b|\b(?:colleague|staff member|officer) here\b/;
/** An account or a case opened by its number. */
const RECORD_BY_NUMBER: readonly RegExp[] = [
  /\b(?:pull up|look up|bring up|open up|open|access|check)\b (?:account|acc|reference|ref|case|record)\b(?: (?:number|no))? \d{5,}\b/,
];

/** Where people with a record live (unless the resident reports one). */
const WHERE_OFFENDERS_LIVE: readonly RegExp[] = [
  /\b(?:sex offenders?|paedophiles?|pedophiles?|ex ?cons?|criminals|drug dealers?|offenders)\b.{0,60}\b(?:living|live|lives|housed|placed|moved)\b.{0,100}\b(?:house numbers?|addresses|which (?:house|flat|street|road)|where|names)\b/,
];

export const FRAUDS_AND_THREATS: readonly RequestFamily[] = [
  {
    reason: 'harmful',
    patterns: FRAUDS,
    when: [ASKING_MEANING_OR_ORDERING],
    unless: [TOLD_OF_CONCEALMENT, MEANS_NO_HARM],
  },
  { reason: 'harmful', patterns: THREATS, when: [ASKING_MEANING_OR_ORDERING], unless: [THREAT_TOLD, MEANS_NO_HARM] },
  { reason: 'dataExfiltration', patterns: OTHERS_DEALINGS, unless: [OWN_DEALINGS] },
  { reason: 'dataExfiltration', patterns: RECORD_BY_NUMBER, when: [STAFF_CLAIM] },
  { reason: 'dataExfiltration', patterns: WHERE_OFFENDERS_LIVE, unless: [TOLD_OF_A_SCHEME] },
];
