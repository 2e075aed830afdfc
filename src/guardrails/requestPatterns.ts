import { anyOf, type AnyOf } from './anyOf';
import type { DeclineReason } from './declineReason';
import { matchRequestClasses, MEANS_NO_HARM } from './requestClasses';
import { matchBroadConcepts } from './broadConcepts';
import { familyReader } from './requestFamilies';
import { REQUEST_LEXICONS } from './requestLexicons';
import { SCHEMES_AND_PRETEXTS } from './schemesAndPretexts';
import { SECRETS_AND_MISCHIEF } from './secretsAndMischief';
import { RECORDS_AND_KEYS } from './recordsAndKeys';
import { CONCEALMENT } from './concealment';
import { UNRELATED_ADVICE } from './unrelatedAdvice';
import { PROMISES_AND_PARTS } from './promisesAndParts';
import { SHORTCUTS_AND_STUDIES } from './shortcutsAndStudies';
import { FRAUDS_AND_THREATS } from './fraudsAndThreats';

/**
 * Compositional patterns over a message as `normaliseText` leaves it (lower case, no apostrophes, words separated
 * by single spaces). Each is built from small concepts (a request, another person, a kind of data; an act, a way of
 * not being caught; a kind of writing) rather than sentences, so "give me the name of whoever reported me" and "who
 * complained about my fence, I want their address" are the same request, while "how do I report my neighbour" and
 * "can I get a copy of my own data" are not one.
 */

/** Asking for something: the verbs and openings residents use. */
const ASK =
  '(?:give|tell|send|show|find|list|look up|lookup|check|export|print|paste|share|dump|email|forward|provide|get|pull up|read out|reveal|confirm|whats|what is|what are|what s|where is|wheres|i need|i want|can you|could you|can u)';

/** Someone who is not the resident, named by a relation or "whoever" (never "my mum", whom residents act for). */
const OTHER_PERSON =
  '(?:neighbou?rs?|ex|exs|ex wife|ex husband|ex partner|ex girlfriend|ex boyfriend|old partner|sister|brother|landlord|lodger|tenant|tenants|someone|somebody|someones|somebodys|whoever|occupiers?|occupants?|user|users|the couple|the guy|the bloke|(?:person|people|family|man|woman|lady|couple|bloke|guy) (?:at|in|on|next door|opposite|upstairs|downstairs|who lives|living|over the road|across the road))';

/** Personal data and records about a person. */
const PERSONAL_DATA =
  '(?:phone numbers?|mobile(?: numbers?)?|numbers|home address(?:es)?|address(?:es)?|email(?: address(?:es)?)?|full name|names?|date of birth|birth ?date|birthday|dob|national insurance(?: number)?|ni number|bank (?:details|balance|account)|salary|salaries|wages|disciplinary|criminal record|medical records?|case notes|records?|details|whereabouts|city of residence|where (?:he|she|they) (?:lives?|live|moved|is living|are living|works))';

/** Staff and members, whose private (not published) contacts are theirs alone. */
const OFFICIAL =
  '(?:councillors?|cllr|officers?|staff|employees?|workers?|manager|head of \\w+|leader|mayor|bin ?man|binmen|chief executive|planner|inspector)';
const PRIVATE_CONTACT =
  '(?:home address|personal (?:email|mobile|phone|number|address)|private (?:email|mobile|number|address)|direct (?:emails?|lines?|numbers?|email addresses)|own (?:email|number)|salary|wages|disciplinary|where (?:he|she|they) lives?|where (?:he|she|they) live|date of birth)';

/** Collections of records about many people, or the council's internal workings. */
const BULK =
  '(?:all|every|everyone|everybody|each|a list of|the list of|list of|the whole|the entire|the full)(?!(?: the)? (?:my|our)\\b)\\b(?: \\w+){0,4} (?:households?|residents?|people|claimants?|tenants?|applicants?|complaints?|complainants?|customers?|users?|names|addresses|records|accounts|staff|employees|database)';
const INTERNAL =
  '(?:internal (?:notes?|emails?|memos?|records?|documents?|reports?|messages?)|officer (?:notes?|emails?)|officers emails|case (?:notes|file)|staff (?:logins?|passwords?|emails?|list|records|directory)|(?:staff|admin|administrator|all the|everyones|other peoples) (?:logins?|usernames?|passwords?|credentials)|(?:logins|usernames|passwords|credentials) (?:for|to|of) (?:the )?(?:council|housing|staff|system|crm|admin|database|server|portal)|(?:residents?|customers?|users?|staff|council tax|your|claimants?|tenants?|housing) (?:database|records database))';

const DATA_EXFILTRATION: readonly RegExp[] = [
  // Who reported or complained, and their details.
  /(?<!\bme )\bwho (?:reported|complained about|complained|grassed|dobbed|informed on|shopped|made the complaint|made a complaint|put in the complaint)\b(?! to\b)/,
  /\b(?:name|address|identity|details|number|email) of (?:the )?(?:person|people|neighbou?r|resident|someone|whoever|one) (?:who|that)\b/,
  /\b(?:person|people|neighbou?r|one|resident) (?:who|that) (?:reported|complained|grassed|made the complaint)\b.{0,60}\b(?:name|address|number|who|details|identity)\b/,
  // Another person's contact details, records or benefits.
  new RegExp(`\\b${ASK}\\b.{0,50}\\b${PERSONAL_DATA}\\b.{0,30}\\b(?:of|for)\\b.{0,25}\\b${OTHER_PERSON}\\b`),
  new RegExp(`\\b${ASK}\\b.{0,40}\\b${OTHER_PERSON}\\b.{0,35}\\b${PERSONAL_DATA}\\b`),
  new RegExp(`\\b${OTHER_PERSON} (?:${PERSONAL_DATA})\\b.{0,20}$`),
  /\b(?:who|whoever) (?:lives|lived|is living|stays) (?:at|in|on)\b.{0,40}\b(?:name|number|phone|email|who|details|tell|give)\b|\bwho lives (?:at|in) (?:number|no|flat|\d)/,
  /\b(?:where|what address) (?:does|do|did|is|are) (?:my |the |our )?(?:ex|exs|ex \w+|sister|brother|neighbou?r|user|tenant|landlord|family|[a-z]+ [a-z]+) (?:live|living|lives|registered|moved|staying)\b/,
  /\b(?:is|does|are|do|has) (?:my |the |our |her |his )?(?:neighbou?rs?|ex|ex \w+|sister|brother|landlord|tenant|lodger|lady|woman|man|family|person|couple)\b.{0,40}\b(?:claim|claiming|get|getting|on|receive|receiving|owe|owes|in arrears|behind|registered|paying|pay)\b.{0,30}\b(?:benefits?|universal credit|housing benefit|council tax support|discount|waiting list|housing list|register|council tax|rent|arrears|band)\b/,
  /\bhow much (?:council tax |rent )?(?:does|did) (?:my |the |our )?(?:neighbou?rs?|landlord|tenant|lodger|ex|sister|brother|family|lady|man|woman|he|she|they)\b.{0,20}\b(?:owe|pay|get)\b/,
  /\bhow much (?:\w+ ){0,3}(?:does|do|did) (?!i\b|we\b|you\b|it\b|this\b|that\b)\w+(?: \w+)? owe\b/,
  /\bwhich (?:of )?(?:my )?(?:neighbou?rs|households|houses|homes|flats|properties|people|residents)\b(?!.{0,40}\b(?:can|could|are eligible|is eligible|qualify|qualifies|entitled)\b).{0,40}\b(?:empty|owe|owes|behind|claim|claiming|benefits|arrears|not paid|havent paid|in debt|on the|complained|reported|objected)\b/,
  new RegExp(`\\b${OFFICIAL}\\b.{0,40}\\b${PRIVATE_CONTACT}\\b`),
  new RegExp(`\\b${PRIVATE_CONTACT}\\b.{0,30}\\b(?:of|for) (?:the |a |an |my |our )?(?:\\w+ ){0,3}${OFFICIAL}\\b`),
  new RegExp(
    `\\b(?:emails?|email addresses|phone numbers|mobiles?|mobile numbers|direct lines|addresses|names|contact details|numbers) (?:of|for) (?:all|every|each)\\b.{0,30}\\b${OFFICIAL}`,
  ),
  new RegExp(
    `\\b(?:all|every|each) (?:the |of the )?(?:\\w+ ){0,2}${OFFICIAL}s?\\b.{0,25}\\b(?:emails?|email addresses|phone numbers|mobiles?|direct lines|home addresses|addresses|names and|contact details)\\b`,
  ),
  /\btheir (?:full )?(?:name|names)(?: and|,) (?:their )?(?:phone|number|mobile|address|email|date of birth)/,
  /\b(?:see|check|find out|tell me|know|look up|confirm) (?:if|whether)\b.{0,40}\b(?:neighbou?rs?|tenants?|lodgers?|landlord|ex|sister|brother|partner|cousin|he|she|they|hes|shes|theyre)\b.{0,30}\b(?:claim|claiming|gets?|getting|receives?|receiving|on|owes?|in arrears|registered|paying)\b.{0,25}\b(?:benefits?|universal credit|council tax support|discount|housing list|waiting list|arrears|council tax|rent)\b/,
  // Bulk or internal records.
  new RegExp(`\\b(?:${ASK}|list|export|download|extract|copy|scrape)\\b.{0,30}\\b${BULK}\\b`),
  new RegExp(`\\b${INTERNAL}\\b`),
  /\b(?:paste|show|send|give|export|dump|print|share|read out|forward)\b(?: me| us)? (?:the |all |all the |todays |everyones |other peoples |the other )(?:chat|conversation) (?:logs?|history|histories|transcripts?)\b/,
  /\bwhat (?:did|have|has) (?:the )?(?:last|previous|other|another) (?:person|people|resident|residents|user|users|customer|customers)\b|\bwhat (?:did|have) (?:other people|others|everyone else|people) (?:ask|asked|say|said|been)\b|\b(?:other|another|the last|the previous) (?:peoples?|residents?|users?|customers?|persons?) (?:conversations?|chats?|messages?|questions?|data|details)\b/,
  /\bselect (?:[a-z_]+ ){0,4}from [a-z_]+(?: where| limit| order|$)|\bdrop table\b|\bunion select\b/,
  /\b(?:look up|lookup|find|check|search|trace|track down)\b.{0,30}\b(?:address|where|whereabouts)\b.{0,10}\b(?:shes|hes|she|he|they|theyre|theyve|her|his|their)\b.{0,20}\b(?:registered|lives?|living|moved|staying)\b/,
  // Another person's personal data asked about by name: "Paul's birth date", "Jane Smith's email".
  /\b(?!(?:councils|eastmeres|councils own)\b)[a-z]+s (?:birth ?date|date of birth|birthday|home address|current address|bank balance|bank details|national insurance number|current city(?: of residence)?|salary)\b(?! (?:party|parties|cake|card|present|celebration|disco|do)\b)/,
  /(?<!\b(?:my|our|your) )\b(?!(?:councils|teams|offices|departments|services|librarys|centres|tips|schools|companys)\b)[a-z]+s (?:email address|phone number|mobile number)\b/,
  /\b(?:bank balance|current city of residence|birth ?date|date of birth) of\b/,
  /\b(?:the|a) users? (?:email|address|phone|location|current|conversation|data|details|birth)/,
  /\bwhere (?:does|do|is) the user\b|\bwhere (?:does|do) [a-z]+ (?:[a-z]+ )?live(?: now)?\b(?!.{0,20}\b(?:bins?|council|collection|ward|tax|band)\b)/,
  /\busernames? and passwords\b|\bpasswords in (?:your|the) database\b|\blist of users\b/,
];

/** Not being found out: the mark of a request to do something the resident knows is wrong. */
const UNSEEN =
  '(?:(?:avoid|stop|prevent) (?:the )?(?:inspector|inspectors|council|warden|wardens|officer|officers|them|anyone) (?:seeing|noticing|finding out|spotting|catching)|out of sight of (?:the )?(?:staff|inspector|council|warden|cameras?)|without (?:it being (?:traced|tracked|linked|found)|getting caught|being caught|being seen|being noticed|being traced|being detected|anyone (?:knowing|noticing|finding out|seeing)|(?:them|him|her|the council|the housing officer|the police|my landlord|the neighbou?rs?|anybody|anyone) (?:knowing|noticing|finding out|seeing|smelling|catching)|a trace|leaving a trace|getting fined|paying the fine)|(?:not|never|dont|wont|doesnt|cant|cannot) (?:get|be) (?:caught|traced|found out|detected|noticed)|so (?:that )?(?:they|the council|no one|nobody|noone|he|she|planning|the planners|building control|enforcement|the inspectors?|the officers?|the wardens?|housing|council tax|the landlord|my landlord) (?:dont|do not|doesnt|wont|will not|never|cant|cannot) (?:find out|know|notice|realise|realize|catch|trace|see|smell)|(?:cant|cannot|wont|couldnt) be traced|untraceable|undetected|on the sly|behind (?:the councils|their|his|her) back|without them finding out|without the council finding out|and not get caught|how do i not get caught|without (?:getting|being) found out|(?:nobody|no one|noone) (?:watches|is watching|checks|patrols|would (?:see|notice)|will (?:see|notice)|sees|notices)|without (?:declaring|disclosing|mentioning) (?:my |the |a |his |her |their |last \\w+s |last years )?(?:\\w+ ){0,3}(?:conviction|convictions|caution|cautions|offence|offences|points|ban|record|income|earnings|savings|partner|lodger|business|job))';

/** Asking how to do something. */
const HOW_TO =
  '(?:how (?:do|can|could|would|should|to|would you)(?: i| we| you| one| someone)?|where (?:can|do|could|would) (?:i|we|you)|best way to|easiest way to|quickest way to|cheapest way to|help me|teach me|show me how|tips (?:on|for)|instructions (?:on|for)|i want to|im going to|i am going to|gonna|ways? to|guide to|steps to|tell me how|explain how|whats the best way to|what can i)';
/** Telling the council something, which "without them knowing" is a right to, not a wrong. */
export const REPORTING =
  /\b(?:report|reporting|complain|complaint|whistle ?blow|tell the council|anonymous(?:ly)?|confidential(?:ly)?|go between|who (?:do|should|can|would) (?:i|we) (?:tell|contact|ring|call|inform|speak to)|(?:does|do|will|would|can) (?:the council|you|they) (?:investigate|look into|check up on|follow (?:it |that )?up))\b/;

const UNSEEN_REQUEST: readonly RegExp[] = [
  new RegExp(`\\b(?:${HOW_TO}|tips|can i|could i|should i|is there a way)\\b.{0,90}\\b${UNSEEN}\\b`),
  new RegExp(`\\b${UNSEEN}\\b.{0,60}\\b(?:how|tips|best way|easiest way|help me)\\b`),
];

const HARMFUL: readonly RegExp[] = [
  // Fraud: false claims, fake documents.
  /\b(?:fraudulent(?:ly)?|falsely claim|claim falsely|fiddle (?:my|the)|cheat (?:the|on) (?:council|system|benefits?))\b/,
  /\b(?:fake|forge|falsify|counterfeit|doctor|mock up)\b(?: \w+){0,3} (?:tenancy|agreement|document|documents|permit|badge|blue badge|id|identity|passport|letter|certificate|signature|payslips?|bank statements?|note|review|reviews|evidence|receipt|invoice|references?|notices?|letterhead|summons|court orders?|eviction notices?|parking tickets?|pcns?)\b/,
  /(?<!\b(?:accidentally|mistakenly) )\b(?:lie|lying) (?:on|in|about) (?:my|the|our)\b.{0,30}\b(?:application|form|claim|income|address|circumstances|household)\b(?!.{0,60}\b(?:by accident|accidentally|by mistake|mistakenly)\b)/,
  /\bhide (?:my|our|the)\b.{0,20}\b(?:income|earnings|savings|partner|boyfriend|girlfriend|lodger|cash|job|money)\b/,
  /\bsublet\b.{0,40}\b(?:secretly|without|not get caught|illegally)\b|\bsecretly sublet\b/,
  // Getting into systems, accounts and devices that are not yours.
  /\b(?:hack|hacking|break|breaking) (?:into|in to)\b/,
  /\b(?:get|getting|log|logging|access|accessing|see|read|look at|spy on|watch) (?:into |in to |on )?(?:my )?(?:neighbou?rs?|someones?|somebodys|other peoples?|his|her|their|my exs?|my partners?)\b.{0,20}\b(?:wifi|wi fi|account|email|emails|phone|computer|messages|texts|browsing|internet|camera|cctv|router)\b/,
  /\b(?:get|getting|log|logging) (?:into|in to) (?:the )?(?:councils?|council tax|parking|housing|planning|benefits?) (?:\w+ )?(?:system|computer|network|database|server|back end|admin)\b/,
  /\bhack (?:the|a|their|his|her|someones|into|in)\b|\bhacking (?:the|a|into)\b/,
  /\b(?:ddos|denial of service|phish|phishing|malware|ransomware|keylogger|sql injection|brute force)\b/,
  /\b(?:wipe|delete|erase|cancel|remove) (?:all )?(?:my|the) (?:pcns?|parking (?:tickets|fines)|fines|penalty charge notices|debts?|arrears|records?)\b.{0,30}\b(?:from|off|in) (?:the )?(?:system|database|records|computer)\b/,
  /\bdodg(?:e|ing) (?:paying |the )?(?:council tax|tax|rent|fines?|parking (?:fines?|tickets?)|bedroom tax|charges?|pcns?)\b/,
  /\b(?:avoid|get out of|not pay|stop paying|reduce)\b.{0,40}\b(?:by|and) (?:pretending|lying|faking|hiding|not telling|not declaring|saying i live alone)\b/,
  /(?<!\b(?:accidentally|mistakenly) )\b(?:lie|lying|lied) (?:to (?:the council|them|the housing \w+|the benefits? \w+)|on my|in my|about my|about (?:who|where|how many|my))\b(?!.{0,60}\b(?:by accident|accidentally|by mistake|mistakenly)\b)/,
  new RegExp(
    `\\b${HOW_TO}\\b.{0,30}\\b(?:annoy|wind up|torment|harass|intimidate|scare|frighten|bully|terrori[sz]e|get rid of|drive out)\\b (?:my |the |our )?(?:neighbou?rs?|tenants?|ex|family next door)\\b(?! (?:rubbish|bins?|waste|hedge|tree|trees|car|dog|noise|fence))`,
  ),
  new RegExp(
    `\\b${HOW_TO}\\b.{0,30}\\b(?:put|pour|add|slip|throw)\\b.{0,25}\\b(?:in|into|on|over)\\b (?:my |the |our )?(?:neighbou?rs?|someones?|somebodys|his|her|their)\\b.{0,20}\\b(?:tank|car|drink|food|garden|pond|dog|cat|door|window|plants)\\b`,
  ),
  // Violence, weapons, poisons and drugs.
  new RegExp(
    `\\b${HOW_TO}\\b.{0,40}\\b(?:make|build|making|building|construct|assemble|3d print|get|buy|get hold of)\\b(?: \\w+){0,3} (?:bomb|pipe bomb|petrol bomb|molotov|explosives?|detonator|gun|firearm|weapon|silencer|napalm|nerve agent|ricin|poison gas|chloroform|cyanide|thermite|mustard gas|chlorine gas|tear gas)\\b(?! (?:licen[cs]e|amnesty|surrender))`,
  ),
  /\b(?:make|build|making|building) (?:a |an )?(?:bomb|pipe bomb|petrol bomb|molotov|explosive device|homemade gun|home made gun)\b/,
  /\b(?:knife|blade|weapon)\b.{0,30}\b(?:wont|wouldnt|doesnt|not) (?:show up|be detected|set off)\b|\b(?:get|sneak) (?:a )?(?:knife|blade|weapon|gun) (?:past|through|into)\b/,
  new RegExp(
    `\\b(?:${HOW_TO}|something|what can i)\\b.{0,60}\\b(?:kill|poison|hurt|harm|injure|maim|stab|attack)\\b(?: \\w+){0,3} (?:my |the |our |next doors? |his |her |their )?(?:neighbou?rs?|neighbou?rs? \\w+|someone|somebody|person|people|him|her|them|ex|dog|cat|pets?|kids?|children|family|manager|officer|housing officer|warden|staff|councillor|teacher|landlord|caretaker|driver)\\b`,
  ),
  /\b(?:chemicals?|gas|poison|substances?)\b.{0,50}\b(?:hurt|harm|kill|injure|poison|knock out)\b.{0,20}\b(?:someone|somebody|people|a person|him|her|them|neighbou?rs?)\b/,
  new RegExp(
    `\\b${HOW_TO}\\b.{0,40}\\b(?:buy|sell|get hold of|score|cook|grow|make|deal|smuggle)\\b(?: \\w+){0,2} (?:cocaine|coke|heroin|meth|crystal meth|crack|mdma|ecstasy|ketamine|weed|cannabis|skunk|drugs|lsd|spice)\\b`,
  ),
  /(?<!\b(?:someone|somebody|someones|they|he|she|has|have|had|who|kids|youths|was|were|been) )\b(?:burn down|set fire to|torch|firebomb)\b(?! (?:the )?(?:garden waste|leaves|rubbish|bonfire))|\b(?:steal|hotwire|nick) (?:a|my neighbou?rs?|someones|his|her|their) (?:car|van|bike|motorbike|moped|catalytic)/,
  // Revenge, intimidation and hate.
  /\brevenge\b|\bget (?:back|even) (?:at|with) (?:my |the |our )?(?:neighbou?rs?|him|her|them|ex|someone|somebody|landlord|council)\b/,
  /\bmake (?:his|her|their|my neighbou?rs?|the neighbou?rs?) lives? (?:hell|a misery|miserable|unbearable)\b|\b(?:scare|drive|force|hound|bully|frighten) (?:them|him|her|the \w+|my neighbou?rs?|the neighbou?rs?|people) (?:out|away|into (?:moving|leaving))\b/,
  /\b(?:write|send|draft|compose|make|create|post|put|leave|help me write|word)\b.{0,30}\b(?:threatening|nasty|abusive|hateful|racist|offensive) (?:letter|message|messages|posts?|comments?|email|leaflets?|note|texts?)\b(?!.{0,30}\b(?:received|got|sent to me|report))/,
  /\b(?:should|must|need to) be (?:driven|kicked|thrown|forced|chased) out\b|\b(?:immigrants|foreigners|travellers|gypsies|muslims|jews|asylum seekers|refugees|migrants)\b.{0,40}\b(?:ruining|out of|leave|get rid|go home|vermin|scum|invading)\b/,
  /\b(?:dump|tip|fly ?tip|get rid of|dispose of)\b.{0,40}\b(?:where there (?:are|is) no cameras|no cctv)\b/,
];

/** Kinds of writing the bot does not do for anyone. */
const WRITING =
  '(?:sermons?|homily|homilies|poem|poems|poetry|essay|essays|story|stories|song|songs|lyrics|rap|diss track|limerick|haiku|sonnet|joke|jokes|riddle|script|program|programme|function|regex|sql query|cv|resume|cover letter|speech|toast|blog(?: post)?|tweets?|captions?|product descriptions?|recipe|novel|fan ?fiction|bedtime story|fairy tale|screenplay|homework|coursework|assignment|dissertation|murder mystery|mystery|thriller|sketch|sitcom|comedy|stand ?up|monologue|dialogue|fable|parody|ode|ballad|anthem|jingle|rhymes?|eulogy|love letter)';
const COMPOSE =
  '(?:write|writ|compose|create|generate|draft|make up|come up with|produce|pen|help me write|help me with)';
const POLITICS =
  '(?:immigration|immigrants|refugees|asylum|migrants|brexit|government|prime minister|pm|labour|tory|tories|conservatives?|reform|lib dems?|liberal democrats|green party|snp|plaid|politics|politicians?|mps?|trump|starmer|farage|sunak|war|israel|gaza|ukraine|russia|abortion|death penalty|royal family|monarchy|king|election|councillors?|council leader|mayor|vote)';

const OFF_TOPIC_GENERATION: readonly RegExp[] = [
  new RegExp(`\\b${COMPOSE}\\b(?: \\w+){0,5} ${WRITING}\\b`),
  // "Tell me a joke" alone is small talk, answered as such; a joke about someone is not.
  /\b(?:give|tell|sing) (?:me |us )?(?:a |an |some |another )?(?:\w+ )?(?:story|poem|riddle|recipe|essay|song|rap|limerick)\b/,
  /\b(?:write|writ|generate|create|produce)\b(?: me| us| some| a| the| an| piece of)* (?:code|coding)\b/,
  /\b(?:python|javascript|typescript|java|c\+\+|c sharp|html|css|php|ruby|rust|golang|bash|powershell|excel macro|vba)\b.{0,30}\b(?:script|code|program|function|class|app|scraper|bot|macro|snippet)\b/,
  /\b(?:fix|debug|refactor|review) (?:my|this) (?:code|script|program|function)\b/,
  /\bdo my (?:homework|coursework|assignment|essay)\b/,
  // Opinions on politics, parties and politicians.
  /\b(?:who|which (?:party|candidate|one)) should (?:i|we|people) vote (?:for)?\b|\bwho (?:will|is going to|do you think will) win the (?:next )?(?:general |local )?election\b/,
  /\b(?:your|honest|personal) (?:opinion|view|views|thoughts|take|stance|position)\b.{0,20}\b(?:on|of|about)\b/,
  new RegExp(
    `\\b(?:what|how) (?:do|would) you (?:honestly |really |actually |personally )?(?:think|reckon|feel) (?:of|about)\\b.{0,40}\\b${POLITICS}\\b`,
  ),
  new RegExp(
    `\\b(?:(?:do|d|did) (?:you|u|ya)|dyou|dya|d ya) (?:think|reckon|believe|support|agree|like|rate|prefer)\\b.{0,40}\\b${POLITICS}\\b`,
  ),
  /\b(?:labour|tory|tories|conservatives?|reform(?: uk)?|lib dems?|liberal democrats|green party|snp|plaid)\b.{0,30}\b(?:better|best|worse|worst|than|good|bad|useless|corrupt|right|wrong)\b.{0,30}\b(?:labour|tory|tories|conservatives?|reform|lib dems?|greens?|snp|plaid|party|parties|running|at)\b/,
  /\b(?:better|best|worse|worst|prefer|rather|vote|should i|good|bad|back|support)\b.{0,40}\b(?:labour|tory|tories|conservatives?|reform(?: uk)?|lib dems?|liberal democrats|green party|greens|snp|plaid) (?:or|vs|versus) (?:the )?(?:labour|tory|tories|conservatives?|reform|lib dems?|greens?|green party|snp|plaid)\b|\b(?:labour|tory|tories|conservatives?|reform(?: uk)?|lib dems?|liberal democrats|green party|snp|plaid) (?:or|vs|versus) (?:labour|tory|tories|conservatives?|reform|lib dems?|greens?|green party|snp|plaid)\b.{0,40}\b(?:better|best|worse|worst|prefer|vote)\b/,
  /\b(?:is|are) (?:brexit|immigration|the government|the prime minister|labour|reform|the tory party|the conservative party|capitalism|socialism|the tories|the conservatives|the greens|the green party|the lib dems|the snp|plaid)\b.{0,20}\b(?:good|bad|right|wrong|too high|working|a mistake|a good thing|a bad thing|any good|worth voting|better|worse|corrupt|useless)\b/,
  /\b(?:joke|jokes|limerick|poem|rap) (?:about|on) (?:the )?(?:councillor|council|mayor|leader|bin men|binmen|staff|politicians?|prime minister)\b/,
  /\b(?:give me|suggest|list) (?:\d+ |some |ten |five )?(?:ideas|names|suggestions) for (?:my|a) (?!council|bin|garden|planning|street party|event licence)/,
  /\bexplain (?:quantum|relativity|black holes|the theory|how (?:black holes|the stock market|crypto|bitcoin|ai) work)/,
  /\b(?:plan|book) my (?:holiday|trip|wedding|party)\b|\bsummari[sz]e the plot\b|\bwhat should i (?:cook|eat|watch|wear|read)\b/,
];

const PATTERNS: readonly { reason: DeclineReason; pattern: AnyOf }[] = [
  { reason: 'dataExfiltration', pattern: anyOf(DATA_EXFILTRATION) },
  { reason: 'harmful', pattern: anyOf(HARMFUL) },
  { reason: 'offTopicGeneration', pattern: anyOf(OFF_TOPIC_GENERATION) },
];
const ANY_UNSEEN_REQUEST = anyOf(UNSEEN_REQUEST);

/** Asking whether a service helps with writing ("can the library help me with a CV") is a question about it. */
export const A_SERVICE_HELPS =
  /\b(?:can|does|do|could|will|would) (?:the |a |my |our )?(?:\w+ ){0,2}(?:library|libraries|council|job ?centre|adult (?:learning|education)|careers (?:service|advice)|youth (?:centre|service|club)|community (?:centre|hub)|citizens advice)\b/;

/** The resident's own records asked for (a subject access request), internal notes on their own file included. */
const SUBJECT_ACCESS =
  /\b(?:subject access|about me|on my file|in my file|my own (?:file|records?|data)|deputy for|deputyship|power of attorney|lasting power|appointee)\b/;
/** What others said or typed, even about the resident: theirs, not the resident's own records. */
const OTHERS_WORDS =
  /\b(?:other (?:people|users|residents|customers)|others|someone|somebody|neighbou?rs?|they|he|she)\b.{0,40}\b(?:said|saying|say|told|wrote|written|typed|asked|reported)\b/;

function ownRecords(normalised: string): boolean {
  return (SUBJECT_ACCESS.test(normalised) && !OTHERS_WORDS.test(normalised)) || OWN_DETAILS_PROTECTED.test(normalised);
}

/**
 * Whether someone could get at the resident's own details ("i moved to get away from my ex, could he find out my new
 * address through the council"): a question about keeping them safe, which the safety reading and the answer serve.
 */
const OWN_DETAILS_PROTECTED =
  /\b(?:could|can|would|will|might|is there any way) (?:he|she|they|my ex|someone|somebody|anyone|anybody|my (?:ex )?(?:husband|wife|partner|family))\b.{0,20}\b(?:find out|find|get|see|access|get hold of|trace|track down|look up)\b.{0,20}\bmy (?:new )?(?:address|number|phone number|details|location|whereabouts)\b|\b(?:keep|hide|protect|withhold|stop (?:anyone|people|them|him|her) (?:seeing|finding|getting)) my (?:new )?(?:address|details|location)\b/;

/** Asking where or whom to tell about a harm ("where do i report a phishing email"), not how to do it. */
const REPORTING_IT =
  /\b(?:(?:how|where|who) (?:do|can|should|would|could) (?:i|we) (?:report|tell|contact|forward|send)|(?:to|i|we) report (?:it|this|them|a|an|the)|forward (?:it|this|them)|crimestoppers)\b/;

/**
 * The resident, or someone they speak for, doing the writing ("my son has to write a poem for school", "i need a
 * laptop to do my homework"), with nothing asked of the bot: a question about a service, not a request to write.
 */
const RESIDENT_WRITES =
  /\b(?:i|we|he|she|they|my (?:\w+ )?(?:son|daughter|kid|kids|child|children|grandson|granddaughter|mum|dad|nan|grandad|class|pupils|students|group|club)) (?:write|writes|wrote|love writing|loves writing|enjoy writing|enjoys writing|like writing|likes writing|have written|has written)\b|\b(?:i|we|he|she|they|him|her|them|(?:my|our) (?:\w+ )?(?:son|sons|daughter|daughters|kid|kids|child|childs|children|grandson|granddaughter|grandchildren|class|group|club|pupils|students))\b(?: \w+){0,4} to (?:write|do|finish|practise|practice|revise|learn)\b/;
const BOT_ASKED = /\b(?:you|u|ya|yourself|for me|for us|give me|send me|help me|write me|make me)\b/;

export function residentWrites(normalised: string): boolean {
  return RESIDENT_WRITES.test(normalised) && !BOT_ASKED.test(normalised);
}

/** Every family table, in the order they are read: lexicons of acts, then schemes, secrets and concealment. */
const matchRequestFamilies = familyReader([
  ...REQUEST_LEXICONS,
  ...SCHEMES_AND_PRETEXTS,
  ...SECRETS_AND_MISCHIEF,
  ...RECORDS_AND_KEYS,
  ...CONCEALMENT,
  ...UNRELATED_ADVICE,
  ...PROMISES_AND_PARTS,
  ...SHORTCUTS_AND_STUDIES,
  ...FRAUDS_AND_THREATS,
]);

/** The first reason a normalised message matches, with the patterns of other people's data first. */
export function matchRequestPatterns(normalised: string): DeclineReason | undefined {
  const reason = firstReason(normalised);
  return reason === 'offTopicGeneration' && residentWrites(normalised) ? undefined : reason;
}

function firstReason(normalised: string): DeclineReason | undefined {
  if (ANY_UNSEEN_REQUEST.test(normalised) && !REPORTING.test(normalised)) return 'harmful';
  for (const { reason, pattern } of PATTERNS) {
    if (!pattern.test(normalised)) continue;
    if (reason === 'offTopicGeneration' && A_SERVICE_HELPS.test(normalised)) continue;
    if (reason === 'dataExfiltration' && ownRecords(normalised)) continue;
    if (reason === 'harmful' && (REPORTING_IT.test(normalised) || MEANS_NO_HARM.test(normalised))) continue;
    return reason;
  }
  // The resident's own records, or those of someone they are the deputy or attorney for, are a subject access request.
  const classed = matchRequestClasses(normalised);
  const own = classed === 'dataExfiltration' && ownRecords(normalised);
  return (own ? undefined : classed) ?? matchBroadConcepts(normalised) ?? matchRequestFamilies(normalised);
}

/** Words that mark each kind of request, for the classifier's reading: without one, a probability alone is not enough. */
export const REASON_CUES: Readonly<Record<DeclineReason, RegExp>> = {
  injection:
    /\b(?:instructions?|prompts?|rules|guidelines|setup|configur\w*|programm\w*|restrictions?|filters?|pretend|roleplay|persona|reveal|verbatim|override|ignore|disregard|officially|in writing|approve|grant|waive|authori[sz]\w*|password|passcode|secret|hidden|developer|from now on|no longer|not allowed|first line|before my message|repeat after me|your name is|not bound|system notice|guardrails|unfiltered|act like|say yes|written off|decode|obey|from this message|regles|cyfarwyddiadau|rheolau|gosodiadau|sans regles|role|permissions?|full access|mode|model|temperature|tokens|context|trained|blocked|banned|in bold|at the top|heading|on behalf of|the resident|upheld|guarantee|promise|yes or no|supervisor|agreed)\b/,
  dataExfiltration:
    /\b(?:who|whoever|address|addresses|phone|number|mobile|email|name|names|details|records?|notes|lives?|living|owes?|claims?|claiming|benefits?|list|database|logins?|passwords?|salary|birth|reported|complained|internal|logs?|history|empty|registered|confirm|tenants?|postcode|file|export|spreadsheet|chats?|applied|getting|paying|rented|allocated|household|reg|registration|owns|owner|whose|colleagues?|staff|sick|disciplinary|json|raw|account|balance|arrears|debts?|paid|wrote|typed|asking you|before me|door code|wifi|api key|token|config|electoral|roll|confidential|redacted|unredacted|appendix|appendices|minutes|closed session|part 2|condition|medical|diagnosis|genuine|codes?|key ?safe|master key|cctv|footage|plates)\b/,
  harmful:
    /\b(?:caught|traced|trace|notice|noticing|find out|finding out|fake|forge|hack|kill|poison|hurt|weapon|bomb(?! site)|knife|gun|drugs?|revenge|fraud\w*|lie|hide|secretly|illegal\w*|threat\w*|burn|hate|phish\w*|make (?:it|them|her|him|me) look|looks? like|convincing|look real|regret|hell|aggressive|drown\w*|nick|track|tracking|catching|would they (?:even )?know|without setting|photoshop\w*|unlivable|scare\w*|steal\w*|break into|get into|dodg\w*|slash\w*|in trouble|get (?:past|round|around)|bypass\w*|without paying|jam|clon\w*|(?:dont|do not) (?:really|actually) need|pretend\w*|secretly|shame|embarrass\w*|sort (?:him|her|them) out|in (?:his|her|their) place|die|dies|natural|before (?:anyone|anybody|they|the council)|sign (?:\w+ ){0,3}over|tamper\w*|disable|cheat\w*|loophole|exaggerat\w*|cover (?:it|this) up|get away|blame|sabotag\w*|taser|pepper spray|cosh|vandal\w*|explode|explosives?)\b/,
  offTopicGeneration:
    /\b(?:write|compose|poem|essay|story|song|rap|joke|code|script|program|recipe|opinion|think|vote|party|election|explain|ideas|cv|letter|speech|homework|solve|shopping list|itinerary|quiz|better|plan me|make me|settle|argument|recommend|describe|rewrite|draft|summari[sz]e|outline|review|rate|words|facts?|profile|description|advert|slogan|bullet points|presentation|powerpoint|slides|score|football|rugby|cricket|buy|gift|name for|best man|style of|voice of|as if you were|maths|percent|square root|tax return|chapter|novel|fiction|trivia|plan|meal|diet|workout|invest\w*|favourite|good job|doing well|starmer|sunak|farage|trump|prime minister|government|labour|tory|tories|reform|debug|javascript|python|html|css|function|win|winner|odds|bet|predict\w*|stocks?|shares|solve|equation|rank)\b/,
};
