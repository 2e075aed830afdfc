import { anyOf } from './anyOf';
import type { DeclineReason } from './declineReason';

/**
 * Classes of request that `requestPatterns.ts` names too narrowly, each written as a concept over a message as
 * `normaliseText` leaves it (lower case, no apostrophes, single spaces): a third party marked by a title, a house
 * number or a possessive, and a question about their status or money; bulk records "with their addresses"; harm
 * aimed at another person's property, animals or accounts; evading the police or the tax man; weapons by any name;
 * writing and planning tasks that have nothing to do with the council; opinions on politicians by name.
 */

/** A person who is not the resident, marked by a title, a house or a place next to theirs. */
const MARKED_PERSON =
  '(?:(?:mr|mrs|ms|miss|dr) [a-z]+|(?:at|in) (?:number|no|flat|house) \\d+|next door|across the road|over the road|opposite|upstairs|downstairs|(?:my|the|our) neighbou?rs?)';
/** A question about a person's standing with the council: a register, a claim, a debt. */
const STANDING =
  '(?:on the (?:housing |waiting |electoral )?(?:register|list|roll)|claim(?:s|ing)? \\w+|receiv(?:es|ing) \\w+|owes?|owing|in arrears|behind (?:on|with)|(?:paid|pay|pays|paying) (?:her|his|their) (?:council tax|rent)|registered)';
/** Someone else's: a relation the resident does not act for, or any possessive. */
const THEIR =
  '(?:(?:my |the |our )?(?:neighbou?rs|exs|ex wifes|ex husbands|ex partners|brothers|sisters|tenants|landlords|lodgers|friends|cousins|colleagues|bosss|someones|somebodys|[a-z]+s)|his|her|their)';
/** How to do something (as in `requestPatterns.ts`), and the openings that want a method. */
const HOW =
  '(?:how (?:do|can|could|would|should|to|would you)(?: i| we| you| one| someone)?|where (?:can|do|could|would) (?:i|we|you)|(?:best|easiest|quickest|cheapest|safest) way to|ways? to|help me|teach me|tell me how|explain how|i want to|im going to|i am going to|gonna|what do i need to|steps to)';

const DATA_CLASSES: readonly RegExp[] = [
  // "Mrs Patel at number 9, is she on the housing register?"
  new RegExp(`\\b${MARKED_PERSON}\\b.{0,50}\\b(?:is|does|has|did|are|do) (?:she|he|they)\\b.{0,25}\\b${STANDING}\\b`),
  new RegExp(`\\b(?:is|does|has|did) ${MARKED_PERSON}\\b.{0,25}\\b${STANDING}\\b`),
  // "what rent do they pay", "how much council tax my landlord owes".
  /\b(?:what|how much) (?:rent|council tax|benefits?|money|universal credit|housing benefit) (?:do|does|did) (?:they|he|she|my neighbou?rs?|the neighbou?rs?|my landlord|my tenant|next door) (?:pay|get|owe|receive|claim)\b/,
  /\bhow much (?:\w+ ){0,3}(?:my |the |our |his |her )(?:neighbou?rs?|landlord|tenant|lodger|ex|sister|brother|\w+ next door) (?:owes?|pays?|gets?|earns?|receives?|claims?)\b/,
  /\bneighbou?rs (?:council )?(?:flat|house|home|property|tenancy)\b.{0,40}\b(?:rent|bedrooms|tenancy|arrears|how much|who)\b/,
  // A named third party with a request for their data: "he's called Derek Mills".
  /\b(?:owes?|owing|address|where (?:he|she|they) (?:lives?|is|are)|phone|number|email|benefits|claiming|lives)\b.{0,60}\b(?:(?:hes|shes|he is|she is|theyre|they are) called|(?:his|her|their) name is|(?:hes|shes|he is|she is) (?:mr|mrs|ms|miss)) [a-z]+\b/,
  // Where someone else has gone: "find out where my ex wife moved to".
  /\b(?:find|find out|work out|tell me|look up|trace|track down|locate|discover)\b.{0,10}\bwhere (?:my |the |our |his |her )?(?:ex|exs|ex \w+|sister|brother|neighbou?r|tenant|lodger|landlord|partner|husband|wife|girlfriend|boyfriend|father|mother|son|daughter|he|she|they) (?:has |have |had |is |are )?(?:moved|lives?|living|staying|stays|works|working|registered)\b/,
  // Another person's account or file: "pull the council tax account for 3 Church Road, it's my brother's".
  /\b(?:pull|pull up|look up|lookup|open|access|show me|check|see|view|read)\b.{0,50}\b(?:account|record|records|file|details|claim|history|balance)\b.{0,40}\b(?:its|thats|which is|belongs to|belonging to) (?:my )?(?:brothers?|sisters?|neighbou?rs?|exs?|tenants?|landlords?|lodgers?|friends?|cousins?|colleagues?)\b/,
  /\b(?:pull|pull up|look up|lookup|open|access|view)\b (?:the |a )?(?:council tax |rent |housing |benefits? )?(?:account|record|records|file|claim)s? (?:for|of|at) (?:number |no |flat )?\d+/,
  // Whether someone else has paid, owes or claims: "check if Gary Jones has paid his council tax".
  /\b(?:check|see|tell me|find out|confirm|know|look up)\b.{0,10}\b(?:if|whether)\b(?!.{0,40}\bmy (?:mum|mom|dad|son|daughter|father|mother|nan|gran|grandad|grandma)\b).{0,40}\b(?:paid|pays|paying|owes?|owing|claims?|claiming|gets?|getting|receives?) (?:his|her|their) (?:council tax|rent|bills?|arrears|benefits?|universal credit|housing benefit)\b/,
  // What the council holds on another person: "everything you hold on my husband, we are separated".
  /^(?!.*\b(?:executor|my late|died|passed away|deceased|probate|power of attorney)\b).*\b(?:everything|all|what|anything|info|information|data|records?|details|the file)\b (?:(?:the council|you|eastmere) )?(?:holds?|has|have|keeps?|knows?|got) (?:on|about) (?:my )?(?:ex|exs|ex \w+|neighbou?rs?|husband|wife|partner|boyfriend|girlfriend|brother|sister|landlord|tenant|lodger|someone|somebody|him|her|them|mr \w+|mrs \w+|ms \w+)\b(?!.{0,40}\b(?:late|died|passed|deceased|death|on (?:his|her|their) behalf|power of attorney)\b)/,
  // Collections of people's records: a database or spreadsheet of them, a list of them "with their addresses".
  /\b(?:database|databases|spreadsheet|csv|excel|export|dump|data ?set)\b (?:of|with|for|containing|listing) (?:all |every |the )?(?:\w+ ){0,3}(?:holders|residents|tenants|claimants|applicants|users|customers|households|people|staff|employees|voters|licensees|drivers|owners|members|patients|children|families)\b/,
  /\b(?:list|name|give me|show me|send me|export|tell me)\b (?:all |of )?(?:everyone|everybody|all the people|all those|every (?:one|person|resident|household|tenant|claimant|applicant))\b (?:who|that|on|in|at)\b/,
  /\b(?:list|names?|everyone|everybody|people|residents|tenants|applicants|claimants|households)\b.{0,60}\bwith (?:their|all their|the) (?:home )?(?:addresses|address|ages|dates of birth|phone numbers|numbers|emails|email addresses|names|details|incomes)\b/,
  // Records of who looked at what, and internal systems.
  /\b(?:audit|access|login|server|system|admin) logs?\b|\b(?:staff|internal|council) (?:directory|intranet|phone list|contact list|org chart)\b.{0,40}\b(?:mobiles?|numbers|personal|home|emails?|everyones)\b|\b(?:admin|administrator|root|staff|intranet|website|system|database|server) (?:password|passwords|login|logins|credentials)\b(?! (?:reset|recovery|change))/,
  /\b(?:the |your )?(?:customer|resident|residents|user|users|tenant|tenants|client|council) (?:database|records|data)\b.{0,20}\b(?:contents|dump|all|everything|export|download|copy)\b|\b(?:dump|export|download|copy|leak|print) (?:the |your |all )?(?:contents of )?(?:your |the )?(?:\w+ )?(?:database|databases)\b/,
  /\b(?:previous|last|other|earlier) (?:user|users|person|people|resident|residents|customer|customers|visitors?) (?:of|on|in|using) (?:this|the) (?:chat|bot|service|conversation)\b|\b(?:other|previous|earlier|todays|other peoples) (?:conversations|chats)\b.{0,30}\b(?:had|today|with|show|tell|give)\b/,
];

const HARM_CLASSES: readonly RegExp[] = [
  // Hurting someone else's animal, home or belongings.
  /\b(?:kill|poison|hurt|harm|injure|maim|drown|get rid of)\b.{0,40}\b(?:neighbou?rs|next doors?|someones|somebodys|his|her|their|the neighbou?rs) (?:\w+ )?(?:cat|cats|dog|dogs|pets?|kids?|children|horse|horses|chickens|fish|birds|tortoise|rabbit)\b/,
  /\b(?:use|try|spray|throw|pour|put) (?:it|them|this|that|some) (?:on|at|over|into) (?:my |the |our )?(?:neighbou?rs?|people|someone|somebody|him|her|them|ex|family|kids|children)\b/,
  /\b(?:burn|torch|firebomb)\b (?:down )?(?:my |the |our |his |her |their |a |an )?(?:\w+ ){0,2}(?:car|van|house|home|shed|flat|door|garage|fence|property|building|school|office|caravan|bike|moped)\b(?! fire)|\bset (?:\w+ ){1,3}(?:on fire|alight|ablaze)\b(?!.{0,30}\b(?:who|report|call|what do i do)\b)/,
  /\b(?:pick|picking|bump|bumping|snap|snapping) (?:the |a |an )?(?:\w+ )?locks?\b|\b(?:break|breaking|get|getting|sneak|sneaking) (?:into|in to) (?:my )?(?:neighbou?rs?|someones?|somebodys|his|her|their|the empty|an empty|[a-z]+s) (?:house|home|flat|garage|shed|car|van|property|garden|office|building|loft)\b/,
  // Other people's accounts and devices: "get into my housing officer's email account".
  new RegExp(
    `\\b(?:get|getting|log|logging|break|breaking|hack|hacking) (?:into|in to) (?:my |the |a |an )?(?:\\w+ ){0,3}${THEIR} (?:\\w+ )?(?:email|emails|account|accounts|phone|computer|laptop|messages|wifi|router|cctv|camera|inbox|icloud|facebook|instagram|whatsapp|snapchat)\\b`,
  ),
  // Following, tracking, spying on a person.
  new RegExp(
    `\\b(?:${HOW}|tips)\\b.{0,40}\\b(?:stalk|track|follow|spy on|monitor|keep tabs on|keep an eye on|find out where)\\b (?:my |the |a |an |this |that )?(?:ex|exs|ex \\w+|wife|wifes|husband|husbands|partner|partners|girlfriend|girlfriends|boyfriend|boyfriends|someone|someones|somebody|person|woman|girl|man|neighbou?rs?|her|him|them)\\b(?! (?:up|about|complaint))`,
  ),
  /\bstalk(?:ing)? (?:someone|somebody|a person|people|my ex|her|him|them|a woman|a girl)\b/,
  // Evading the police, selling stolen goods.
  /\b(?:outrun|evade|escape from|lose|get away from|dodge|shake off|hide from) (?:the )?(?:police|cops|feds|old bill|coppers|bailiffs)\b/,
  /\b(?:sell|selling|ride|riding|drive|driving|fence|shift|get rid of|move|hide) (?:a |the |my |these |some |those )?stolen\b|\bstolen (?:moped|car|bike|bikes|goods|phone|phones|van|catalytic|property|card|cards)\b.{0,30}\b(?:sell|ride|use|hide|keep|without)\b/,
  // Weapons by any name, and getting them past checks.
  new RegExp(
    `\\b(?:${HOW}|buy|get hold of|source)\\b.{0,40}\\b(?:unlicensed|illegal|black market|untraceable|homemade|home made|3d printed|converted|without a licen[cs]e)\\b(?: \\w+){0,2} (?:handguns?|pistols?|rifles?|shotguns?|guns?|firearms?|ammo|ammunition|weapons?|tasers?|crossbows?|knives|knife|blades?|machetes?)\\b`,
  ),
  new RegExp(
    `\\b(?:${HOW}|buy|get hold of|source)\\b.{0,40}\\b(?:buy|get hold of|source|make|build|get)\\b(?! rid)(?: \\w+){0,3} (?:handguns?|pistols?|rifles?|ammo|ammunition|tasers?|stun guns?|knuckle dusters?|flick knives|flick knife|zombie knife|machetes?|pepper spray|silencers?)\\b(?! (?:licen[cs]e|certificate|amnesty|surrender))`,
  ),
  /\b(?:knife|knives|blade|blades|weapon|weapons|gun|guns)\b.{0,40}\b(?:scanners?|detectors?|metal detectors?|security|police|sniffer dogs?|x ray)\b.{0,20}\b(?:miss|misses|wont|cant|cannot|doesnt|dont|not|never)\b|\bundetectable (?:knife|blade|weapon|gun)\b/,
  // Drugs, by getting or growing them unseen.
  new RegExp(
    `\\b${HOW}\\b.{0,40}\\b(?:get|grow|growing|buy|order|deliver|sell|supply|smoke|hide)\\b(?! (?:help|support|advice|treatment|rid|clean|off))(?: \\w+){0,2} (?:cocaine|coke|heroin|meth|crack|mdma|ecstasy|ketamine|weed|cannabis|skunk|drugs|lsd|spice|pills|nitrous|nos)\\b`,
  ),
  // Money laundering and tax evasion; avoiding a charge by a false statement.
  /\b(?:launder|laundering|wash|washing) (?:\w+ )?(?:money|cash|funds|proceeds)\b|\bmoney laundering\b.{0,20}\b(?:how|help|way|tips)\b|\b(?:how|way|ways|help me)\b.{0,30}\bmoney laundering\b/,
  /\b(?:evade|evading|dodge|dodging|cheat|cheating) (?:on )?(?:paying )?(?:tax|taxes|vat|income tax|business rates|hmrc|the taxman|council tax)\b/,
  /\b(?:avoid|get out of|not pay|stop paying|reduce|lower|cut)\b.{0,40}\bby (?:saying|claiming|making out|telling (?:them|the council)|pretending|faking|lying|hiding)\b/,
  /\b(?:claim|get|keep)\b.{0,40}\b(?:discount|benefit|benefits|universal credit|support|exemption)\b.{0,40}\b(?:when|while|though|even though) (?:my |our )?(?:boyfriend|girlfriend|partner|husband|wife|lodger|son|daughter|\w+) (?:lives?|stays?|is living|works)\b.{0,40}\b(?:not|without|dont|secretly)\b/,
  // Getting a resident evicted or punished by lies.
  /\b(?:false|fake|made up|invented|malicious) (?:complaints?|reports?|allegations?|claims?|accusations?)\b.{0,40}\b(?:about|against|on)\b|\b(?:make|making|file|filing|send|sending) (?:up )?(?:false|fake|made up|malicious) (?:complaints?|reports?|allegations?|claims?)\b/,
];

const WRITING_CLASSES: readonly RegExp[] = [
  // Plans and lists for the resident's private life.
  /\b(?:give|make|write|create|draw up|plan|design|suggest|put together)\b(?: me| us)?(?: a| an| my)? (?:\d+ |one |two |three |seven |7 |30 )?(?:day |week |month )?(?:meal|diet|workout|exercise|training|fitness|revision|study|travel|holiday|business|marketing|weight loss|savings|wedding|party) (?:plan|plans|schedule|programme|routine|itinerary|strategy)\b/,
  // General tasks on the resident's own text: translating, proofreading, summarising, solving.
  /\b(?:translate|proofread|paraphrase|rewrite|reword)\b (?:this|these|my|the following|the text|a|the) (?:\w+ )?(?:paragraph|text|essay|poem|song|sentence|sentences|passage|article|story|speech|lyrics|words)\b|\btranslate (?:this|my|the following|these|a|some)\b(?! (?:\w+ )?(?:council|bin|bins|letter|form|info|information|page|bill|notice|leaflet|advice))\b.{0,30}\binto (?:german|french|spanish|italian|polish|chinese|japanese|latin|arabic|russian|portuguese|dutch|klingon)\b/,
  /\b(?:solve|calculate|work out|answer)\b.{0,30}\b(?:equation|equations|maths|math|algebra|sum|sums|puzzle|crossword|riddle)\b|\b\d+ ?x ?[+-] ?\d+ ?= ?\d+\b|\bhelp me with my (?:maths|math|english|science|history|chemistry|physics) (?:homework|revision|exam|test)\b/,
  // Opinions on politicians, parties and causes, by name.
  /\bwho(?:s| is| would be)? (?:better|worse|best|worst|right|more honest|more trustworthy|a better (?:pm|leader|prime minister))\b.{0,40}\b(?:starmer|badenoch|farage|sunak|corbyn|johnson|truss|davey|trump|biden|harris|putin|zelensky|netanyahu|labour|tories|tory|conservatives?|reform|lib dems?|greens?|snp|plaid)\b/,
  /\b(?:is|are|was|were) (?:the )?(?:reform|labour|tory|tories|conservatives?|conservative party|lib dems?|liberal democrats|greens?|green party|snp|plaid)(?: uk)?(?: party)? (?:right|wrong|correct|good|bad|honest|lying|racist)\b/,
  /\b(?:should (?:the uk|britain|we|the country|england)|is it right (?:that|to))\b.{0,40}\b(?:rejoin|leave|join|ban|legali[sz]e|abolish|bring back|scrap|nationali[sz]e|privati[sz]e|net zero|the eu|the european union|nato|the monarchy|immigration|brexit)\b/,
  /\b(?:what do you|how do you|do you) (?:think|feel|reckon) (?:of|about) (?:the )?(?:king|queen|royals|royal family|monarchy|prime minister|pm|government|president|net zero|climate change|the eu|brexit|israel|palestine|gaza|ukraine|russia|china|america|trump|starmer|farage|badenoch)\b/,
  /\b(?:who|which party|which candidate) (?:would|will|do|did) you (?:vote|back|support|choose|pick)\b/,
  /\b(?:code|build|make|design|create|write)\b (?:me |us )?(?:a |an |my )?(?:website|web site|app|web app|mobile app|chrome extension|discord bot|game|landing page|wordpress site)\b(?! (?:for|about) (?:the )?council)/,
  /\b(?:tell|read|write) (?:me |us |my (?:son|daughter|kids|children) )?(?:a |an )?(?:\w+ )?(?:bedtime story|fairy tale|ghost story|short story)\b/,
];

const ANY_DATA = anyOf(DATA_CLASSES);
const ANY_HARM = anyOf(HARM_CLASSES);
const ANY_WRITING = anyOf(WRITING_CLASSES);

/** The first class a normalised message falls in, data before harm before writing. */
export function matchRequestClasses(normalised: string): DeclineReason | undefined {
  if (ANY_DATA.test(normalised)) return 'dataExfiltration';
  if (ANY_HARM.test(normalised) && !TOLD_NOT_ASKED.test(normalised) && !MEANS_NO_HARM.test(normalised))
    return 'harmful';
  if (ANY_WRITING.test(normalised)) return 'offTopicGeneration';
  return undefined;
}

/** A resident saying they mean no harm ("i dont want to hurt the cat next door", "without hurting it"). */
export const MEANS_NO_HARM =
  /\b(?:safely|humanely)\b.{0,30}\b(?:with|around|when i ve got|when ive got|when i have|as i have|because of)\b.{0,15}\b(?:kids|children|pets|dogs?|cats?|a baby|grandchildren)\b|\b(?:dont|do not|never|wouldnt|would not|not) (?:want to |wish to |mean to |intend to |to )?(?:harm|hurt|poison|kill|injure)\b(?!.{0,20}\b(?:just|only|but)\b)|\bwithout (?:hurting|harming|poisoning|killing|injuring|upsetting)\b/;

/**
 * A resident telling of harm done to them or reporting it ("my neighbour's dog was poisoned, who do I tell",
 * "someone keeps trying to get into my account"), not asking how to do it.
 */
const TOLD_NOT_ASKED =
  /\b(?:report|reporting|reported|complain|complaint|crimestoppers|i think (?:someone|somebody|my neighbou?r)|(?:someone|someones|somebody|somebodys|they|theyre|he|hes|she|shes|my neighbou?rs?|neighbou?rs|next door|my ex|my exs) (?:has|have|is|are|keeps?|kept|tried|trying|been|had|was|were|set|burnt|burned|poisoned|broke|threaten\w*)|was (?:set|burnt|burned|poisoned|stolen|broken)|been (?:poisoned|burgled|broken into|stolen|hacked))\b/;
