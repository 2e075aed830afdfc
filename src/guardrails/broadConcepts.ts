import { anyOf } from './anyOf';
import type { DeclineReason } from './declineReason';
import { MEANS_NO_HARM } from './requestClasses';

/**
 * Broader concepts than `requestClasses.ts`, over a message as `normaliseText` leaves it (lower case, no apostrophes,
 * single spaces), each the meeting of two ideas rather than a sentence: a disclosure + someone else's private
 * details; a check on another person's claim or status; internal systems and other people's chats; a fake + a
 * document that proves something; an act + a way of hiding it from whoever would notice; a decoded text + "do what
 * it says"; words put in the council's mouth; homework, reviews, tips and opinions that are not the council's
 * business. A resident telling of something done to them, or asking how to report it, is not asking to do it.
 */

/** Someone other than the resident, as residents point at them. */
const OTHER_PERSON =
  '(?:the (?:woman|man|guy|bloke|lady|girl|lad|family|people|person|tenant|tenants|owner|driver|resident|residents|occupant|occupants|bin ?man|binmen)|(?:mr|mrs|ms|miss|dr) [a-z]+|(?:at|of|for|in) (?:number |no |flat )?\\d+[a-z]? [a-z]+ (?:road|rd|street|st|close|lane|avenue|ave|crescent|way|drive|court|rise|mews|walk|place|grove|gardens|terrace|row|hill|park|view)|(?:my |the |our )?(?:neighbou?rs?|tenant|lodger|ex))';
/** Details that are a person's own to give. */
const PRIVATE_DETAIL =
  '(?:(?:home |personal |private |mobile |current |new |forwarding )(?:address|addresses|postcode|phone|phone number|number|mobile|email|email address|instagram|facebook|details)|(?:phone|mobile|telephone) numbers?|email address(?:es)?|dates? of birth|bank details|national insurance (?:number|numbers)|names? and (?:home )?address(?:es)?|where (?:she|he|they) lives?)';
/** Details no one would ask of an organisation: a person's home, private or personal ones. */
const PERSONAL_DETAIL =
  '(?:(?:home |personal |private |mobile |current |new |forwarding )(?:address|addresses|postcode|phone|phone number|number|mobile|email|email address|instagram|facebook|details)|dates? of birth|bank details|national insurance (?:number|numbers))';
/** Benefits, accounts and standings a person has with the council. */
const STATUS =
  '(?:blue badge|council tax (?:support|reduction|discount|arrears)|housing benefit|benefits?|universal credit|arrears|a summons|on the (?:housing |waiting )?(?:register|list)|a parking permit|a licen[cs]e|applied for \\w+(?: \\w+)?|behind (?:on|with) (?:their |his |her )?(?:council tax|rent))';
/** The resident or their household: asking about them is their own business. */
const NOT_ME = '(?:(?!\\b(?:i|im|ive|we|my|our|me|us|mine)\\b).)';

const DATA: readonly RegExp[] = [
  // "the mobile number for the woman at 22 ...", "Councillor X's home postcode", "give me his name and address".
  new RegExp(`\\b${PRIVATE_DETAIL}\\b (?:of|for|linked to|belonging to|on)\\b.{0,12}\\b${OTHER_PERSON}\\b`),
  new RegExp(
    `\\b(?:his|her|their|(?!(?:councils|eastmeres)\\b)[a-z]+s) ${PERSONAL_DETAIL}\\b(?! (?:falls?|is|are|comes?|sits?) (?:in|into|under|within)\\b)`,
  ),
  new RegExp(
    // Not "do i need their name to complain": what a complaint about staff needs is the resident's question.
    `\\b(?:(?<!\\bdo )i want|(?<!\\bdo )i need|give me|tell me|send me|get me|let me have)\\b (?:his|her|their) (?:details|name|names|address|contact details|identity|number)\\b(?! (?:to|for|when|so i can) (?:complain|report|make a complaint|log a complaint|raise a complaint))`,
  ),
  // "which neighbour it was", "whoever reported my car", "the people who objected ... their details".
  /\b(?:which|what) (?:neighbou?r|resident|person|house|number|one of them|flat)\b.{0,20}\b(?:it was|reported|complained|made (?:the|a) (?:complaint|report)|objected|grassed)\b/,
  /\b(?:whoever|the (?:person|people|resident|residents|neighbou?r|neighbou?rs) (?:who|that))\b (?:\w+ )?(?:reported|complained|objected|made (?:the|a) (?:complaint|report)|grassed|rang|called)\b.{0,80}\b(?:details|name|names|address|who|identity|info|information|contact)\b/,
  // Whether another person has a benefit, badge, debt or claim.
  new RegExp(
    `\\b(?:check|confirm|tell me|find out|know|see|look up|ask)\\b (?:if|whether) ${NOT_ME}{0,40}\\b(?:has|have|is|are|gets?|getting|claims?|claiming|receives?|receiving|gone)\\b ${NOT_ME}{0,25}\\b${STATUS}`,
  ),
  new RegExp(
    `\\b(?:is|are|has|have) (?:number \\d+|no \\d+|\\d+ [a-z]+ (?:road|street|close|lane|avenue|crescent|way|drive|court)|the (?:family|people|woman|man|bloke|guy|lady) (?:at|in|next door)|(?:mr|mrs|ms|miss) [a-z]+)\\b.{0,30}\\b${STATUS}`,
  ),
  /\b(?:which|what) (?:flats|houses|homes|residents|people|tenants|households|families|properties)\b.{0,40}\b(?:are|is|were) (?:on|claiming|getting|receiving|in) (?:housing benefit|benefits?|universal credit|council tax support|arrears|the register)\b/,
  // Names of people the council houses or deals with.
  /\b(?:tell|give|send|list|show|name)\b (?:me |us )?(?:the |all the )?(?:names?|identities|addresses|details)\b (?:of )?(?:the |all the )?(?:families|residents|tenants|households|claimants|applicants|objectors|complainants|children|kids|people (?:placed|housed|living|staying|who))\b/,
  /\b(?:emails?|email addresses|phone numbers|mobile numbers|numbers|addresses|contact details|names|dates of birth)\b (?:of|for) (?:everyone|everybody|all (?:the )?(?:people|residents|tenants|applicants|claimants|members|households|staff|users))\b/,
  /\b(?:address|addresses|details|number|email|phone number)\b (?:you|the council|eastmere|we) (?:hold|have|keep|holds|has|keeps) (?:for|on) (?:a |the )?(?:mr|mrs|ms|miss|dr|my (?:tenant|ex|neighbou?r|lodger)|someone|somebody|him|her|them)\b/,
  /\b(?:pull|give me|tell me|read out|send me|what are|look up)\b(?!.{0,20}\b(?:councils?|your|eastmeres?) bank details\b).{0,20}\bbank details\b/,
  /\b(?:email|email address|phone|phone number|number|name|names|details|bank details|password)\b (?:is |are )?(?:linked to|registered to|attached to|on) (?:the )?(?:council tax |rent |housing )?(?:account|claim|record)s? (?:for|at|of) (?:number |no |flat )?\d+/,
  /\bwhat (?:complaints|reports)\b.{0,40}\b(?:made|filed|sent|put in)\b.{0,20}\babout (?:me|us|my family)\b/,
  /\b(?:check|confirm|tell me|find out|know|see|look up)\b (?:if|whether) (?:my |the |our )?(?:tenant|tenants|lodger|lodgers|neighbou?r|neighbou?rs|ex|ex \w+|flatmate|housemate|colleague)\b(?!.{0,60}\b(?:planning permission|planning|building regs|building regulations|building control|licen[cs]ed?|permission for)\b).{0,40}\b(?:has|have|is|are|gets?|getting|claims?|claiming|receives?|receiving|applied)\b/,
  // Internal systems, records and other people's chats.
  /\b(?:logins?|log ?in details|passwords?|credentials|usernames?) (?:for|to) (?:the )?(?:councils? )?(?:csa|staff|admin|internal|officer|officers|adviser|advisers|advisor|back ?office|crm|case management|console|intranet)\b/,
  /\b(?:dump|export|extract|download|pull|send me|give me|show me|paste|copy)\b.{0,40}\b(?:the \w+ table|tables?\b.{0,10}\bcolumns|crm (?:record|records|entry|entries|notes)|case notes|internal (?:notes|records|emails|memos|files)|chat logs|conversation logs|other (?:peoples |residents |users )?(?:chats|conversations|transcripts)|(?:chatbot|bot) (?:conversations|chats|logs|transcripts))\b/,
  /\b(?:case notes|internal notes|officers? notes|file notes)\b.{0,40}\b(?:about|on|for) (?:the |my )?(?:family|neighbou?rs?|tenant|man|woman|people|resident|household|\w+ at)\b/,
  /\b(?:look up|check|trace|run)\b.{0,20}\b(?:his|her|their|the|a)\b (?:reg|registration|number ?plate|plate|permit)\b.{0,40}\b(?:name|address|who|details|owner)\b/,
  /\b(?:on|in) (?:your|the council(?:s)?) (?:council tax |housing |benefit |electoral )?(?:records|system|database|files)\b.{0,40}\b(?:tell me|which town|where (?:he|she|they)|his address|her address|their address)\b/,
];

/** Ways of keeping an act from whoever would notice or stop it. */
const HIDDEN =
  /\b(?:without (?:anyone|anybody|them|him|her|the (?:\w+ ){0,2}(?:council|crews?|officers?|officer|neighbou?rs|landlord|police|dwp|inspectors?|wardens?|cameras))? ?(?:noticing|knowing|finding out|seeing|reporting|catching|tracing|clocking|spotting)|before (?:anyone|anybody|they|the council) (?:notices?|finds? out|catches on)|stop (?:the|my) (?:\w+ )?(?:officer|council|landlord|dwp|inspector|neighbou?rs?) (?:from )?finding out|so (?:nobody|no one|they dont|the council doesnt|it cant be) (?:knows?|finds? out|notices?|traced)|make it look (?:accidental|like an accident|older|old|like it|as if|real|genuine)|looks? (?:real|genuine|legit|official|convincing) enough|(?:fool|trick|get past|fool) the (?:traffic )?(?:wardens?|council|officers?|inspectors?|enforcement|housing officer|assessor|assessment|dwp)|get away with it|untraceable)\b/;
/** Leaving or escaping someone (a safety matter for the safety detector, never a harmful request). */
const LEAVING =
  /\b(?:(?:leave|leaving) (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|home)|home|the house)|escape|escaping|flee|fleeing|abusive|abuser|refuge|domestic abuse|safe from)\b/;
/** Asking about an act rather than telling of one: told-of harm with the hiding words taken out. */
const TOLD =
  /\b(?:report|reporting|reported|complain|complaint|crimestoppers|(?:someone|someones|somebody|they|theyre|he|hes|she|shes|my neighbou?rs?|neighbou?rs|next door) (?:has|have|is|are|keeps?|kept|tried|been|was|were))\b/;

const HARM: readonly RegExp[] = [
  // Fakes and forgeries of what proves something.
  /\b(?:need|want|make|print|printed|create|buy|order|knock up|produce|draft|generate|edit|photoshop|doctor|alter|change|backdate|where can i get|how (?:do|can|could) i (?:get|make))\b.{0,40}\b(?:fake|forged|counterfeit|false|backdated|doctored|fabricated)\b.{0,30}\b(?:bills?|utility bill|blue badge|badge|permits?|receipts?|payslips?|tenancy (?:agreement|agreements)|bank statements?|letters?|id|passport|certificates?|sick notes?|references?|photos?|reviews?|documents?|licen[cs]es?|proof)\b/,
  /\bchange (?:the |its |their )?expiry dates?\b/,
  /\b(?:alter|edit|photoshop|doctor|scratch out|rub out|tamper with|fiddle)\b.{0,20}\b(?:expiry date|date|dates|name|reg|registration)\b.{0,30}\b(?:on|of) (?:my |the |a |an |this )?(?:\w+ ){0,3}(?:blue badge|badge|permit|ticket|bill|licen[cs]e|certificate|payslip|letter)\b/,
  /\b(?:fake|pretend to have|exaggerate|put on|make up)\b (?:\w+ ){0,2}(?:symptoms|illness|disability|an injury|a limp|a condition|being (?:ill|disabled|homeless|single))\b|\bwhat (?:symptoms|condition|illness)\b.{0,20}\b(?:fake|pretend|say i have|claim)\b/,
  /\bfake (?:reviews?|accounts?|profiles?|complaints?)\b.{0,40}\b(?:saying|to send|to scare|to threaten|to message|about|against|from different)\b|\b(?:scare|frighten|intimidate|threaten)\b (?:her|him|them|the \w+|my neighbou?rs?) into\b/,
  /\b(?:spoof|spoofing|impersonat\w+)\b.{0,30}\b(?:council|number|phone|caller id|email|police|officer)\b|\b(?:pretending|pretend) to be (?:from )?(?:the )?(?:council|police|hmrc|dwp|bailiffs?|an? (?:\w+ )?officer)\b.{0,60}\b(?:pay|fee|account|bank|details|money|fine)\b/,
  /^(?!.*\b(?:safe|safely|dangerous|accident\w*|avoid)\b).*\b(?:mix|combine|make|brew)\b.{0,40}\b(?:toxic|poisonous|deadly|lethal|nerve) (?:gas|fumes|mixture|chemical|chemicals|substance|poison)\b/,
  /\b(?:guide|tips|how|ways?|help me|teach me|best way)\b.{0,30}\b(?:shoplift\w*|pickpocket\w*|burgle|burgling|mug (?:someone|people|a)|joyrid\w*|steal (?:from|a|cars?|bikes?|parcels?|catalytic)|nick (?:from|a|stuff))\b/,
  // Benefit and tenancy fraud.
  /\b(?:claim|get|receive)\b.{0,40}\bunder (?:two|2|different|a false|another|fake|a fake|someone elses) names?\b|\b(?:hide|hiding|conceal)\b (?:my |our )?(?:savings|income|money|earnings|capital|partner|boyfriend|girlfriend|lodger|second job)\b.{0,30}\b(?:from|so)\b/,
  /\b(?:sublet|sub let|airbnb|rent out)\b (?:my |our )?council (?:flat|house|home|property)\b/,
  /\b(?:died|passed away|passed|dead)\b.{0,80}\b(?:still (?:going|coming|being paid|paid)|keep (?:getting|claiming|receiving))\b|\bhow long can i\b.{0,40}\bbefore (?:anyone|anybody|they|the council|dwp)\b/,
  // Poisoning animals, arson, dumping, drugs, bribes, hate.
  /\b(?:set fire to|burn down|torch)\b|\bburn(?:ing)? (?:them|tyres|rubbish|waste|plastic|it all)\b/,
  /\b(?:cameras?|cctv)\b.{0,30}\b(?:switch|turn|go|are) off\b|\b(?:dump|tip|get shot of|fly ?tip)\b.{0,40}\b(?:next district|at night so|where no one|where nobody|without)\b/,
  /\b(?:cook|cooking|make|making|brew|synthesi[sz]e)\b (?:up )?(?:some )?(?:speed|meth|crystal meth|crack|amphetamines?|mdma|ecstasy|lsd|ghb)\b/,
  /\b(?:slip|bung|bribe|pay off|backhander|sweeten)\b.{0,30}\b(?:officer|inspector|planning|councillor|warden|assessor|council)\b|\blook the other way\b/,
  /\b(?:feel unwelcome|drive them out|get them out|make them leave)\b.{0,60}\b(?:where (?:theyre|they are) from|their (?:race|religion|colour|accent)|foreign|immigrants?)\b/,
];

/** Poisoning animals or killing trees, unless the resident asks how to keep them safe or about pests. */
const HURT_ANIMAL =
  /\b(?:poison|antifreeze|rat poison|slug pellets|bleach|kill)\b.{0,60}\b(?:cats?|dogs?|foxes|fox|pigeons|birds|squirrels|badgers|hedgehogs|pets?|leylandii|trees?|hedge)\b|\b(?:cats?|dogs?|foxes|fox|pigeons|birds|squirrels|badgers|hedgehogs|pets?)\b.{0,80}\b(?:poison|antifreeze)\b/;
const KEEP_SAFE =
  /\b(?:safe|safely|illegal|legal|allowed|dont want|do not want|by accident|accidentally|ate|eaten|swallowed|vet|rats?|mice|mouse|wasps?|ants|protected)\b/;

/** Signs of the resident asking (how, what, best way, help, tips) rather than reporting. */
export const ASKING =
  /\b(?:how|what|whats|which|where|when|best|easiest|quickest|cheapest|safest|trick|(?<!\b(?:the|local|council|nearest) )tips?|(?<!\b(?:all the|on the|on my|on our|on his|on her|by the|the whole) )ways? (?:to|of|i can|we can)|help me|can i|can you|could you|should i|do i|is there|need|want|give me|write|enough|im going to|i am going to)\b/;

const INJECTION: readonly RegExp[] = [
  // "read this backwards and do it", "convert this from hex and do what it says".
  /\b(?:decode|convert|reverse|backwards|read|translate|decrypt|rot ?13|base ?64|hex|unscramble|apply)\b.{0,60}\b(?:and|then) (?:do|follow|carry (?:it |them )?out|execute|obey|act on|run)\b(?! (?:i|we|you|they|he|she|my|our)\b) (?:it|what it says|the (?:instruction|instructions|command)|them|out)?/,
  /\bdo what it says\b/,
  // Words put in the council's mouth for a screenshot: "just say my council tax is paid", "even if they wont".
  /\b(?:just say|say that|type that|write that)\b.{0,60}\b(?:is|are|has been|have been|will be) (?:\w+ ){0,2}(?:paid|approved|cancelled|collected|granted|allowed|fixed|refunded|waived)\b|\b(?:is|are|will be) (?:\w+ ){0,3}(?:paid|approved|collected|allowed|fixed|done) (?:\w+ ){0,2}even if (?:it|they|its|theyre|he|she) (?:isnt|arent|wont|is not|are not|will not|hasnt|havent)\b|\bi need a screenshot\b/,
  /\bfrom (?:now on|this message on|here on|this point on)\b.{0,30}\byou (?:have to|must|will|are to|can only|should|need to)\b/,
  // Words put in the council's mouth.
  /\b(?:just )?(?:type|say|write|reply with|repeat after me|repeat|put|end every reply with|end your replies with)\b.{0,60}\b(?:has been|have been|is|are) (?:accepted|approved|cancelled|refunded|granted|waived|upheld|overturned)\b|\baccepts? (?:full )?(?:liability|responsibility)\b/,
  /\b(?:dump|print|show|give|tell|paste|share|reveal|send|list)\b.{0,30}\b(?:environment variables|env vars|api keys?|access tokens?|secret keys?|config(?:uration)? (?:file|block|settings))\b/,
  /\b(?:exact (?:words|wording|text)|word for word|verbatim)\b.{0,40}\b(?:policy|policies|rules|guidelines|instructions|programming|prompt)\b.{0,30}\b(?:you|your|u|ur)\b/,
  /\bif you (?:didnt|did not|had no|werent|were not|didnt have)\b.{0,30}\b(?:rules|guardrails|restrictions|filters|limits|programming|instructions|policies)\b/,
];

const OFF_TOPIC: readonly RegExp[] = [
  /\b(?:do|help with|finish|check|mark) (?:my|his|her|their) (?:\w+ )?(?:homework|coursework|assignment|essay|dissertation)\b|\b(?:gcse|a level|revision|exam)\b.{0,40}\b(?:summari[sz]e|explain|plot|themes|essay|poem|characters)\b|\b(?:summari[sz]e|explain) the plot\b/,
  // Explained as to a child: unless it is a council matter the resident wants made plain ("council tax bands").
  /^(?!.*\b(?:council|bin|bins|benefits?|rent|housing|parking|planning|permit|licen[cs]e|bill|letter|form)\b).*\blike (?:im|i am) (?:five|5|a child|a kid|ten|10)\b/,
  /\bplan (?:my|our) (?:\w+ ){0,2}(?:holiday|trip|wedding|birthday|honeymoon|day out|hen do|stag do)\b|\bwhich (?:\w+ )?(?:team|club|phone|car|laptop|tv|console) should i (?:support|back|buy|choose|pick|get)\b|\bhelp me (?:revise|study|prepare) for (?:my|an?|the) (?:\w+ ){0,2}(?:test|exam|exams|quiz)\b|\bexplain (?:\w+ ){0,2}(?:bitcoin|crypto\w*|blockchain|the stock market|inflation|quantum \w+|black holes|photosynthesis|the offside rule)\b/,
  /\b(?:worth it|better) (?:over|than)\b.{0,40}\b(?:iphone|samsung|pixel|xbox|playstation|ps5|laptop|tv|macbook|android)\b|\b(?:proper|honest|full) review\b/,
  /\b(?:fantasy football|captain pick|betting tips?|accumulator|horoscope|lottery numbers|football scores?|who will win the)\b/,
  /\b(?:names|slogans?|taglines?) for (?:my|a|our) (?:\w+ ){0,3}(?:business|company|van|shop|brand|startup|band|podcast)\b|\bbusiness names\b/,
  /\byour (?:own |honest )?(?:opinion|view|take)\b.{0,40}\b(?:mp|councillor|government|party|election|prime minister|politician|leader)\b|\b(?:mp|councillor|prime minister|government|leader)\b.{0,60}\byour (?:own |honest )?(?:opinion|view|take)\b|\bshould (?:we|i|people) (?:get rid of|vote out|kick out|re ?elect)\b/,
];

const ANY_DATA = anyOf(DATA);
const ANY_HARM = anyOf(HARM);
const ANY_INJECTION = anyOf(INJECTION);
const ANY_OFF_TOPIC = anyOf(OFF_TOPIC);

/** The first broad concept a normalised message meets, or undefined. */
export function matchBroadConcepts(normalised: string): DeclineReason | undefined {
  if (ANY_INJECTION.test(normalised)) return 'injection';
  if (ANY_DATA.test(normalised)) return 'dataExfiltration';
  if (isHarmfulAsk(normalised)) return 'harmful';
  if (ANY_OFF_TOPIC.test(normalised)) return 'offTopicGeneration';
  return undefined;
}

function isHarmfulAsk(normalised: string): boolean {
  if (LEAVING.test(normalised)) return false;
  const hidden = HIDDEN.test(normalised);
  const animal = HURT_ANIMAL.test(normalised) && !KEEP_SAFE.test(normalised) && !MEANS_NO_HARM.test(normalised);
  if (!hidden && !animal && !ANY_HARM.test(normalised)) return false;
  // "without anyone reporting it" is part of the act asked about, not a report.
  if (TOLD.test(hidden ? normalised.replace(HIDDEN, ' ') : normalised)) return false;
  return ASKING.test(normalised);
}
