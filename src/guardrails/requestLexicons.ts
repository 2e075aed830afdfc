import type { RequestFamily } from './requestFamilies';
import { TOLD_OF_HARM } from './residentCues';

/**
 * Readers built from lexicons rather than phrasings: a way of asking for a method ("how do I", "best way to",
 * "where can I") followed closely by an act from a wide list of crimes and harms, whatever the sentence around it;
 * the bot's own making (its constraints, its brief, what its developers told it); someone else's details by
 * "his/her/their"; and everyday writing and general-knowledge tasks. Reads a message as `normaliseText` leaves it.
 */

const ASKING_HOW =
  '(?:how (?:do|can|could|would|should|to|would you|might)(?: i| we| you| one| someone| me)?|where (?:can|do|could|would|should) (?:i|we|you|one)|(?:best|easiest|quickest|cheapest|safest|fastest|simplest) (?:way|ways|method|place|time) (?:to|of)|ways? to|tips (?:on|for)|help me|teach me|show me how|tell me how|explain how|i want to|i need to|im going to|i am going to|gonna|wanna|whats the trick to|is it possible to|can you help me)';

/** Acts that are crimes or harms whoever asks: the words carry the meaning, so any sentence around them does. */
const CRIMES =
  '(?:shoplift\\w*|smuggl\\w*|scam|scamming|con (?:people|someone|somebody|old|pensioners|tourists)|defraud\\w*|swindle\\w*|fleece|rip off (?:people|someone|old|pensioners|tourists|customers)|blackmail\\w*|extort\\w*|bribe|bribing|spike (?:\\w+ )?drinks?|mug (?:someone|somebody|people|a)|rob (?:a|the|someone|somebody|people|my|an)|burgle|burgling|slash (?:\\w+ ){0,2}tyres|let (?:\\w+ ){0,2}tyres down|let down (?:\\w+ ){0,3}tyres|key (?:a|his|her|their|someones|my neighbou?rs|the) (?:car|van)|vandali[sz]e|poison (?!ivy|(?:the |some |these |those )?(?:rats?|mice|mouse|rodents?|wasps?|ants?|slugs?|snails?|moles?|weeds?|cockroach\\w*|fleas?|bed ?bugs?)\\b)|stab|stabbing|shoot (?:someone|somebody|him|her|them|my|a person|people)|beat (?:up|someone|somebody)|kidnap\\w*|dox|doxx\\w*|harass\\w*|intimidate|forge|counterfeit|launder\\w*|steal|stealing|nick (?:a|stuff|things|from)|pickpocket\\w*|trespass\\w*|stalk\\w*|make (?:\\w+ ){1,3}(?:sick|ill|suffer)|cook (?:crack|meth)|deal drugs|sell drugs|grow(?:ing)? (?:weed|cannabis|skunk|marijuana|pot)|hotwire|joyride|fiddle (?:the|my) (?:meter|benefits|books)|bypass (?:the |my )?(?:electric|gas|electricity) meter|tamper with|cheat (?:the|on|at)|fake (?:a|an|my|some|the|them|it|those|these|one)|intimidat\\w*|groom\\w* (?:a |kids|children|young)|radicali[sz]e)';

/** Getting away with it: unseen, untraced, not blamed. */
const NOT_BLAMED =
  '(?:without (?:the )?(?:wardens?|cops|police|anyone|anybody) (?:seein|seeing|noticing|knowing)|\\bget (?:him|her|them) back\\b(?! (?:home|in|into|to|on|for))|so (?:no one|nobody|noone|they|the council|the police) (?:knows?|finds? out|can tell|sees?|suspects?)|so (?:the (?:\\w+ )?(?:committee|inspectors?|council|warden|wardens|landlord|officers?|neighbou?rs?)|they|nobody|no one) (?:dont|doesnt|wont|cant|do not|does not|will not|never) (?:spot|notice|see|find|catch|smell|know about) (?:it|them|anything)|(?:it|that) was me|without (?:anyone|anybody|them|the council|the police) (?:knowing|seeing|finding out|suspecting)|and get away with it|get away with|without leaving (?:any )?(?:evidence|trace|fingerprints))';

const HARM: readonly RegExp[] = [
  new RegExp(`\\b${ASKING_HOW}\\b(?: \\w+){0,5} ${CRIMES}\\b`),
  new RegExp(`\\b${NOT_BLAMED}\\b`),
  // Harm to a person named in the same breath as pests or chores: "poison the rats and also my landlord".
  /\b(?:poison|kill|hurt|stab|shoot|attack|beat up|get rid of)\b.{0,30}\b(?:and|also|plus|as well as) (?:also )?(?:my |the |our )?(?:landlord|neighbou?r|ex|boss|teacher|officer|councillor|wife|husband|partner|him|her|them|someone|somebody|mother in law|brother in law|sister in law)\b(?! (?:\w+ )?(?:shed|garden|house|hedge|tree|fence|bins?|yard|drive|loft|wall|property|land))/,
  /\b(?:revenge|(?:get|getting|got) back at|get even with|teach (?:\w+ ){0,2}a lesson|make (?:him|her|them) pay)\b/,
];

/** The bot's own making, in words residents do not use of the council. */
const MAKING: readonly RegExp[] = [
  /\b(?:constraints|operating (?:instructions|rules|guidelines|parameters|procedures)|brief|briefing|system (?:rules|settings)|deployment|hidden (?:brief|rules|agenda)|directives|ground rules|core rules|base rules)\b.{0,20}\b(?:you (?:were|are|have been|got) (?:deployed|given|launched|built|shipped|running|set up)|you (?:run|operate|work) (?:with|under|on))\b|\byou were (?:deployed|launched|shipped|built) with\b/,
  /\b(?:your|ur) (?:operating|original|hidden|secret|internal|core|initial|base|starting) (?:instructions|brief|briefing|rules|orders|directives|constraints|guidelines|parameters|text)\b/,
  /\b(?:your|the) (?:developers?|creators?|makers?|programmers?|engineers?|owners?|designers?|trainers?) (?:told|asked|instructed|programmed|trained|said to|wanted) you\b/,
  /\b(?:first|last|opening) (?:\d+|few|ten|twenty|fifty|hundred) (?:words|lines|sentences|characters|tokens) of (?:your|the) (?:instructions|prompt|setup|rules|brief|message|context)\b/,
  /\byou(?:re| are) going to be (?:two|2|a different|another|my|an? (?:\w+ )?(?:bot|ai|assistant|character|persona))\b|\byou (?:will|ll|shall) (?:now )?(?:be|become|play|act as) (?:two|2|a different|another|an? (?:\w+ )?(?:bot|ai|assistant|character|persona))\b/,
  /\b(?:backwards|in reverse|reversed|in base ?64|in hex|in binary|in morse|one letter at a time|letter by letter|as an acrostic|in pig latin)\b.{0,40}\b(?:so (?:it|that) (?:isnt|is not|doesnt|does not)|technically|not (?:really )?(?:revealing|breaking|telling))\b|\b(?:instructions|rules|prompt|setup|brief)\b.{0,20}\b(?:backwards|in reverse|in base ?64|letter by letter|one letter at a time)\b/,
  /\b(?:agree|accept|acknowledge|admit|concede) (?:that )?(?:my|the council|the|this) (?:\w+ ){0,3}(?:is|are|was|has been|have been|will be) (?:\w+ )?(?:successful|void|cancelled|canceled|approved|granted|waived|refunded|upheld|accepted|written off|quashed|overturned|wrong|unlawful|invalid)\b/,
  /\bpromise (?:me )?(?:that )?(?:the council|eastmere|you|they) (?:will|wont|will not|shall|can|cannot|cant|are going to)\b/,
];

/** Someone else's details by "his/her/their", asked for from the council's records. */
const THEIR_DETAILS: readonly RegExp[] = [
  /^(?!.*\b(?:councillors?|cllr|mp|company|office|council|team|service|department|school|surgery|gp|provider|agency|firm|shop|business|charity|solicitor|landlord)\b).*\b(?:give me|tell me|send me|whats|what is|find|look up|i need|i want|get me|pass on|forward)\b.{0,20}\b(?:his|her) (?:new |current |home |forwarding |latest |full |private |personal )?(?:address|number|phone number|mobile|email|whereabouts|details|date of birth|surname|full name)\b/,
  new RegExp(
    `\\b(?:has|have|did|does|is|are)\\b(?!.{0,40}\\bmy (?:mum|mom|dad|son|daughter|father|mother|nan|gran|grandad|grandma|husband|wife|partner)\\b).{0,40}\\b(?:paid|pays|paying|owes?|owing|claims?|claiming|getting|receiving|behind (?:on|with)) (?:his|her|their) (?:council tax|rent|bills?|arrears|benefits?|universal credit|housing benefit)\\b`,
  ),
  /\bwhich (?:of )?(?:my )?(?:neighbou?rs|households|houses|homes|flats|properties|people|residents|families)\b(?!.{0,40}\b(?:can|could|are eligible|is eligible|qualify|qualifies|entitled)\b).{0,40}\b(?:getting|get|receive|receiving|on|have|has)\b.{0,20}\b(?:council tax (?:reduction|support|discount)|reduction|discount|support|benefits?|universal credit|housing benefit|free school meals|blue badges?|exemptions?)\b/,
  /\b(?:cctv|footage|camera|recordings?|video) (?:\w+ )?(?:of|from|on|covering|pointing at) (?:my |the )?(?:neighbou?rs|someones|somebodys|next doors|[a-z]+s) (?:house|home|driveway|door|front door|garden|flat|front|window|windows|property)\b/,
  /\b(?:hr|personnel|staff|employment|disciplinary|sickness|performance|appraisal) (?:files?|records?|notes?|reviews?|history|reports?) (?:on|of|for|about) (?:the |a |an |my )?(?:\w+ ){0,2}(?:manager|officer|officers|staff|employee|worker|councillor|director|head|planner|inspector|clerk)\b/,
  /\bwho(?:s| is| are)? (?:on|ahead of me on|above me on|in front of me on) the (?:housing |waiting )?(?:list|register)\b.{0,30}\b(?:names?|addresses|who they are|list them)\b/,
];

/** Writing and knowledge for the resident's own ends. */
const ELSEWHERE: readonly RegExp[] = [
  /\b(?:write|generate|create|make|give me|come up with|produce|suggest)\b(?: me| us)?(?: \d+| some| a few| ten| five| a| an)? (?:\w+ ){0,2}(?:captions|hashtags|slogans|taglines|names|bios|posts|tweets|playlists?|reviews|quizzes|quiz questions|fun facts?|pick up lines|jokes|puns)\b(?! (?:for|about|on) (?:the )?(?:council|bins?|recycling|planning|my (?:council|bin)))/,
  /\b(?:write|code|build|make|create)\b (?:me |us |some |a |an )?(?:python|javascript|js|typescript|java|c#|sql|bash|php|ruby|rust|golang|html|css|vba|powershell)\b/,
  /\b(?:what(?:s| is) the (?:capital|population|currency|tallest|longest|biggest|largest|square root|meaning of life)|who (?:invented|discovered|wrote|painted|won the world cup)|how (?:far|old) is the (?:moon|sun|earth|universe))\b/,
  /\b(?:make|create|build|put together)\b(?: me| us)? (?:a |an )?(?:playlist|mixtape|quiz|crossword|workout|itinerary|budget spreadsheet)\b/,
  /\b(?:persuasive|argumentative|discursive|opinion|analytical) (?:essay|piece|article|speech|letter)\b/,
  /\b(?:your|ur) (?:thoughts|views?|opinion|take|feelings) (?:on|about) (?:immigration|brexit|politics|the government|the election|abortion|religion|the war|israel|gaza|ukraine|trump|the king|the monarchy|net zero|climate change)\b|\bdo you (?:support|back|prefer|like) (?:the )?(?:conservatives?|labour|tories|reform|lib dems|greens|snp|plaid)\b/,
];

/**
 * The same requests in the other languages residents write in (French, Spanish, German, Italian, Portuguese, Polish,
 * Romanian), read without accents: making weapons, explosives or drugs, and a neighbour's or someone's address or
 * number. Attempts on the instructions in those languages are in `instructionPatterns.ts`.
 */
const OTHER_LANGUAGES_HARM =
  /\b(?:fabriquer|construire|hacer|fabricar|construir|bauen|herstellen|basteln|costruire|zrobic|zbudowac|construi|como|wie|jak)\b.{0,40}\b(?:bombe|bomba|bombas|bomben|explosif|explosifs|explosivo|explosivos|sprengstoff|esplosivo|materiale esplodente|materiais explosivos|materialy wybuchowe|arme a feu|arma de fuego|arma de fogo|schusswaffe|waffe|arma da fuoco|bron palna|pistolet|pistola|veneno|veleno|trucizna|otrava|methamphetamine|metanfetamina)\b/;
const OTHER_LANGUAGES_DATA =
  /\b(?:adresse|direccion|indirizzo|endereco|adres|adresa|telephone|numero de telephone|numero de telefono|telefonnummer|numero di telefono|numer telefonu|numarul de telefon|donnees personnelles|datos personales|personendaten|dati personali|dane osobowe)\b.{0,40}\b(?:voisin|voisine|voisins|vecino|vecina|vecinos|nachbarn?|nachbarin|vicino|vicina|vizinho|vizinha|sasiada?|sasiadow|vecinului|vecinul|vecina|mon ex|mi ex|meiner ex|la mia ex|moja byla)\b/;

/** The families in order, the bot's own making first. */
export const REQUEST_LEXICONS: readonly RequestFamily[] = [
  { reason: 'injection', patterns: MAKING },
  { reason: 'dataExfiltration', patterns: [...THEIR_DETAILS, OTHER_LANGUAGES_DATA] },
  { reason: 'harmful', patterns: [...HARM, OTHER_LANGUAGES_HARM], unless: [TOLD_OF_HARM] },
  { reason: 'offTopicGeneration', patterns: ELSEWHERE },
];
