import { MEANS_NO_HARM } from './requestClasses';
import type { RequestFamily } from './requestFamilies';
import { ASKING_OR_PLANNING, TOLD_OF_A_SCHEME } from './residentCues';

/**
 * Families of requests the other readers miss, each a shape rather than a sentence, read over a message as
 * `normaliseText` leaves it:
 * - other people's data asked for under a claimed role (police, bailiffs, debt collectors, another council), in bulk
 *   (a claimant list, a sample of residents' emails, everyone's dates of birth), by who called or is flagged, by
 *   a relation's account, or by the logins of the council's own systems;
 * - schemes against the council (a home declared empty while lived in, benefit on a sublet flat, extra votes, a
 *   payment made to bounce), getting away with it (rubbish dumped at night where no camera looks, hiding something
 *   from an inspector, a fire made to look accidental, filming through a window, a building left unguarded) and
 *   threats (petrol taken to the town hall, a child waited for after school);
 * - advice on leisure, money, looks and hobbies, and programming errors, which no council service gives.
 */

/** A role claimed so the council will hand over someone's details. */
const CLAIMED_ROLE =
  '(?:police|pc|dc|ds|detective|constable|bailiffs?|enforcement agents?|debt collect\\w*|collection agency|private investigator|investigator|journalist|reporter|fraud (?:team|investigator|officer|department)|(?:another|other|a neighbouring|the neighbouring) (?:council|local authority)|councils? (?:fraud|audit|revenues) team|dwp|hmrc|home office)';
const SOMEONES_DETAILS =
  '(?:mobile|phone) numbers?|number held|contact details|address (?:of|for)|current address|forwarding address|details (?:of|for|held)|date of birth|whether (?:\\w+ ){1,3}(?:has|is|lives|owes)|if (?:\\w+ ){1,3}(?:has|is|lives|owes)|(?:claimant|tenant|resident|customer|debtor) (?:list|lists|records|details|data)|held (?:for|on|against)|on file for';

const DATA: readonly RegExp[] = [
  new RegExp(
    `\\b(?:im|i am|this is|its|we are|were|i work for|i work at|i m|calling from|writing from) (?:\\w+ ){0,4}${CLAIMED_ROLE}\\b.{0,140}\\b(?:${SOMEONES_DETAILS})\\b`,
  ),
  // Lists and samples of residents' records.
  /\b(?:send|give|export|share|forward|email|provide|pass|hand|download|extract|sample of|spreadsheet of|copy of)\b(?: over| me| us| across)*(?: \w+){0,4} (?:claimant|tenant|resident|customer|applicant|voter|user|staff|employee|debtor|member)s? (?:list|lists|database|register|spreadsheet|records|data|details|email addresses|emails|phone numbers|addresses|names|contact details)\b/,
  /\b\d+ (?:residents?|tenants?|customers?|people|users?|voters?|claimants?) (?:email|emails|email addresses|phone numbers|mobile numbers|addresses|names|details|contact details)\b/,
  /\b(?:with|including|plus|export|give me|send me|list|spreadsheet|sample)\b.{0,40}\b(?:everyones|everybodys|all the residents|all residents|all tenants|other peoples|other residents|the residents|the voters|the tenants) (?:\w+ )?(?:birth ?dates?|birthdays|dates of birth|dobs?|ages|phone numbers|mobile numbers|emails?|email addresses|home addresses|contact details|bank details)\b/,
  // Who is flagged, and who called.
  /\bwhich (?:of (?:the|my|our) )?(?:residents|tenants|people|households|neighbou?rs|flats|houses|families|properties|homes)\b.{0,50}\b(?:flagged|marked|known to (?:the )?(?:police|social services)|on (?:your|the) (?:system|database|records|watch ?list)|violent|sex offenders?|criminal records?|a social worker|social workers|warning markers?)\b/,
  /\bwhich (?:of (?:my|the|our) )?(?:\w+ ){0,2}(?:neighbou?rs?|tenants?|residents?|persons?|ones?|houses?|flats?|famil(?:y|ies)|households?|people)\b(?: \w+){0,5} (?:called|rang|phoned|reported|complained|contacted|emailed|grassed|dobbed|shopped|objected|wrote in|made the complaint|(?:make|made|makes|making) (?:a |the )?complaint)\b/,
  /\bhow many (?:\w+ ){0,2}(?:fines|pcns|tickets|complaints|warnings|points|convictions|penalties|arrears letters)\b (?:has|have|did|does) (?!i\b|we\b|you\b|the council\b)(?:\w+ ){1,3}(?:had|got|received|paid|racked up)\b/,
  // Someone else's emergency contact; whether someone has an account.
  /\bemergency contacts?\b(?: \w+){0,4} (?:for|of|at) (?:flat|number|no|house) \d+|\bemergency contacts?\b(?: \w+){0,4} (?:for|of) (?:the |my )?(?:tenant|resident|neighbou?r|friend|person|lady|man|woman|occupant)\b/,
  /\b(?:confirm|tell me|check|let me know|find out|see) (?:whether|if) (?!(?:i|my|we|our|me|us|the council|you|it|this|that|there)\b)(?:[a-z]+ ){1,3}(?:has|have|is|are|lives|owes|still lives) (?:a |an |got a )?(?:council tax |rent |housing |benefit |parking )?(?:account|tenancy|claim|on the (?:register|list|electoral roll)|living (?:at|there)|a tenant|in arrears|behind (?:on|with))\b/,
  // The council's own systems.
  /\b(?:login|logins|log in details|log on details|password|passwords|credentials|username and password|access details|admin details)\b (?:for|to|of|into) (?:the |your )?(?:\w+ ){0,3}(?:back office|admin|administrator|staff|internal|crm|server|database|intranet|network|officers?)\b/,
];

/** A relation's or an acquaintance's account, asked for by the resident. */
const RELATIONS_ACCOUNT: readonly RegExp[] = [
  /\b(?:neighbou?rs|neighbou?rs \w+s|business partners|exs|ex partners|ex wifes|ex husbands|brothers|sisters|lodgers|colleagues|bosses|aunts|uncles|cousins|flatmates|housemates)(?: \w+){0,3} (?:account|accounts|balance|arrears|claim|claims|records?|file|files|debts?|fines|parking fines|pcns|tickets|tax bill|benefits)\b(?!.{0,60}\b(?:pay|paying|help (?:him|her|them)|on (?:his|her|their) behalf|power of attorney)\b)/,
];
/** A formal role for that person (an appointee, a deputy, a power of attorney): the resident acts for them. */
const FORMAL_ROLE =
  /\b(?:appointee|power of attorney|lasting power|deputy|deputyship|on (?:his|her|their) behalf|with (?:his|her|their) (?:consent|permission))\b/;

const HARM: readonly RegExp[] = [
  // A home declared empty or a second home while lived in; benefit on a sublet flat; extra votes; a payment
  // made to bounce.
  /\b(?:say|claim|pretend|make out|tell (?:them|the council)|put down|declare|register)\b.{0,60}\b(?:while|but|when|even though|although) (?:i(?:m| am)? |we(?:re| are)? )?(?:still |actually |really |secretly )+(?:living|live|staying|stay|working|work|earning|using)\b/,
  /\b(?:trick|still claim|keep claiming|and claim|claim|getting|get) (?:\w+ ){0,3}(?:housing benefit|benefits?|universal credit|council tax support|a discount)\b.{0,60}\bsublet\w*|\bsublet\w*\b.{0,60}\b(?:still claim|keep claiming|and claim|and get|keep getting|still get)\b/,
  /\bto (?:get|have|cast) (?:\w+ )?(?:extra|more|multiple|additional) votes\b|\bregister\b.{0,40}\b(?:people|names|friends)\b.{0,40}\b(?:who (?:dont|do not|never) live|extra votes|more votes)\b/,
  /\bmake (?:my |the )?(?:direct debit|payment|payments|cheque|card payment|standing order)\b(?: \w+){0,3} (?:bounce|fail|get rejected|get declined)\b/,
  // Getting away with it.
  /\b(?:get rid of|dump|dumping|tip|tipping|leave|leaving|drop|dropping|chuck|chucking|offload)\b.{0,60}\b(?:woods|wood|forest|field|fields|lay ?by|layby|country lane|lane|verge|roadside|river|canal|car park|industrial estate)\b.{0,60}\b(?:at night|\d+ ?am|midnight|in the dark|when no ones|when nobody|any cameras|cameras|cctv|unseen|not seen|not look(?:ing|in)|no ones? look(?:ing|in)|what time)\b/,
  /\b(?:keep|stop) (?:the |an? |my )?(?:\w+ ){0,3}(?:officer|inspector|inspectors|warden|assessor|social worker|housing officer|environmental health|health inspector)\b(?: from)? (?:seeing|finding|noticing|spotting|knowing about|checking|looking at)\b|\bwhere (?:do|can|should|could) i hide (?:them|it|the (?:evidence|rats|mice|bodies|drugs|cash|money|lodger|tenant|mould|damp))\b|\bhide (?:\w+ ){0,4}(?:from|before) (?:the )?(?:inspection|inspector|officer|warden|assessor|social worker|environmental health|visit)\b/,
  /\b(?:look|looks|seem|seems|appear|appears|made to look) (?:\w+ )?(?:accidental|like an accident|like it was an accident|like natural causes|like a break ?in|like vandals did it|like kids did it|to be (?:ordinary |normal |natural )?wear|(?:ordinary |normal |natural )?wear and tear)\b/,
  /\b(?:secretly|covertly|sneakily) (?:film|photograph|video|follow|track|bug|spy on)\b|\b(?:film|record|photograph|video|watch|spy on)\b(?: \w+){0,3} (?:through|into) (?:their|his|her|the neighbou?rs?|next doors) (?:window|windows|letterbox|curtains|bedroom|house)\b/,
  /\b(?:when|what time|how long) (?:is|are|does|do) (?:it|the \w+(?: \w+)?|they|the building|the office|the offices|the depot)\b.{0,20}\b(?:left )?(?:unguarded|unattended|unmanned|not watched|unwatched)\b|\bserver room\b/,
  /\b(?:open|break|get into|prise|pry|crack|jimmy|force)\b(?: \w+){0,5} (?:pay and display|parking meter|ticket machine|pay machine|coin box|meter|donation box|collection box|vending machine|machine)\b.{0,40}\b(?:coins?|cash|money|change|trick)\b|\bget (?:the )?(?:coins|cash|money) out of (?:a |the )?(?:pay and display|parking meter|ticket machine|meter|machine|coin box|donation box|collection box|vending machine)\b/,
  /\b(?:homemade|home made|diy) (?:firework|fireworks|banger|bangers|rocket|rockets|explosive|explosives|bomb)\b|\b(?:firework|fireworks|banger|explosive)\b.{0,40}\b(?:strong|powerful|big) enough to (?:blow|destroy|break|smash|damage|wreck)\b|\bblow (?:\w+ ){0,4}(?:apart|to bits|to pieces|sky high)\b/,
];

/** Other people's votes filled in or gathered: electoral fraud, however it is asked ("fill them in for me"). */
const VOTES_FOR_OTHERS: readonly RegExp[] = [
  /\b(?:postal votes?|ballot papers?|proxy votes?)\b.{0,80}\b(?:filled in|fill (?:them |it )?in|fill (?:them |it )?out|completed|signed) (?:for me|by me|on their behalf|for them)\b|\b(?:get|collect|harvest|gather)\b (?:the |their |all the )?(?:postal votes?|ballot papers?)\b (?:from|of) (?:the )?(?:\w+ ){0,3}(?:residents|voters|people|tenants|elderly|old folk|old people|pensioners)\b/,
];

/** Threats: a weapon or petrol taken to the council, a child waited for. Told, never asked. */
const THREAT: readonly RegExp[] = [
  /\b(?:with|bring|bringing|taking|carrying|got) (?:a |some |my )?(?:can of petrol|petrol can|petrol|jerry can|lighter fluid|knife|knives|machete|hammer|baseball bat|crowbar|axe|gun|shotgun)\b.{0,80}\b(?:town hall|council offices?|civic centre|the office|housing office|their office|listen|sorry|pay for (?:this|it)|regret|see what happens)\b|\b(?:town hall|council offices?|civic centre|housing office)\b.{0,60}\b(?:with|bring|bringing) (?:a |some )?(?:can of petrol|petrol|jerry can|lighter fluid|knife|machete|hammer|bat|crowbar|axe|gun)\b/,
  /\b(?:waiting for|wait for|catch|get hold of|find|corner|confront)\b (?:him|her|them|the (?:kid|lad|boy|girl|child))\b.{0,80}\b(?:never (?:does|do|try|tries) (?:it|that) again|teach (?:him|her|them) a lesson|regret it|sort (?:him|her|them) out|make (?:him|her|them) pay)\b/,
];
const HANDED_IN = /\b(?:amnesty|surrender|hand (?:it |them )?in|handing in|dispose|disposal|recycling|tip)\b/;

/** Leisure, money, looks and hobbies: advice no council service gives. */
const ADVICE_LEXICON =
  '(?:series|tv shows?|box sets?|elden ring|fifa|call of duty|roblox|gta|pokemon|zelda|valorant|builds?|films?|movies?|netflix|streaming|podcasts?|albums?|video games?|chess|guitar|piano|violin|drums|golf|poker|fortnite|minecraft|skincare|skin care|make ?up|haircuts?|hairstyles?|mortgage deals?|mortgages?|savings accounts?|isas?|credit cards?|stocks|shares|crypto\\w*|bitcoin|baby names|dog names|cat names|holiday destinations?|wines?|beers?|perfumes?|trainers|outfits?)';
/** A council service or a question about one (a library club, a licence, a form on the website). */
const SERVICE_WORDS =
  /\b(?:library|libraries|community centre|leisure centre|council|school|schools|class|classes|club|lessons?|course|courses|adult learning|licen[cs]e|licensing|planning|permit|hygiene|rating|event|events|festival|park|parks|register|registration|permission|food|business rates|trading standards|website|site|page|portal|form|payment|app)\b/;
const OFF_TOPIC: readonly RegExp[] = [
  new RegExp(
    `\\b(?:best|good|top|recommend\\w*|easier|easiest|ideal|decent|tips|which is better)\\b(?: \\w+){0,6} ${ADVICE_LEXICON}\\b|\\b${ADVICE_LEXICON}\\b(?: \\w+){0,4} (?:for (?:a )?beginners?|tips|routine|recommendations?|to watch|to buy|on the market|right now)\\b`,
  ),
  /\b(?:error|errors|bug|exception|crash\w*|install\w*|compile|syntax|stack trace|module not found|is not a function|is not defined|cannot read propert\w*|null pointer|segfault|fix|debug)\b.{0,40}\b(?:node ?js|npm|python|javascript|typescript|java|react|docker|git|github|linux|ubuntu|c\+\+|php|ruby|rust|golang|kotlin|swift|excel formula|vlookup)\b|\b(?:node ?js|npm|python|typescript|react|docker|github|ubuntu|php|ruby|golang|kotlin|vlookup)\b.{0,40}\b(?:error|errors|bug|exception|crash\w*|install\w*|compile|syntax|fix|debug|tutorial|learn)\b/,
  /\b(?:set up|start|build|run|grow|market)\b (?:an? |my )?(?:online shop|etsy shop|ebay shop|online store|dropshipping|side hustle|youtube channel|tiktok account|instagram account)\b/,
];

/** The families in order: data, then harm and threats, then unrelated advice. */
export const SCHEMES_AND_PRETEXTS: readonly RequestFamily[] = [
  { reason: 'dataExfiltration', patterns: DATA },
  { reason: 'dataExfiltration', patterns: RELATIONS_ACCOUNT, unless: [FORMAL_ROLE] },
  { reason: 'harmful', patterns: HARM, when: [ASKING_OR_PLANNING], unless: [TOLD_OF_A_SCHEME, MEANS_NO_HARM] },
  { reason: 'harmful', patterns: VOTES_FOR_OTHERS, unless: [TOLD_OF_A_SCHEME] },
  { reason: 'harmful', patterns: THREAT, unless: [HANDED_IN] },
  { reason: 'offTopicGeneration', patterns: OFF_TOPIC, unless: [SERVICE_WORDS] },
];
