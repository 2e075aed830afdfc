import type { RequestFamily } from './requestFamilies';

/**
 * Unrelated writing and advice, read as shapes over a message as `normaliseText` leaves it: pages and letters written
 * for someone, plans for the gym, dating, home computers, lists of names, code or a game, writing by the word count.
 * A council service asked about, or a class it runs, is a question about it.
 */

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
  // What to cook tonight; a recipe, however small.
  /\bwhat (?:should|can|shall|could) (?:i|we) (?:have|make|cook) for (?:my |our )?(?:tea|dinner|lunch|supper|breakfast|tonight)\b|\bwhat can (?:i|we) (?:make|cook) with\b|\b(?:quick|easy|simple|cheap|good|nice|proper) (?:\w+ )?recipe\b|\brecipe (?:for|idea|ideas)\b/,
  // Betting tips; a language's verbs.
  /\bwhat (?:horse|dog|team|runner) should (?:i|we) (?:back|bet on|put money on)\b|\b(?:betting tips?|each way bet|accumulator|acca)\b|\b(?:back|bet on) in the \d/,
  /\b(?:common|basic|useful|everyday|irregular) (?:\w+ )?(?:verbs|phrases|words|expressions) (?:in|with|for)\b|\bconjugat\w*\b|\b(?:im|i m|i am) learning (?:spanish|french|german|italian|portuguese|polish|japanese|mandarin|arabic|urdu|welsh)\b.{0,40}\b(?:give me|teach|list|help|tell me)\b/,
  // Crypto and betting, a season's winner; what the bot would do in the resident's shoes.
  /\b(?:bitcoin|crypto ?currenc\w*|crypto|ethereum|dogecoin|nfts?)\b|\bwho (?:wins|will win|is going to win|s going to win|is gonna win)\b.{0,20}\b(?:the )?(?:prem|premier league|league|cup|final|title|match|game|race|grand national)\b/,
  // Code asked for; a personal letter translated.
  /\b(?:show me|teach me|how (?:do i|to|can i)|example of|write|explain)\b.{0,30}\b(?:javascript|typescript|python|php|java|c sharp|golang|rust|regex|bash|powershell|sql query|html|css)\b/,
  /\btranslate\b.{0,40}\b(?:dear [a-z]+|i hope you|we (?:all )?miss you|happy birthday|love from|my (?:friend|boyfriend|girlfriend|penpal|pen pal))\b|\btranslate\b.{0,40}\b(?:homework|invitation|wedding|song|lyrics|poem|my (?:cousins?|aunts?|uncles?|grans?|nans?) \w+)\b/,
  // A computer at home that will not behave; which gadget or car to buy.
  /\bblue screen(?: of death)?\b|\bbsod\b|\b(?:fix|sort|repair|speed up)\b.{0,40}\bon my (?:windows |new |old |work )?(?:laptop|pc|computer|phone|iphone|tablet|ipad|mac|macbook)\b/,
  /\b(?:electric car|electric vehicle|hybrid car|air fryer|smart ?watch)\b.{0,40}\b(?:worth (?:it|getting|buying)|pros and cons)\b|\bis it worth (?:getting|buying)\b.{0,60}\bpros and cons\b/,
];
/**
 * Winning a partner back after a break-up, or what the bot would do in the resident's shoes: advice no service gives
 * (unless the home or money is at stake, or the resident is in distress).
 */
const HEARTBREAK: readonly RegExp[] = [
  /\bwhat would you do (?:in my (?:shoes|place|position)|if you were me)\b|\b(?:win|get) (?:her|him|them) back\b|\b(?:gf|bf|girlfriend|boyfriend|missus|fella)\b (?:has |s |just )?(?:dumped|left|gone cold|broke up with|cheated)\b.{0,40}\b(?:what do i do|how do i|what should i|advice|help)\b/,
];
/** Distress, danger or the home at stake: for the safety reading and the answers, never a decline. */
const DISTRESS_OR_HOME =
  /\b(?:not coping|cant cope|can t cope|suicid\w*|kill myself|end it|hurt myself|abus\w*|hit me|hits me|scared|afraid|violent|homeless|nowhere to|tenancy|rent|council tax|housing|discount|benefits?|bills?|joint|evict\w*|arrears|debts?|repossess\w*|bailiffs?)\b/;

/** A council service, or the council asked about: a question about it, not unrelated work. */
const SERVICE =
  /\b(?:library|libraries|community centre|leisure centre|council|councils|adult learning|course|courses|class|classes|club|clubs|job ?centre|careers|youth (?:service|centre|club)|app|website|portal|online account|form|wifi in|computers? at)\b/;

/** Code or a game the bot is asked to write ("could you just write the whole snake game in python for me"). */
const CODE_WRITTEN: readonly RegExp[] = [
  /\b(?:could|can|will|would) (?:you|u)\b.{0,20}\b(?:write|code|make|build|program|create)\b(?: \w+){0,5} (?:game|app|script|program|website|bot|code)\b(?:.{0,30}\b(?:python|javascript|java|scratch|html|react|unity|c)\b)?/,
];
/** Writing by the word count, or an opinion column: production asked for, whatever the subject. */
const WRITING_TO_ORDER: readonly RegExp[] = [
  /\b\d+ ?word (?:essay|column|article|piece|story|blog|speech|report|poem)\b|\b(?:opinion (?:column|piece)|op ed)\b/,
];

/**
 * Pastimes and spoofs asked of the bot, whatever council words they borrow ("im bored on hold to the council,
 * entertain me with a riddle", "a fake news article saying the council has banned seagulls", "an sql schema for a
 * library system"): a puzzle, a spoof or coursework is the work asked for, not the service named in it.
 */
const PASTIMES_AND_SPOOFS: readonly RegExp[] = [
  /\b(?:crossword|sudoku|wordle|riddles?|brain ?teasers?|anagrams?)\b|\bentertain (?:me|us)\b/,
  /\bbingo calls\b|\b(?:give me|list|come up with|write)\b(?: \w+){0,2} \d+ (?:\w+ )?(?:calls|rhymes|jokes|puns|riddles|quiz questions|fun facts|pick up lines|chat up lines)\b/,
  /\b(?:fake news|april fools?|spoof|parody|satirical) (?:article|story|post|piece|press release|report)\b|\b(?:write|make|draft|do)\b.{0,30}\b(?:fake news|april fools? (?:joke|prank))\b/,
  /\b(?:sql|database) (?:schema|query|queries|tables?|design)\b.{0,60}\b(?:for (?:my|a|an)|coursework|assignment|homework|project|uni|university|college)\b/,
];
/** A service that has them ("does the library have crossword books", "is there a sudoku club"), or a report of one. */
const A_SERVICE_HAS_THEM =
  /\b(?:the|your|a|our|local) (?:library|libraries) (?:have|has|run|runs|hold|holds|stock|stocks|lend|lends|do|does|offer|offers)\b|\b(?:at|in|from) (?:the |my |our )?(?:local )?(?:library|libraries)\b|\b(?:club|clubs|class|classes|course|courses|session|sessions|workshop|trail|event|quiz night)\b|\b(?:is it|is this|was it|is that) (?:a |an )?(?:fake|spoof|april fools?)\b|\b(?:exempt|exemption|discount|student|students|council tax|grant|bursary|free school meals|uniform)\b/;

/** Whether a service teaches it ("does the library run a coding club"). */
const A_CLASS_ASKED =
  /\b(?:is there|are there|does|do|can i (?:join|book|sign up))\b.{0,40}\b(?:club|class|classes|course|courses|session|sessions|workshop)\b/;

/** The families in order: advice, then code, then writing to order. */
export const UNRELATED_ADVICE: readonly RequestFamily[] = [
  { reason: 'offTopicGeneration', patterns: OFF_TOPIC, unless: [SERVICE] },
  { reason: 'offTopicGeneration', patterns: CODE_WRITTEN, unless: [A_CLASS_ASKED] },
  { reason: 'offTopicGeneration', patterns: PASTIMES_AND_SPOOFS, unless: [A_SERVICE_HAS_THEM] },
  { reason: 'offTopicGeneration', patterns: HEARTBREAK, unless: [DISTRESS_OR_HOME] },
  { reason: 'offTopicGeneration', patterns: WRITING_TO_ORDER, unless: [A_CLASS_ASKED] },
];
