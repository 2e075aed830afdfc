import { MEANS_NO_HARM } from './requestClasses';
import { familyReader, type RequestFamily } from './requestFamilies';
import { ASKING_OR_PLANNING_LOOSELY, BOOKED_BY_RESIDENT, TOLD_OF_CONCEALMENT } from './residentCues';

/**
 * Families of request that hide inside ordinary service words, read as shapes over a message as `normaliseText`
 * leaves it:
 * - attempts on the bot: its keys and tokens, the topics it is told to refuse, hidden text it is asked to obey;
 * - someone else's records: the council's records checked about a named or described person, an account read by
 *   number, a record for a named person with their date of birth, whether someone at an address has something,
 *   other people's names in an export;
 * - concealment from an authority (hiding something from an inspector, a warden or the council), getting away with it
 *   ("can i ... does anyone actually check"), papers altered so a figure looks lower, a convincing story, benefit kept
 *   after a death, damage meant ("so the camera gets wrecked"), graffiti planned, waste dumped in the fields, animals
 *   drowned or killed; the council impersonated, however it is asked; forged papers obtained; a wheel clamp taken off;
 *   reports made up against someone; a message meant to frighten;
 * - unrelated writing and advice: pages and letters written for someone, plans for the gym, dating, home computers,
 *   lists of names.
 */

const INJECTION: readonly RegExp[] = [
  /\b(?:api keys?|access tokens?|secret keys?|client secrets?|connection strings?|bearer tokens?)\b.{0,60}\b(?:you|u|youre)\b(?: \w+){0,2} (?:use|uses|using|have|talk|connect)\b|\b(?:your|the bots?|the chatbots?) (?:api keys?|access tokens?|secret keys?|tokens?|credentials)\b/,
  /\b(?:topics?|things?|subjects?|questions?|words?|areas?)\b (?:that )?(?:you|u)(?: re| are| were| have been)? (?:told|not allowed|instructed|programmed|trained|meant|supposed|set up|designed) (?:to )?(?:refuse|avoid|decline|block|ignore|not (?:answer|talk about|discuss|help with))\b/,
  /\b(?:text|note|message|line|words|instructions?)\b.{0,40}\b(?:white (?:font|text)|hidden|invisible|tiny (?:font|text)|at the bottom)\b.{0,60}\b(?:tells? you|follow|obey|do what)\b|\b(?:text|note|message|instructions?) (?:that |which )?tells? you (?:what to do|to)\b.{0,60}\b(?:follow|obey|do it|do what)\b/,
];

const DATA: readonly RegExp[] = [
  // What other people typed to the bot; the contact details someone gave the council.
  /\bwhat (?:other people|others|other residents|other users|people) (?:write|wrote|say|said|ask|asked|type|typed) (?:to )?(?:you|u)\b/,
  /\b(?:amount|amounts|how much)\b.{0,30}\b(?:paid|owed|owing|pays)\b.{0,30}\b(?:each|every|all) (?:property|properties|house|houses|household|flat|flats|home)\b|\bwhat (?:income|earnings|salary|wages|benefits|amount) (?:did|does|has) (?:she|he|they|my \w+) (?:declare|declared|claim|report|put down|earn)\b/,
  /\b(?:list|lists|spreadsheet|database) of (?:all )?(?:the )?(?:\w+ ){0,4}(?:drivers|tenants|residents|landlords|licen[cs]e holders|claimants|customers|members|owners|businesses)\b.{0,40}\b(?:phone numbers|numbers|emails|email addresses|addresses|contact details|mobiles)\b/,
  /\b(?:confirm|tell me|give me|what is) (?:the )?address (?:at which|where) (?:she|he|they) (?:has|have|is|are|was|were) (?:been )?(?:placed|housed|moved|rehoused|living)\b/,
  /\bwhich (?:other )?(?:families|households|people|residents|tenants|neighbou?rs|clients)\b (?:get|receive|are on|claim|have|are getting)\b/,
  /\b(?:provide|give|send|show|share|forward)\b (?:me |us )?(?:his|her|their) (?:\w+ ){0,3}(?:contact details|phone number|email|address|details)\b|\b(?:find|find out|know|tell me) where (?:he|she|they|the (?:\w+ ){0,2}(?:director|manager|officer|councillor|chief executive|leader)) (?:lives|live)\b/,
  /\b(?:list|give|send|show|provide|export)\b.{0,40}\b(?:names?|addresses|properties|households|people|residents)\b.{0,60}\b(?:in arrears|owing|who owe|behind (?:on|with) (?:their )?(?:council tax|rent))\b/,
  /\b(?:is|has) (?:he|she|they) (?:\w+ ){0,2}(?:in|gone into|moved into|been moved to) (?:a )?(?:care home|nursing home|hostel|refuge)\b.{0,40}\bwhich one\b/,
  /\bwho (?:is|s|are) (?:living|staying|residing) (?:in|at) (?:flat|number|no) \d+/,
  /\b(?:login|logins|log in|credentials|passwords?|usernames?) (?:\w+ )?(?:used by|for|of) (?:the )?(?:\w+ ){0,2}(?:team|staff|officers?|department|wardens?)\b/,
  /\bwhat (?:do|did|does|have|has) (?:the )?(?:council )?(?:staff|officers?|social workers?|carers|they) (?:write|wrote|written|say|said|put|record|recorded|note|noted) (?:about|bout|on|re) (?:my )?(?:mum|dad|mother|father|nan|gran|son|daughter|brother|sister|husband|wife|partner|neighbou?r|friend|him|her|them)\b/,
  /\b(?:told|reported|complained to|grassed to|rang|contacted) (?:the council|you|environmental health|the \w+ team)\b.{0,80}\b(?:who (?:it was|that was|did|it is)|their name|which neighbou?r)\b/,
  /\bwhat (?:does it|do they|did it) say in (?:the |her |his |their )?(?:\w+ )?(?:records?|notes|file|files)\b.{0,40}\babout (?!me\b)/,
  /\b(?:names?|home addresses|addresses|contact details|phone numbers|emails?) (?:and (?:home )?(?:addresses|contact details|phone numbers|emails?) )?of (?:all |the |every )?(?:objectors|complainants|residents who objected|people who (?:objected|complained|reported))\b/,
  /\b(?:conversations?|chats?|messages|questions|transcripts?)\b (?:that |which )?(?:other|another|the other) (?:residents?|users?|people|customers?|members of the public)\b/,
  // An inspector's private notes; a competitor's records.
  /\b(?:private|internal|confidential|officers?|inspectors?) notes (?:from|of|by|on|about) (?:the )?(?:inspector|officer|inspection|visit)\b|\b(?:competitor|competitors|rival|rivals)(?: s)? (?:\w+ ){0,2}(?:inspection|report|reports|file|records?|notes|application|accounts)\b/,
  /\bwhat (?:email|email address|phone number|mobile number|number|address|name) (?:did|does|do|has|have) (?:the|that|this|my|our) (?:\w+ ){0,3}(?:couple|man|woman|person|people|family|guy|lady|bloke|resident|tenant|neighbou?r|applicant|customer|caller)\b/,
  // A redacted document without its redactions.
  /\b(?:send|give|show|share|email|forward|supply|provide|release|disclose|let me see|can i (?:see|have|get))\b.{0,40}\b(?:unredacted|un redacted|unblacked|without (?:the )?(?:redactions|blacking out|black bars))\b/,
  /\b(?:the |a )?(?:previous|last|other|another|next) (?:user|users|person|people|resident|residents|customer|customers|visitor|visitors)(?: s)? (?:asked|said|typed|wrote|told|sent|messages|chats?|questions|conversations?)\b/,
  // Papers not yet published, or kept confidential.
  /\b(?:send|give|show|share|forward|email|leak|let me (?:see|have)|can i (?:see|have|get))\b.{0,100}\b(?:(?:havent|haven t|have not|hasnt|has not|not) (?:yet )?been published|unpublished|marked (?:as )?(?:confidential|restricted|private|not for publication)|confidential (?:papers|reports?|documents?|minutes|appendix|appendices|briefings?|drafts?))\b/,
  /\b(?:staff|employees|officers|admin|office|internal|back office|council) (?:wifi|wi fi|network|system|computer|intranet) (?:password|login|code|pin|key)\b/,
  /\b(?:codes?|combination|pin) (?:for|to|of) (?:the |a )?(?:\w+ ){0,3}(?:padlock|lock|gate|door|key ?safe|lockbox|alarm|shutter|roller shutter)\b(?!.{0,40}\b(?:booked|my booking|doesnt work|not working|wont work|changed|forgot|lost|reset)\b)/,
  /\b(?:hr|disciplinary|grievance|investigation|internal) (?:investigation |disciplinary )?(?:reports?|files?|records?|findings|notes)\b (?:into|on|about|for) (?:the |a |my )?(?:\w+ ){0,3}(?:manager|officer|worker|employee|member of staff|councillor|teacher|warden|director|caretaker)\b/,
  /\b(?:which|what) (?:hostel|refuge|shelter|safe house|care home|flat|address)\b.{0,30}\b(?:is (?:he|she|they)|(?:he|she|they)(?: s| is| re| are)? (?:in|at|staying|living))\b|\bin one of (?:your|the) (?:hostels|refuges|shelters|safe houses|care homes)\b.{0,40}\bwhich\b|\b(?:he|she|they)(?: s| is| are)? in one of (?:your|the) (?:hostels|refuges|shelters|flats|homes)\b/,
  /\b(?:any|a) records? of (?:my |the |our )?(?:neighbou?rs?|tenants?|lodgers?|ex|him|her|them|[a-z]+ [a-z]+) (?:being|having|getting)\b/,
  /\b(?:check|look at|look in|look through|search|go through|pull up) (?:your|the|council) (?:records|system|systems|database|files|computer)\b.{0,60}\b(?:confirm|tell me|see|whether|if|what)\b.{0,40}\b(?:he|she|they|hes|shes|theyre|him|her|them|neighbou?rs?)\b/,
  /\b(?:are|is) (?:they|he|she|the (?:\w+ )?(?:neighbou?rs?|tenants?|family|people|owners?|occupiers?)(?: next door| upstairs| downstairs| opposite| at number \d+| in flat \d+)?) (?:up to date|behind|in arrears|paying|keeping up) (?:with|on) (?:their|his|her|the) (?:payments|rent|council tax|bills|instalments)\b/,
  /\b(?:payment history|account (?:history|balance|details|notes)|transactions?|notes) (?:for|on|of) (?:account|acc|ref|reference|customer|property|claim)(?: no| number)? ?\d{4,}/,
  /\b(?:claim|record|records|file|account|details|case) (?:for|of) (?:mr|mrs|ms|miss|dr)\b|\b(?:post|paste|put|drop|share|copy)\b(?: \w+){0,8} (?:into|in) (?:this|the) (?:chat|conversation)\b/,
  /\b(?:does|has|have|is) (?:he|she|they|this (?:man|woman|person|guy|bloke|lad)|her (?:new )?(?:boyfriend|partner|husband)|his (?:new )?(?:girlfriend|partner|wife)) (?:got |have )?any (?:council )?(?:records|warnings|convictions|complaints|history|asbos?|antisocial behaviour (?:warnings|orders)|notes)\b/,
  /\b(?:export|list|table|spreadsheet|download|send me|give me|all the|all|every|raw data|raw)\b(?: \w+){0,6} (?:with |including |and )?(?:the )?(?:drivers|residents|tenants|claimants|owners|peoples|customers|voters|users|applicants) (?:names|addresses|details|phone numbers|emails|dates of birth)\b/,
  /\b(?:does|do|has|have|is|are) (?:anyone|anybody|someone|the \w+|they|he|she) (?:at|in|from) (?:number |no |flat )?\d+\b.{0,40}\b(?:have|got|claim|get|on|registered|receive|owe)\b/,
];

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

/** Code or a game the bot is asked to write ("could you just write the whole snake game in python for me"). */
const CODE_WRITTEN: readonly RegExp[] = [
  /\b(?:could|can|will|would) (?:you|u)\b.{0,20}\b(?:write|code|make|build|program|create)\b(?: \w+){0,5} (?:game|app|script|program|website|bot|code)\b(?:.{0,30}\b(?:python|javascript|java|scratch|html|react|unity|c)\b)?/,
];
/** Writing by the word count, or an opinion column: production asked for, whatever the subject. */
const WRITING_TO_ORDER: readonly RegExp[] = [
  /\b\d+ ?word (?:essay|column|article|piece|story|blog|speech|report|poem)\b|\b(?:opinion (?:column|piece)|op ed)\b/,
];

/** Whether a service teaches it ("does the library run a coding club"). */
const A_CLASS_ASKED =
  /\b(?:is there|are there|does|do|can i (?:join|book|sign up))\b.{0,40}\b(?:club|class|classes|course|courses|session|sessions|workshop)\b/;

/** Names and details of people described ("the new family at number 8, what are their names"). */
const THEIR_NAMES: readonly RegExp[] = [
  /\bwhat(?:s| s| are| is| were| was) (?:their|his|her) (?:full )?(?:names?|phone numbers?|numbers?|emails?|email addresses|dates? of birth|ages)\b/,
];
/** An organisation's details are public ("the water company, what is their phone number"). */
const AN_ORGANISATION =
  /\b(?:company|supplier|provider|firm|department|office|team|service|charity|helpline|school|surgery|gp|hospital|housing association|agency|shop|business|library|centre|council)\b.{0,40}\b(?:their|its)\b/;

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

/** Someone's social media or personal number ("the lifeguard with the blonde hair, whats her insta"). */
const SOCIALS: readonly RegExp[] = [
  /\b(?:whats|what is|what s|give me|send me|tell me|got|get|find) (?:\w+ )?(?:her|his|their) (?:insta|instagram|snapchat|snap|facebook|fb|tiktok|whatsapp|socials|mobile|mobile number|personal number|phone number)\b/,
];
/** The resident's own worker, whose work number the council gives. */
const OWN_WORKER = /\bmy (?:social worker|housing officer|case ?worker|key ?worker|councillor|support worker|carer)\b/;

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

const OFF_TOPIC: readonly RegExp[] = [
  /\b(?:logistic regression|linear regression|interaction term|p value|standard deviation|t test|anova|chi squared)\b|\b(?:life|career) (?:question|advice|decision)\b|\bwhether to (?:finish|quit|leave|take|stay in)\b|\b(?:tips|advice) for (?:getting )?(?:the |my |two |three )?(?:kids|children|toddlers?|baby|babies) to (?:bed|sleep|eat|behave)\b|\bbetter sleep\b/,
  /\bderive\b.{0,40}\b(?:equation|formula|theorem|from first principles)\b|\bfrom first principles\b|\b(?:how do i|how can i|how to) (?:fix|repair|mend) (?:a |an |the |my )?(?:\w+ ){0,3}(?:hydraulic|engine|gearbox|clutch|tractor|motorbike|carburettor|exhaust)\b/,
  /\byour (?:assessment|verdict|evaluation|analysis)\b.{0,60}\b(?:government|policy|minister|party|parties|prime minister|chancellor|fiscal|economy|budget)\b/,
  // Everyday advice no service gives: sleep, baking, exercises for aches, investing, tests, flirting, verse forms.
  /\b(?:sleep|sleeping) tips\b|\btips for (?:sleeping|sleep|falling asleep|rizzing|rizz|flirting|chatting up)\b|\brizz\w*\b/,
  /\bhow (?:do|can|should) i (?:make|bake|cook) (?:a |an |the |my )?(?:proper |perfect |good |decent )?(?:victoria sponge|sponge|cake|bread|sourdough|pastry|scones|brownies|roast|curry|lasagne|pancakes|yorkshire puddings)\b/,
  /\bwhat exercises (?:should|can|could) i do\b|\bexercises (?:do you|would you|you) recommend\b|\bteach me\b.{0,30}\b(?:english|grammar|spanish|french|maths|math|chemistry|physics|coding|python)\b|\bexercises (?:for|to help) (?:my )?(?:knees|back|neck|shoulders|hips|joints)\b/,
  /\b(?:index funds|etfs|pension funds|pension contributions?|premium bonds|stocks and shares|sell my shares|invest (?:it|the money|my money|my savings))\b|\b(?:route|directions) (?:from )?\w+ to (?:heathrow|gatwick|stansted|luton|london|manchester|birmingham|the airport)\b|\bavoiding the m\d+\b/,
  /\b(?:theory test|driving test|exam)\b.{0,40}\b(?:questions (?:and|with) (?:the )?answers|answers to the questions)\b/,
  /\b(?:sonnet|haiku|limerick|villanelle|ode|ballad|acrostic)\b/,
  /\b(?:your|ur) (?:considered |personal |own |honest )?(?:view|views|opinion|take)\b.{0,60}\b(?:prime minister|pm|government|mp|party|parties|politician|leader|minister)\b|\b(?:parties|party|candidates?)\b.{0,60}\b(?:would you|do you) (?:personally )?(?:recommend|back|support|vote for)\b/,
  // Asking the boss for a rise; persuading a relative; which product to buy.
  /\b(?:how (?:do|can|should) i|best way to|how to) (?:ask|approach|tell) (?:my |the )?(?:boss|manager|line manager)\b.{0,30}\b(?:pay rise|raise|promotion|day off|time off|more money)\b/,
  /\bhow (?:do |can |should )?i (?:convince|persuade) (?:my )?(?:son|daughter|husband|wife|partner|kids?|child|teenager|boyfriend|girlfriend|mum|dad|parents)\b/,
  /\b(?:which|what|best|good) (?:tyres|tires|car|phone|laptop|tv|headphones|hoover|vacuum|washing machine|pram|buggy|mattress) (?:is|are)? ?(?:best|good|should i (?:buy|get))\b|\b(?:tyres|tires) (?:are|is) (?:best|good) for\b/,
  // Dealing with people at work or at home: life advice (not a council matter, not abuse, which safety reads).
  /\bhow (?:do|can|should) i (?:deal with|handle|cope with|get on with|stand up to) (?:a |my )?(?:boss|manager|line manager|coworker|co worker|colleague|mother in law|teenager|toddler|difficult (?:customers|people|clients|colleagues))\b(?!.{0,80}\b(?:council|abus\w*|violent|hits?|hurts?|threaten\w*|scared|afraid|controlling|harass\w*)\b)/,
  // Symptoms, and what is wrong with the resident: a doctor's question (an emergency is read first, by the safety work).
  /\b(?:headaches?|migraines?|rash|cough|fever|temperature|sore throat|dizzy|dizziness|twitch\w*|lump|swollen|swelling|earache|toothache|back pain|stomach (?:ache|pain)|pain in my)\b.{0,100}\b(?:whats wrong with me|what s wrong with me|what is wrong with me|what could it be|what do i have|is it serious|should i be worried|diagnose)\b/,
  /\bshould i (?:put|invest|keep|move) (?:my )?(?:savings|money|pension|cash|lump sum)\b|\bshould i (?:break up with|dump|divorce|marry|propose to)\b|\bdating (?:app|apps|site|sites)\b/,
  /\b(?:which|what) (?:antibiotics|medication|medicine|tablets|pills|painkillers|dose)\b.{0,20}\b(?:should|do|can) i (?:take|use|get)\b/,
  /\b(?:morally|ethically) (?:wrong|right|ok|okay|acceptable)\b|\b(?:i want|give me|tell me) (?:your|ur) (?:personal |honest |own )?(?:view|opinion|take)\b|\b(?:is|are) (?:climate change|global warming|vaccines?|the moon landing|covid)\b.{0,20}\b(?:real|a hoax|a lie|fake|a scam|exaggerated)\b/,
  /\b(?:need|want|write|make|do|gimme|give me) (?:me )?(?:a |an |my )?(?:cv|resume|cover letter|personal statement)\b/,
  /\b(?:plan|organise) (?:me |us )?(?:a |an |my |our )?(?:\d+ day |week long |weekend )?(?:road trip|holiday|itinerary|honeymoon|stag do|hen do)\b/,
  /\b(?:write|do) (?:him|her|them|me|us) (?:a |an )?(?:page|paragraph|piece|essay|report|summary|few lines|poem|story|speech)\b/,
  /\b(?:cover letter|cv|resume|personal statement|essay|speech|poem|story)\b.{0,50}\b(?:can|could|would|will) (?:you|u) (?:write|do|make|draft) (?:one|it|that|me one|this)\b/,
  /\b(?:\d+ week|weekly|daily|monthly) (?:gym|workout|training|diet|meal|fitness|exercise|running|revision) (?:plan|programme|program|routine|schedule)\b|\b(?:gym|workout|diet|meal|fitness) plan (?:to|for) (?:build|lose|gain|get)\b/,
  /\b(?:ask (?:a |this |the )?(?:girl|boy|guy|lad|woman|man|someone|her|him|them) out|chat (?:her|him) up|first date|date ideas|tinder|hinge|bumble|text (?:a|this|the) (?:girl|guy|boy|lad|woman|man|bloke)|(?:girl|guy|boy|lad|woman|man) i (?:met|fancy|like))\b/,
  /\b(?:windows|macbook|mac|iphone|ipad|android|laptop|pc|printer|router|xbox|playstation|ps5|nintendo)\b.{0,40}\b(?:error|keeps (?:failing|crashing|freezing)|wont (?:start|update|connect|turn on|boot)|not (?:updating|booting))\b|\b0x[0-9a-f]{6,8}\b/,
  /\b(?:score prediction|predict the (?:score|result|winner))\b|\b(?:predict|prediction for|tip me)\b.{0,30}\b(?:score|scores|match|game|v|vs|versus|final|race|grand national|league|cup|fight|winner)\b/,
  /\b(?:rewrite|reword|redo|improve|polish|proofread|tidy up) (?:my |this |the )?(?:\w+ )?(?:cv|resume|personal statement|cover letter|essay|dissertation|bio|linkedin)\b/,
  /\b(?:give me|suggest|list|come up with|need|want)\b(?: \w+){0,2} \d+ (?:\w+ )?(?:name ideas|names|ideas|slogans|taglines|captions)\b/,
  /\b(?:guitar|piano|violin|drums|ukulele|singing|chess|golf|painting|knitting|coding|spanish|french|german|japanese)\b.{0,30}\b(?:best way to (?:start|learn|begin|get better)|how (?:do i|to|should i) (?:start|learn|begin|get better))\b/,
];
/** A council service, or the council asked about: a question about it, not unrelated work. */
const SERVICE =
  /\b(?:library|libraries|community centre|leisure centre|council|councils|adult learning|course|courses|class|classes|club|clubs|job ?centre|careers|youth (?:service|centre|club)|app|website|portal|online account|form|wifi in|computers? at)\b/;

/** The resident's own data, or whether a code exists at all ("is there an access code for the bin store"). */
const OWN_OR_EXISTS =
  /\b(?:my own (?:data|details|records?|file|account|information|personal data|code|pin)|subject access|about me)\b|\bis there (?:a|an|any) (?:\w+ )?(?:code|pin|combination)\b/;

/** The families in order: the bot, others' records, concealment and harm, unrelated work. */
export const CONCEALMENT_AND_RECORDS: readonly RequestFamily[] = [
  { reason: 'injection', patterns: INJECTION },
  { reason: 'dataExfiltration', patterns: DATA, unless: [OWN_OR_EXISTS, BOOKED_BY_RESIDENT] },
  { reason: 'dataExfiltration', patterns: THEIR_NAMES, unless: [AN_ORGANISATION] },
  { reason: 'dataExfiltration', patterns: SOCIALS, unless: [OWN_WORKER, AN_ORGANISATION] },
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
  { reason: 'offTopicGeneration', patterns: OFF_TOPIC, unless: [SERVICE] },
  { reason: 'offTopicGeneration', patterns: CODE_WRITTEN, unless: [A_CLASS_ASKED] },
  { reason: 'offTopicGeneration', patterns: WRITING_TO_ORDER, unless: [A_CLASS_ASKED] },
];

export const matchConcealmentAndRecords = familyReader(CONCEALMENT_AND_RECORDS);
