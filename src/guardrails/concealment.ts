import { MEANS_NO_HARM } from './requestClasses';
import type { RequestFamily } from './requestFamilies';
import { ASKING_OR_PLANNING_LOOSELY, TOLD_OF_CONCEALMENT } from './residentCues';

/**
 * Concealment and harm hidden inside ordinary service words, read as shapes over a message as `normaliseText` leaves
 * it: concealment from an authority (hiding something from an inspector, a warden or the council), getting away with
 * it ("can i ... does anyone actually check"), papers altered so a figure looks lower, a convincing story, benefit kept
 * after a death, damage meant ("so the camera gets wrecked"), graffiti planned, waste dumped in the fields, animals
 * drowned or killed; the council impersonated, however it is asked; forged papers obtained; a wheel clamp taken off;
 * reports made up against someone; a message meant to frighten. Each gives way where the resident tells of it, is its
 * target, or means no harm.
 */

/** An official who checks or enforces: whom a resident might hide something from. */
const AUTHORITY =
  '(?:the council|councils?|inspectors?|inspection|inspecting|officers?|wardens?|licensing|environmental health|assessors?|social workers?|housing officers?|the benefits?(?: \\w+)?|dwp|hmrc|auditors?|audit|enforcement|planning|building control|trading standards|aerial surveys?|satellite (?:images?|photos?)|google earth|drones?)';
const CONCEAL =
  '(?:hide|conceal\\w*|(?:keep|keeping) (?:it|them|this|that|him|her|the \\w+) (?:secret|quiet|hidden|under wraps|out of sight)|cover up)';

const HARM: readonly RegExp[] = [
  /\b(?:without|so it doesnt|so it does not|so it wont|so they dont|and not) (?:it |them )?(?:getting |being )?(?:flag(?:ged|ging)?(?: up)?|red flagged)\b/,
  /\b(?:can|could|should|how (?:do|can)) (?:i|we)\b.{0,100}\b(?:they|nobody|no one|noone|the council) (?:never|dont|doesnt|wont|do not|does not) (?:actually |really |ever )?check\b/,
  /\bmeters?\b.{0,40}\b(?:bypass\w*|(?:isnt|is not|not) recorded|runs? slower|goes? slower|magnet|magnets|run backwards|go backwards|stop counting|slow down|not count|read lower)\b/,
  /\b(?:put|add|get|stick)\b (?:\w+ ){0,4}(?:on|onto) the (?:electoral )?(?:roll|register)\b.{0,80}\b(?:dont|do not|never|doesnt|does not) (?:actually |even |really )?(?:have to |need to )?(?:live|lived)\b/,
  /\bregister\w*\b.{0,40}\b(?:people|names|friends|mates|relatives|family)\b.{0,60}\b(?:dont|do not|never|doesnt|does not) (?:actually |even )?(?:live|lived) (?:here|there|at)\b/,
  /\b(?:loads of|lots of|fake|false|made up|multiple|hundreds of|dozens of) (?:anonymous )?(?:complaints|reports)\b.{0,80}\b(?:so|until|to get|to make)\b/,
  /\bclaim\b.{0,40}\b(?:grant|relief|discount|exemption|support|benefit|allowance)\b.{0,40}\b(?:i|we|it) (?:havent|have not|hasnt|has not|dont|do not|isnt|is not) (?:actually |really |even |yet )?(?:started|got|have|exist|live|running|open|opened|launched|registered|trading|set up)\b/,
  /\b(?:blind|dazzle)\b (?:it|them|the \w+|their \w+|his \w+|her \w+)\b.{0,30}\b(?:laser|torch|light|spotlight)\b/,
  /\b(?:siphon|syphon|nick|steal|pinch)\b (?:some |the |a bit of )?(?:diesel|petrol|fuel|lead|copper|cable|cabling)\b/,
  new RegExp(
    `\\b${CONCEAL}\\b.{0,60}\\b${AUTHORITY}\\b|\\b${AUTHORITY}\\b.{0,80}\\b(?:how|what|where|can|could|should) (?:do |can |could |should )?(?:i|we) (?:do to |do |to )?(?:${CONCEAL})\\b`,
  ),
  /\b(?:can|could|if) (?:i|we)\b.{0,120}\b(?:does|do|will|would) (?:anyone|anybody|they|the council|you|the \w+) (?:actually|even|ever|really) (?:check|notice|find out|know|catch|spot|verify)\b/,
  /\b(?:edit|alter|change|doctor|photoshop|tweak|amend)\b(?: \w+){0,3} (?:payslips?|bank statements?|pdfs?|tenancy agreements?|documents?|certificates?|p60s?|invoices?|receipts?|letters?|statements?)\b.{0,40}\b(?:so|to make)\b.{0,30}\b(?:looks?|seems?|appears?|reads?) (?:lower|higher|less|more|older|younger|smaller|bigger|worse|better|genuine|real|official|right)\b/,
  /\b(?:convincing|believable|plausible|watertight) (?:story|excuse|lie|cover story|fake)\b/,
  // A claim made to look real, or for what never happened.
  /\b(?:make|makes|making)\b(?! sure)(?: \w+){0,4} (?:look|seem|appear|sound) (?:legit|legitimate|believable|authentic|genuine|real)\b|\b(?:claim|claiming|compensation|insurance)\b.{0,60}\b(?:that )?(?:never happened|didnt happen|did not happen|didn t happen|wasnt real|never took place)\b/,
  // Where or when a check is least likely; a story or an illness they cannot check; "prove otherwise".
  /\b(?:least likely|less likely|unlikely|not likely) to (?:check|catch|notice|spot|inspect|patrol|be checked)\b|\b(?:which|where)\b.{0,40}\bchecks? (?:less|the least|least)\b/,
  /\b(?:good|best|believable|convincing|decent) (?:illness|excuse|reason|lie|sickness|story|bug) (?:to )?(?:say|tell|give|use|put|claim)\b|\b(?:something|anything|one|an illness|a reason) (?:they|the council|the school|you|the \w+) (?:cant|can t|cannot|wont|won t|can not|couldnt) (?:check|prove|verify)\b/,
  /\bsay (?:it|that|they|the \w+) (?:was|were|has been|have been|s been) (?:always there|there for years|already there|there before)\b|\bprove otherwise\b/,
  // Someone else's address put down as the resident's; a document altered to cover more.
  /\bput (?:her|his|their|my (?:\w+ )?(?:friends?|mates?|mums?|dads?|sisters?|brothers?|nans?|partners?)|someone elses|somebody elses) address (?:down )?as (?:mine|my (?:own |home )?address)\b/,
  /\b(?:i|we) (?:have |ve )?(?:edited|altered|doctored|photoshopped|tweaked|changed|faked|forged) (?:mine|my|the|our|it|them)\b.{0,40}\b(?:to (?:cover|show|say|include|make it)|so (?:it|that it) (?:covers|shows|says))\b/,
  // Not paying for what others pay for; what the council can know; a bribe.
  /\bso (?:i|we) (?:dont|don t|do not|never|wont|won t) (?:have to )?pay (?:for )?(?:the )?(?:trade waste|business waste|commercial waste|power|electric|electricity|the tip|tip fees?|a skip)\b/,
  /\bif (?:i|we)\b.{0,120}\b(?:the council|they|anyone|licensing|the police|the inspector|the \w+ team) (?:can|will|would|could) (?:know|find out|notice|see|tell)\b/,
  /\bpay (?:someone|somebody|a person|an officer|the officer|the inspector|a councillor) (?:in|at|from|on|inside) (?:the )?council\b|\bhow much (?:is normal|should i|do i|to) (?:to )?(?:give|pay|slip|offer)\b.{0,40}\b(?:officer|inspector|council|councillor|them|him|her)\b|\b(?:give|slip|offer|pay) (?:the |an? )?(?:\w+ )?(?:officer|inspector|councillor|planner|warden)\b (?:\w+ ){0,4}(?:cash|money|a drink|something|a little something|a tenner|a few quid|a backhander)\b/,
  // Papers dated or written so they pass; a business put in another's name; an explanation for an inspector.
  /\b(?:edit|change|alter|amend|tweak)\b (?:the )?(?:date|dates|expiry|name|amount|figures?)\b (?:on|in) (?:the |my |an |this )?(?:old )?(?:pdf|certificate|letter|document|payslip|statement|form|badge|permit)\b|\b(?:write|make|do)\b (?:the |a )?(?:letter|note|email|certificate)\b (?:like|as if|as though|so it looks like) (?:it )?(?:come|came|comes|is|was) from (?:my |the |a )?(?:doctor|gp|hospital|employer|bank|landlord|school|council)\b/,
  /\bput (?:the |my )?(?:\w+ )?in (?:my |his |her )?(?:sisters|brothers|mums|dads|wifes|husbands|partners|mates|friends|sons|daughters) name\b.{0,60}\b(?:so (?:it|that it) (?:looks|seems)|for (?:the )?(?:relief|discount|exemption))\b|\bregister\w* (?:under|in|with) (?:several|multiple|different|other|my (?:\w+ )?(?:relatives|family|kids|childrens|friends|mates)) (?:\w+ )?names\b/,
  /\b(?:plausible|believable|convincing|best) (?:way|excuse|story|explanation) to (?:explain away|cover|hide|account for)\b|\bexplain away\b/,
  /\bchange the locks\b.{0,60}\b(?:while|when) (?:he|she|they)(?: s| is| are| re)? (?:at work|out|away)\b|\bbin (?:his|her|their) (?:stuff|things|belongings)\b/,
  /\b(?:blue badge|badge)\b.{0,100}\b(?:alone|on my rounds|for work|when (?:she|he|they)(?: s| is| are)? not (?:with|in))\b/,
  // Drugs got or sold; weapons and bangers made; machines rigged; accounts got into; staff doorstepped; jobs lost on a story.
  /\b(?:get|buy|score|find|sell|pick up|cop|grab|source)\b (?:some |a |any )?(?:thc|weed|cannabis|coke|cocaine|ket|ketamine|mdma|spice|edibles|nos|nitrous)\b(?: vapes?| carts?)?|\b(?:who(?:d| d| would)|where can i|how do i|how can i) (?:buy|sell|shift|flog)\b.{0,40}\b(?:tablets|pills|prescription|diazepam|valium|tramadol|codeine|oxycodone|pregabalin|gabapentin)\b|\b(?:tablets|pills|diazepam|valium|tramadol|codeine)\b.{0,60}\bwho(?:d| d| would) buy\b/,
  /\b(?:machine|make|build|print|3d print|convert)\b (?:a |an )?(?:functional |working |homemade |home made |massive |big )?(?:firearm|gun|pistol|rifle|shotgun|suppressor|silencer|banger|pipe bomb|bomb)\b/,
  /\b(?:reprogramme|reprogram|hack|rig|fool|trick)\b (?:the |a )?(?:\w+ ){0,3}(?:machine|meter|pay and display|ticket machine)\b|\bwashers\b.{0,30}\b(?:coins|instead of|in place of)\b|\bstreet ?lighting cabinet\b|\btap (?:the )?power\b/,
  /\b(?:way|ways) into (?:a |an |the |my |his |her |their |someones )?(?:\w+ ){0,2}(?:email|emails|account|accounts|inbox|phone|computer|laptop|system|systems)\b/,
  /\bdoorstep (?:him|her|them)\b|\bmake sure (?:she|he|they) (?:loses?|lose) (?:her|his|their) job\b|\b(?:embellish|exaggerate|twist) (?:what happened|the facts|the story)\b|\bput (?:a |an )?(?:\w+ ){0,3}(?:we|i) (?:dont|do not) (?:actually|really) (?:use|have|employ)\b/,
  // A threat sent; power taken from the street.
  /\b(?:send|write|leave|post|put)\b (?:\w+ ){0,4}(?:an? )?(?:anonymous |nasty |scary |little )?(?:threat|threats|threatening (?:letter|message|note|email|text))\b/,
  /\b(?:wire|hook|tap|connect|plug|run a cable)\b (?:\w+ ){0,4}(?:into|to|off|from) (?:the )?(?:street ?lights?|lamp ?posts?|street lamps?|neighbou?rs? (?:supply|electric|electricity|meter|socket))\b/,
  /\b(?:keep|still|carry on|continue) (?:claiming|getting|receiving|collecting|drawing)\b.{0,80}\b(?:passed|died|dead|passed away|deceased)\b(?!.{0,40}\b(?:what happens|do i need to|should i|how do i (?:tell|stop|report)|stop)\b)/,
  /\b(?:what (?:could|can|should) i|how (?:do|can|could) (?:i|we)|want to|going to|gonna|if i)\b.{0,60}\bso (?:the|that|it|they|his|her|their) (?:\w+ ){0,3}(?:gets?|get|is|are|goes|go) (?:wrecked|damaged|broken|smashed|ruined|destroyed|knackered|vandalised)\b/,
  /\b(?:want to|going to|gonna|wanna|how (?:do|can|could) (?:i|we)|best way to|planning to)\b.{0,20}\b(?:tag|graffiti|spray ?paint|spray)\b (?:the |a |their |his |her )?(?:\w+ )?(?:civic centre|town hall|wall|walls|building|bridge|bus shelter|school|library|station|council|offices?|church|house|underpass|subway|shutters?|train|bus)\b|\b(?:what time|when) (?:are|r|do|does|is) (?:the )?(?:cameras?|cctv) (?:off|switched off|turned off|down|not recording)\b|\b(?:what|which|best|strongest) (?:paint|spray|spray paint|ink|marker)\b.{0,60}\b(?:not|never|cant|cannot|wont|couldnt) (?:be able to )?(?:clean|get|scrub|wash|remove)\b/,
  /\b(?:get rid of|dump|tip|dispose of|chuck|offload)\b.{0,80}\b(?:are|is|would) (?:the )?(?:fields?|woods?|lay ?by|verges?|lanes?|canal|river|car parks?|industrial estate)\b.{0,40}\b(?:any good|ok|okay|alright|safe|quiet)\b/,
  /\b(?:lure|trap|catch)\b.{0,40}\b(?:drown|drowning)\b|\b(?:how (?:do|can|could) (?:i|we)|best way to|want to|going to)\b.{0,30}\b(?:drown|poison|shoot|gas|kill)\b (?:the |them|it|a |my neighbou?rs? |next doors )?(?:\w+ )?(?:foxes|fox|cats?|kittens?|dogs?|puppies|badgers?|hedgehogs?|seagulls?|gulls?|birds?|swans?|ducks?)\b/,
];

/**
 * The council or an official impersonated in calls, texts or letters: a request however it is asked ("need a phone
 * script ... pretending to be the council"), unless the resident tells of one they received.
 */
const IMPERSONATION: readonly RegExp[] = [
  /\b(?:script|scripts|text|texts|email|emails|letter|letters|message|messages|call|calls|calling|ring|ringing|phone|phoning)\b.{0,60}\bpretend(?:ing)? to be (?:from )?(?:the council|eastmere|council|a council|the \w+ (?:team|department|office)|an? (?:officer|inspector|official)|the police|hmrc|dwp|bailiffs?)\b/,
];

/** A wheel clamp taken off by the resident: enforcement undone by hand. */
const CLAMP_REMOVED: readonly RegExp[] = [
  /\b(?:get|take|remove|cut|break|saw|pick)\b (?:the |a |this |that |my )?(?:council |councils )?(?:wheel )?clamp off\b|\bremove (?:a |the |this )?(?:wheel )?clamp (?:myself|yourself|on my own)\b|\b(?:tools?|angle grinder|bolt cutters?) (?:to|for) (?:get|take|remove|cut|break)\b.{0,20}\bclamp\b/,
];

/** Reports or complaints the resident means to make up, against someone who did nothing. */
const FALSE_REPORTS: readonly RegExp[] = [
  /\breport(?:ing)?\b.{0,80}\b(?:even though|although|when|but|though) (?:i know )?(?:she|he|they|it|nobody|no one)(?: s| is| are)? (?:isnt|is not|arent|are not|hasnt|has not|havent|have not|wasnt|didnt|did not|doesnt|does not|never) (?:\w+ )?(?:doing anything|done anything|true|happening|happened|wrong)\b|\breport(?:ing)? (?:loads of |lots of |some |a few )?(?:fake|false|made up|invented|bogus)\b|\b(?:report|complaint|allegation)\b.{0,60}\b(?:that sticks|even if (?:its|it s|it is) not (?:totally |completely |entirely |strictly )?true)\b|\b(?:fake|false|made up|invented|bogus) (?:antisocial behaviour|asb|noise|benefit fraud|fraud|abuse|neglect) (?:reports?|complaints?|allegations?)?\b.{0,40}\b(?:so|to get|until|and get)\b/,
];
/** The resident the target of the false reports: told, not planned. */
const TARGET_OF_REPORTS =
  /\b(?:about me|against me|on me|accused me|accusing me)\b|\b(?:someone|somebody|neighbou?rs?|they|he|she) (?:\w+ )?(?:keeps?|has|have|is|are|made|makes|making|reported|accused)\b.{0,40}\b(?:me|us|my)\b/;

/** A message meant to frighten or intimidate someone. */
const FRIGHTENING: readonly RegExp[] = [
  /\b(?:scare|frighten|intimidate|threaten)\b (?:him|her|them|my neighbou?rs?|the (?:\w+ ){0,2}(?:neighbou?rs?|family|tenant|lodger|officer|man|woman|lady))\b.{0,40}\b(?:enough to|into|so (?:she|he|they)|off|away)\b|\b(?:really|properly|a bit|very) intimidating\b|\b(?:message|letter|note|text)\b.{0,40}\b(?:ll|will|to|that) (?:scare|frighten|intimidate)\b/,
];

/** The resident the one frightened, or sent the message. */
const FRIGHTENED = /\b(?:scare|frighten|intimidate|threaten)\w* (?:me|us|my \w+)\b|\bsent (?:me|us|my \w+)\b/;

/** Whether anyone will find out ("will council check the papers", "would that be detected", "is that alright"). */
const FOUND_OUT: readonly RegExp[] = [
  /\b(?:will|would|could|does|do|can) (?:anyone|anybody|someone|the council|council|they|you|the \w+(?: \w+)?) (?:actually |even |ever |really )?(?:find out|check|notice|know|detect|catch|spot|pick (?:it |this |that )?up|verify)\b|\b(?:would|will|could) (?:that|it|this) be (?:detected|noticed|picked up|spotted|caught|checked|found out)\b|\bgets? picked up\b|\bthey (?:dont|do not|wont|will not) find out\b|\bnobody (?:is )?(?:likely to )?(?:check|checks|notice|notices|find out|finds out)\b|\bis (?:it )?ok if (?:nobody|no one|noone) (?:sees?|see|notices?|knows?)\b|\bwho (?:actually |even |really )?checks?\b|\bnobody (?:needs? to|need) know\b|\bthey (?:not|dont|wont) check\b|\bwould it be (?:detectable|detected|noticed|spotted|obvious)\b|\b(?:an? |the )?(?:inspector|council|anyone|they|someone) (?:would|will|could|might) (?:notice|spot|find out|catch|detect)\b|\bis that (?:alright|ok|okay|allowed)\b|\bwho(?:d| d| would) know\b|\bwhos (?:gonna|going to) (?:know|notice|check|find out)\b|\b(?:would|will) (?:the council|they|anyone|the warden|he|she) fall for it\b|\bwould (?:the council|they|anyone|you) (?:trace|track|notice|catch) (?:it|me|us)\b|\bhow would (?:the council|they|anyone) (?:check|know|find out|notice|tell)\b|\bhow long (?:would|will|does) it take\b.{0,60}\bto (?:notice|find out|catch|spot|pick (?:it )?up)\b|\b(?:will|would) it (?:go through|get through|be accepted)\b|\b(?:nobody|no one|noone) (?:check|checks|looks at|reads|looks closely)\b|\b(?:no one|nobody|noone)(?: ?ll| will| would| d) (?:know|notice|find out|see)\b|\b(?:would|will|do|does) (?:you lot|you guys|yous|you people) (?:ever |even )?(?:actually |really )?(?:check|notice|find out|know)\b|\b(?:the )?(?:driver|drivers|inspector|warden|wardens|staff) (?:does not|doesnt|dont|do not|never|wont|will not) (?:look|looks|check|checks|notice|ask)\b|\bdoes (?:the council|anyone|anybody|they) (?:actually |even |really )?do anything\b/,
];
/** A deception the resident means: not telling, saying what is not so, working for cash, a dead relative's badge. */
const DECEIT_MEANT =
  /\b(?:dont|do not|not|never) tell\b|\bwithout telling\b|\b(?:pretend|fake|lie|lying|hide|backdate)\b|\bclaim (?:the |a |an |my )?(?:\w+ )?(?:exemption|discount|relief|benefit|support|reduction)\b|\b(?:for|in) cash\b|\bsay (?:that )?(?:i|we|he|she|they) (?:m|am|are|re|is|s|have|has|ve|live|lives)\b|\bsay (?:that )?(?:im|were|hes|shes|theyre) \w+|\b(?:leave|leaving) (?:off|out) (?:my|the|our|his|her)\b|\bnot (?:put|mention|declare|include) (?:my|the|our)\b|\bexplain away\b|\blet (?:my |the )?(?:\w+ ){0,2}(?:benefit|discount|exemption|support|claim) (?:continue|carry on|keep going|run on)\b|\b(?:keep|use) (?:it|the badge|her badge|his badge) (?:in the|on my|for my|when i)\b|\beven if (?:its|it s|it is) not (?:totally |completely |entirely |strictly )?true\b|\bchange the locks\b|\b(?:invoice|bill|charge) (?:them |the council )?for (?:the )?(?:full|whole|more)\b|\bleave (?:my )?(?:late |dead )?(?:wife|husband|partner|mum|dad|mother|father) on\b|\bas still living\b|\bsay (?:that )?my (?:\w+ )?(?:husband|wife|partner|son|daughter|mum|dad|children|kids) (?:still )?(?:live|lives|is|are|has|have)\b|\b(?:change|edit|alter) the dates?\b|\breuse (?:last years|an old|my old)\b|\b(?:put|write|tick|say) on (?:the )?(?:form|application) (?:that )?(?:i|we) (?:have|ve|m|am|live|earn)\b|\b(?:photocopy|copy|clone|duplicate) (?:my |his |her |their )?(?:mates|friends|someones|somebodys|neighbou?rs|dads|mums)\b|\bused? (?:my |his |her |their )?(?:\w+ ){0,2}(?:in laws|mums|dads|friends|mates|cousins|relatives|nans|aunts|uncles|brothers|sisters) address\b|\b(?:false|fake|made up) (?:address|name|date of birth|details|income|information)\b|\btake (?:\w+ ){0,3}(?:paper|things|stuff|supplies|equipment|tools)\b|\btell (?:the |them|the \w+ (?:people|team|office))\b.{0,20}\b(?:i ve|ive|i have|we ve|weve|we have|i m|im|i am)\b|\binstead of \d+\b|\b(?:understate|overstate|under ?declare|under ?report|fiddle|massage) \w+|\b(?:sign|signing) (?:\w+ ){0,3}in (?:his|her|their) name\b|\bwithout (?:him|her|them) (?:understanding|knowing|realising)\b|\b(?:put|write|tick) (?:down )?(?:that )?(?:i m|im|i am|i have|i ve|ive|i have no|we have|we re)\b|\b(?:late|dead|deceased) (?:mother|father|mum|dad|husband|wife|partner|nan|gran|grandad)s? (?:\w+ )?(?:\w+ )?(?:badge|pass|permit|card)\b|\bput (?:my |the |our )?(?:\w+ ){0,2}down as (?:closed|empty|vacant|unoccupied|single|not trading)\b|\b(?:its|it s|it is) (?:basically|mostly|more or less|kind of|sort of) true\b|\b(?:may|can|could) (?:he|she|they|my \w+) (?:display|use) (?:it|my badge|my pass|my permit)\b|\bborrow (?:it|his badge|her badge|their badge|the badge|a blue badge|his blue badge|her blue badge|(?:my )?\w+s (?:blue )?badge)\b|\bso (?:it|that it) sticks\b/;

/** What is claimed, set beside what is really so ("say he lives with me? he lives with his mum really"). */
const CLAIMED_NOT_SO: readonly RegExp[] = [
  /\b(?:say|tell (?:the council|them|the housing \w+|you)) (?:that )?(?:my (?:\w+ )?(?:partner|husband|wife|boyfriend|girlfriend|son|daughter|lodger|mum|dad)s?|he|she|they|i|we)(?: s| has| is| have)? (?:moved out|left|moved in|lives?|live|is|are|am|m|has|have|was)\b.{0,80}\b(?:really|actually|in reality|still here|still lives|still living|but (?:he|she|they|i|we) (?:dont|doesnt|isnt|arent|live|still|actually|really))\b/,
  /\b(?:cut off|turn off|switch off|disconnect) (?:the )?(?:electricity|electric|power|gas|water|heating)\b.{0,60}\b(?:tenant|tenants|lodger|lodgers)\b|\b(?:tenant|tenants|lodger|lodgers)\b.{0,80}\b(?:cut off|turn off|switch off|disconnect) (?:the |their |his |her )?(?:electricity|electric|power|gas|water|heating)\b/,
  /\bmake (?:his|her|their|the \w+s) (?:life|lives) (?:\w+ ){0,2}(?:uncomfortable|hell|a misery|miserable|difficult|unbearable)\b/,
  /\bbackdat\w* (?:a |the |my )?(?:\w+ )?(?:tenancy|agreement|document|letter|form|start date|contract|lease|bill|certificate)\b.{0,60}\b(?:so as to|so (?:it|that|i)|to (?:appear|look|make|show|seem))\b/,
  /\busing (?:my |his |her |their )?(?:\w+ )?(?:nans|mums|dads|grans|grandads|mates|friends|sisters|brothers|neighbou?rs|someone elses|somebody elses) (?:details|name|id|badge|pass|account|card|identity|address)\b/,
  /\bbuy (?:a |an )?(?:driving licence|passport|id card|degree certificate|birth certificate|national insurance card)\b (?:\w+ ){0,3}(?:from (?:a|some|this) (?:man|guy|bloke|friend|mate|someone|person)|online|off (?:a|someone))\b/,
];

/**
 * Deception said outright (papers that show what is not so, a death not reported, a room let undeclared, a form
 * misstated, a description that misleads, a report against someone who did nothing): a request however it is asked.
 */
const DECEPTION_SAID: readonly RegExp[] = [
  /\b(?:tell|report)\b.{0,60}\beven (?:she|he|they|if (?:she|he|they)(?: s| is| are)?) (?:not|isnt|is not|doesnt|does not|dont|do not|has not|hasnt)\b|\breport\w*\b.{0,60}\b(?:even without (?:any )?evidence|to put pressure on)\b/,
  /\btwo (?:\w+ ){0,3}(?:grants|payments|claims|discounts|permits|badges)\b.{0,60}\b(?:same (?:children|kids|house|address|car)|one in my name)\b|\bsign (?:my |his |her |their )?(?:late |dead |deceased )(?:\w+s) name\b|\b(?:forge|copy|fake) (?:my |his |her |their )?(?:\w+s )?signature\b/,
  /\b(?:break|damage|smash|crack)\b (?:the |a |my )?(?:\w+ ){0,2}(?:window|door|boiler|pipe|toilet|lock)\b.{0,60}\b(?:move me|rehouse|moved|faster|quicker|priority)\b/,
  /\b(?:cartridges|ammunition|ammo|bullets|gas canisters?)\b.{0,40}\b(?:bonfire|fire|burn)\b|\b(?:bonfire|fire)\b.{0,40}\b(?:cartridges|ammunition|ammo|bullets|gas canisters?)\b/,
  /\b(?:edit|alter|change|doctor|photoshop|tweak|amend)\b(?: \w+){0,3} (?:pdfs?|bills?|documents?|letters?|statements?|payslips?)\b.{0,60}\b(?:shows?|says?|reads?) (?:a )?(?:different|another|new|false|fake|lower|higher) (?:address|name|date|salary|amount|figure)\b|\bmake (?:a )?(?:paper|papers|letter|payslip|document) from (?:my )?(?:employer|boss|work|bank)\b.{0,40}\b(?:smaller|lower|less|bigger|higher|different)\b/,
  /\b(?:not|dont|do not|never) (?:report|register|tell (?:the council|them|anyone) about) (?:her|his|their|the|my \w+s?) death\b|\bpaying the rent in (?:her|his|their) name\b/,
  /\bwithout (?:declaring|telling|informing|reporting) (?:it|them|this|the (?:council|income|lodgers?|tenants?|students?))\b.{0,100}\b(?:so (?:that )?(?:the |my )?(?:\w+ ){0,4}(?:discount|benefit|support|reduction|exemption|relief)|not affected)\b/,
  /\bmisstat\w*|\bmisrepresent\w*|\bwithout triggering (?:a |an )?(?:site visit|inspection|check|review|audit)\b|\b(?:convincing|believable|realistic|genuine looking) enough to (?:support|get|pass|fool|convince|satisfy)\b/,
  /\b(?:describe|call|class|classify|list|present)\b (?:\w+ ){0,5}as\b.{0,60}\b(?:though|although|even though|when in fact|when really)\b.{0,60}\b(?:so as to|to (?:get|obtain|claim|qualify))\b/,
  /\b(?:put|say|write|tick) (?:on (?:the )?form )?(?:that )?(?:i|we) (?:live|lives|am|m) (?:alone|on my own|by myself|single)\b.{0,60}\b(?:when|but|though|even though|while)\b.{0,40}\b(?:lives|living|stays|staying|is) (?:here|with me)\b|\bbasically lives here\b/,
  /\b(?:damage|break|sabotage|wreck)\b.{0,80}\b(?:so (?:that )?it (?:appears|looks|seems)|appears? to be|look like|looks like) (?:ordinary |normal |natural )?(?:wear|an accident|accidental|old age|natural)\b/,
  /\bbuy (?:a |an )?(?:blue badge|disabled badge|bus pass|disabled parking badge)\b|\b(?:blue badges?|disabled badges?)\b.{0,40}\bpeople sell\b/,
  /\b(?:though|although|even though) (?:he|she|they) (?:has|have) (?:committed|done) (?:none|nothing)\b|\bsimply to inconvenience\b|\bjust to (?:annoy|inconvenience|wind up|upset|get at) (?:him|her|them)\b/,
];

/** Forged or fake papers obtained or made ("where would i get a forged mot certificate"). */
const FORGED_PAPERS: readonly RegExp[] = [
  /\b(?:get|buy|obtain|source|order|find|make|print|knock up|get hold of|run off)\b (?:me |us )?(?:a |an |some |the )?(?:forged|faked|fake|counterfeit|false|dodgy|knock ?off|bent|fraudulent) (?:\w+ )?(?:mot|mots|certificates?|documents?|ids?|passports?|licen[cs]es?|badges?|permits?|payslips?|references?|sick notes?|fit notes?|doctors notes?|bank statements?|tenancy agreements?|signatures?|bills?|receipts?|invoices?|insurance|proof of address)\b/,
];
/** Telling a forgery from the real thing, or having been sold one: a resident checking, not asking for one. */
const CHECKING_PAPERS =
  /\b(?:spot|check|checked|checking|tell (?:if|whether)|recogni[sz]e|identify|detect|verify|genuine|scam|scammed|sold|bought|given|report)\b/;

/** The families in order: deception said outright, getting away with it, then the acts. */
export const CONCEALMENT: readonly RequestFamily[] = [
  { reason: 'harmful', patterns: DECEPTION_SAID, unless: [TARGET_OF_REPORTS, FRIGHTENED, MEANS_NO_HARM] },
  { reason: 'harmful', patterns: FOUND_OUT, when: [DECEIT_MEANT], unless: [TOLD_OF_CONCEALMENT, MEANS_NO_HARM] },
  { reason: 'harmful', patterns: CLAIMED_NOT_SO, unless: [TOLD_OF_CONCEALMENT, TARGET_OF_REPORTS] },
  {
    reason: 'harmful',
    patterns: HARM,
    when: [ASKING_OR_PLANNING_LOOSELY],
    unless: [TOLD_OF_CONCEALMENT, MEANS_NO_HARM],
  },
  { reason: 'harmful', patterns: IMPERSONATION, unless: [TOLD_OF_CONCEALMENT] },
  { reason: 'harmful', patterns: CLAMP_REMOVED, when: [ASKING_OR_PLANNING_LOOSELY], unless: [TOLD_OF_CONCEALMENT] },
  { reason: 'harmful', patterns: FALSE_REPORTS, unless: [TARGET_OF_REPORTS] },
  { reason: 'harmful', patterns: FRIGHTENING, unless: [TOLD_OF_CONCEALMENT, TARGET_OF_REPORTS, FRIGHTENED] },
  {
    reason: 'harmful',
    patterns: FORGED_PAPERS,
    when: [ASKING_OR_PLANNING_LOOSELY],
    unless: [TOLD_OF_CONCEALMENT, CHECKING_PAPERS],
  },
];
