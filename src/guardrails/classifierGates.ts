import { ASKING } from './broadConcepts';
import type { DeclineReason } from './declineReason';
import { intentIdeas } from './intentFeatures';
import { MEANS_NO_HARM } from './requestClasses';
import { A_SERVICE_HELPS, REPORTING, residentWrites } from './requestPatterns';
import { WHO_TO_CONTACT } from './residentCues';

/**
 * The classifier's gates: what marks a genuine look-alike of each reason, so the classifier's certainty alone does
 * not turn a resident away. Each gate speaks to some labels (every label when none are named) and holds over the
 * message as `normaliseText` leaves it; when any holds, the classifier's verdict gives way. The readers' own
 * exemptions live beside their patterns (`requestFamilies.ts`); these are for the classifier, which reads words, not
 * shapes.
 */

/**
 * Someone other than the resident, or many people, or the council's own systems: what a request for data must be
 * about before the classifier's certainty is enough to decline it. People by relation, role or description (a mate,
 * the carers, the old lady next door, the owners), everyone's records, and the council's records and systems (notes, logs, tables, footage, closed minutes).
 */
const SOMEONE_ELSE = new RegExp(
  [
    /\b(?:neighbou?rs?|someone|somebody|someones|somebodys|who|whoever|whos|his|her|their|he|hes|she|shes|they|theyre|them|him|mr|mrs|ms|miss|everyone|everybody|everyones|everybodys|every|all|staff|officers?|internal|database|other|others|people|residents|tenants?|users?|customers?|landlord|lodger|ex|exs|(?<!\b(?:my|our) )famil(?:y|ies)|households?|occupiers?|couple|girlfriend|boyfriend|brothers?|sisters?|partners?|husbands?|wife|wifes|colleagues?|person|persons|before me|account holder|councillors?|number \d+(?! (?:for|4|housing|council|repairs?)\b)|flat \d+)\b/
      .source,
    /\b(?:mates?|friends?|flatmates?|housemates?|carers?|foster|owners?|wardens?|contractors?|auditors?|applicants?|claimants?|bidders?|(?:old |young )?(?:lady|man|woman|guy|bloke|lad|girl|boy) (?:next door|upstairs|downstairs|opposite|across|over the road|in flat|at number|in number|at no))\b/
      .source,
    /\b(?:notes|logs?|tables?|columns?|rows|cctv|footage|number plates|minutes|appendi(?:x|ces)|confidential|redacted|unredacted|original)\b/
      .source,
  ].join('|'),
);

/**
 * Weeds, moss and household pests: killing or poisoning them is gardening and pest control, not harm, unless a
 * person or a pet is named too.
 */
const PESTS_AND_PLANTS =
  /\b(?:weeds?|weedkiller|moss|mould|mold|ivy|knotweed|brambles?|nettles?|thistles?|dandelions?|roots?|stumps?|grass|lawn|hedge|pests?|vermin|rats?|mice|mouse|rodents?|wasps?|hornets?|ants?|fleas?|bed ?bugs?|cockroach\w*|flies|slugs?|snails?|moths?|silverfish|woodworm|termites?|insects?|bugs?|germs?|bacteria)\b/;
const PEOPLE_OR_PETS =
  /\b(?:neighbou?rs?|someone|somebody|people|person|man|woman|kids?|child(?:ren)?|dogs?|cats?|pets?|birds?|foxes|fox|hedgehogs?|horses?)\b/;

/**
 * Asking whether a letter, a caller or a ticket is genuine ("is it fake?", "how do i know if its real"): a resident
 * checking for a scam, which none of the classifier's reasons is.
 */
export const CHECKING_GENUINE =
  /\b(?:is (?:it|this|that|he|she|they) (?:fake|real|genuine|a scam|legit|legitimate|really from)|(?:how|can) (?:do |can )?i (?:know|tell|check|find out) (?:if|whether) (?:it|this|that|the \w+|he|she|they)(?: s| is| are|s| re)? (?:real|genuine|fake|a scam|legit|legitimate|really from|from the council)|is (?:this|it) (?:a )?scam|(?:not )?looks? like (?:a )?(?:real |genuine )?council (?:letter|email|text)|is real$|is (?:that|this|it) (?:really )?(?:your|the councils?|a council|an official) (?:domain|website|web address|email|email address|number|phone number|site|link|address)|(?:is|was) (?:this|that|it) (?:email|text|letter|website|link|caller|call|message) (?:really )?(?:from you|from the council|yours|genuine|real)|is (?:the council|eastmere|it really the council) (?:ringing|calling|phoning|texting|emailing|writing to|sending (?:\w+ )?to|knocking on) (?:people|residents|everyone|doors))\b/;

/**
 * A resident asking for a relative they help ("an easy read guide for my brother who has a learning disability, and
 * where does he go to vote"): the service is for them, not their details from the council.
 */
const ACTING_FOR =
  /\bfor (?:my|our) (?:\w+ )?(?:mum|mother|dad|father|brother|sister|son|daughter|nan|nana|gran|granny|grandad|grandma|grandpa|husband|wife|partner|aunt|auntie|uncle|child|kids|children|grandson|granddaughter|stepson|stepdaughter) (?:who|whos|as (?:he|she)|because (?:he|she))\b/;

/** The council's own politics: who leads it, which party runs it, the councillors and the cabinet. */
const COUNCIL_POLITICS =
  /\b(?:council leader|leader of the council|runs the council|controls the council|in control of the council|councillors?|cabinet|the mayor|ward|by ?election|local election)\b/;
const OPINION_ASKED =
  /\b(?:think|reckon|opinion|view|better|best|worse|worst|good|bad|should i|vote for|rate|rank|useless|corrupt|prefer|campaign|leaflet|manifesto|slag\w*|slating|rubbish)\b/;

/** A penalty appealed, challenged or asked to be cancelled. */
const APPEALING =
  /\b(?:appeal|challenge|dispute|contest|get (?:\w+ ){0,3}(?:cancelled|overturned|withdrawn|reduced|waived)|cancel(?:led)?)\b.{0,60}\b(?:fines?|pcns?|tickets?|penalty|penalties|charges?|fixed penalty)\b|\b(?:fines?|pcns?|tickets?|penalty|fixed penalty)\b.{0,40}\b(?:appeal|challenge|dispute|contest|cancelled|overturned|withdrawn|waived)\b/;
/** Someone else did the harm; the resident tells of it. */
const SOMEONE_ELSE_DID =
  /\b(?:someone|somebody|some idiot|people|kids|youths|they|neighbou?rs?|next door|a man|a woman|a van|the builders?) (?:has |have |had |keeps? |is |are |was |were )?(?:been )?(?:dumped|dumping|left|leaving|tipped|tipping|sprayed|spraying|smashed|broken|broke|set|thrown|throwing|burnt|burned|burning|poured|damaged|keyed|stolen|stole|taken|fly ?tipped)\b/;
const RESIDENT_PLANS =
  /\b(?:i want to|i wanna|im going to|i am going to|im gonna|how (?:do|can|could|would) (?:i|we)|can i|could i|should i|best way to|help me)\b/;

const OTHERS_ACT =
  /\b(?:can|could|may|will|does|do) (?:my|our|a|an|the) (?:\w+ ){0,2}(?:act|speak|sign|attend|represent)\b/;

/** The resident runs a group, a page or an association. */
const RUNS_A_GROUP =
  /\b(?:admin|administrator|moderator|chair|secretary|organiser|treasurer) (?:of|for) (?:a|our|my|the) (?:\w+ ){0,3}(?:group|association|page|club|society|committee|forum|network|chat)\b/;
const A_TIP = /\b(?:the|a|any|life|good|best|top|handy|easy) hacks? (?:for|to)\b/;

/** Instructions that are the council's or a service's, on a page, a letter or a form. */
const INSTRUCTIONS_ELSEWHERE =
  /\b(?:instructions|rules|guidance|guidelines) (?:on|in|from|with) (?:the|a|this|that|my) (?:\w+ ){0,3}(?:page|letter|form|website|site|leaflet|guide|app|booking|email|bin|lid|sticker|sign|notice|permit|pack|confirmation)\b|\b(?:instructions|rules|guidance|guidelines) (?:that )?(?:the council|it|they) (?:gives?|sends?|issues?|uses?|follows?) (?:its |to |their )?(?:contractors|staff|crews|teams|officers|drivers|landlords|tenants)\b/;
const INSTRUCTIONS_FOR_A_TASK =
  /\b(?:your|the|any) (?:instructions|rules|guidance|guidelines) (?:for|on|about) (?!(?:this|the|our) (?:chat|conversation|bot|assistant)|you\b|yourself\b|what you|how you|answering|replying|responding|talking|chatting)\w+/;
const THANKS = /\b(?:thank|thanks|compliment|praise|say thank you|pass on (?:my )?(?:thanks|gratitude))\b/;

/** Publication, transparency and freedom of information: records the council makes public, or is asked to. */
const PUBLISHED =
  /\b(?:publish|publishes|published|publicly available|public register|transparency|open data|foi|freedom of information)\b/;
const WHO_OWNS_LAND =
  /\bwho owns (?:the |this |that |a )?(?:\w+ ){0,3}(?:land|field|plot|strip|verge|wall|fence|tree|trees|hedge|alley|alleyway|path|footpath|road|car park|building|garage|site|woods?)\b/;
const PROOF_FOR_A_LENDER =
  /\bmy\b.{0,40}\b(?:has been|have been|was|is) (?:applied|received|set up|registered|processed)\b.{0,60}\b(?:bank|mortgage|lender|proof|landlord|letting agent)\b/;
/** Who asked for something, and how to reach them: not what the council publishes. */
const WHO_ASKED_IT =
  /\bwho (?:put in|made|sent|submitted|asked|requested|lodged)\b|\b(?:their|his|her) (?:email|name|address|number|phone)\b/;

/**
 * A tree or plant the resident may not touch (protected, refused, the council's or a neighbour's): killing it is
 * harm, whatever the weeds exemption says.
 */
const NOT_YOURS_TO_KILL =
  /\b(?:protected|preservation order|tpo|conservation area|(?:wont|will not|would not|wouldnt|dont|didnt|refused to) (?:let|allow) (?:me|us)|not allowed|refused|(?:neighbou?rs?|next doors|councils?|the councils|park|street|public) (?:\w+ )?(?:trees?|hedges?|plants?|lawn|grass|verge|flowers?|roots?))\b/;

/**
 * Telling the council something so it believes what is not so ("what should i tell the council tax people so they
 * think the house is empty"): not a report, however the council is named.
 */
/** Someone else reporting the resident ("if they keep reporting me"): not the resident reporting a wrong. */
const REPORTED_BY_THEM =
  /\b(?:report|reporting|reported|reports|complain|complaining|complained|complains) (?:about )?(?:me|us)\b/g;

/** Asking what would follow ("would they be able to tell", "can they actually do anything"): a question, not news. */
const CONSEQUENCES_ASKED =
  /\b(?:would|will|could) (?:they|anyone|anybody|the council|it) (?:be able to |ever |even )?(?:tell|know|notice|spot|find out|prove|trace)\b|\bcan (?:they|the council) (?:actually |really |even )?(?:do|tell|prove|find)\b|\b(?:can|could) (?:we|i) just\b/;

const MISLEADING_THEM =
  /\bso (?:that )?(?:they|he|she|it|the \w+(?: \w+){0,2}) (?:think|thinks|believe|believes|assume|assumes)\b/;

/**
 * Who does a job for the public ("who fixes it", "which councillor represents my ward", "who made this chatbot"):
 * a question about a service or a public role, not about a person's private details.
 */
const PUBLIC_ROLE =
  /\bwho (?:fixes|fix|repairs|deals with|is responsible|are responsible|looks after|maintains|collects|empties)\b|\bwho (?:made|built|designed|created|runs) (?:this|the|your) (?:chat\w*|bot|assistant|website|site|app|service)\b|\b(?:which|what) councillors? (?:represents?|covers?|is for|are for) (?:my|our|this)\b|\bwho (?:is|are|s) (?:my|our) (?:local |ward )?councillors?\b|\b(?:press office|media (?:team|office|enquiries)|communications team|comms team|switchboard|general enquiries)\b|\bwho (?:gets|get|has|have) (?:priority|preference|first refusal)\b|\bwho (?:qualifies|is eligible|are eligible|can apply|is entitled|are entitled)\b|\bwho(?: s| is|s) (?:the )?(?:head|director|manager|chief|leader|chair|lead officer) (?:of|for)\b|\b(?:company|supplier|provider|firm|department|office|team|service|charity|helpline|school|surgery|gp|hospital|housing association|agency)\b.{0,30}\btheir (?:phone |contact |main )?(?:number|phone|email|address|website|opening hours)\b|\b(?:number|phone number|email|email address|contact details|address) (?:for|of) (?:the )?(?:\w+ ){0,2}(?:team|department|office|service|section|unit|helpline)\b/;

/** The resident's own data (a subject access request), or whether they will be known as the one who reported. */
const OWN_DATA =
  /\b(?:subject access|about me|on me|of mine|my own|my (?:case|file|records?|data|details|account|claim)|it was me|(?:it was|its|was it|it s) (?:me|i) (?:who|that) (?:reported|complained|rang|called|made)|(?:code|login|account|password|pin|reference) (?:for|on|to) my\b|my (?:email(?: address)?|phone(?: number)?|mobile(?: number)?|address|name|postcode|date of birth|number) is\b|my (?:single person |council tax |own |housing |parking |blue badge |garden waste |business rates |small business )?(?:discount|exemption|reduction|relief|benefit|application|appeal|permit|badge|booking|payment|payments|bill|balance|arrears|tenancy|rent)\b|who (?:is )?my (?:\w+ )?(?:landlord|housing officer|councillor|social worker|case ?worker|case officer|housing association)\b|who my (?:\w+ )?(?:landlord|housing officer|councillor|social worker|case ?worker|case officer|housing association) is)\b/;

/**
 * Someone else's details asked for by name of the detail ("the home phone number for Karen the housing officer who
 * dealt with my case"): the resident's own case named beside it does not make the number theirs.
 */
const THEIR_DETAILS =
  /\b(?:phone number|mobile(?: number)?|number|address|email(?: address)?|details|name|code|login|password|notes)\b (?:for|of) (?!(?:me|my|myself|us|our|mine)\b)(?:the |a |an )?[a-z]+|\b(?:his|her|their) (?:account|bill|claim|records?|file|balance|arrears|payments?|benefits?|discount)\b|\b(?:his|her|their) (?:full )?(?:names?|home address(?:es)?|addresses)\b|\bwhere (?:they|he|she) (?:all )?lives?\b/;

/** Asking for someone's details or whereabouts, or whether something is so of them. */
/** Whether what the resident knows of a member of staff is enough to complain ("i only know her first name"). */
const ENOUGH_TO_COMPLAIN =
  /\b(?:is that enough|enough to (?:complain|report)|do i need (?:her|his|their) (?:full )?name|only know (?:her|his|their) (?:first )?name)\b/;

const ASKS_FOR_DETAILS =
  /\b(?:give|tell me|send|show|who|whos|which|whats(?! the (?:process|procedure|next step|best way|way|policy|timescale))|what is(?! the (?:process|procedure|next step|best way|way|policy|timescale))|confirm|look up|find|list|where (?:does|do|is|are)|is (?:he|she|they)|does (?:he|she|they)|has (?:he|she|they))\b/;

/** The resident the one in danger, in a figure of speech or not ("my husband will kill me"): no harm asked for. */
const HARM_TO_RESIDENT =
  /\b(?:will|would|is going to|s going to|going to|gonna|wants to|threatened to) (?:kill|murder|strangle|throttle|hurt) (?:me|us)\b/;

/**
 * Writing to the council: a complaint, an appeal, an objection (help with it is part of the service, whether about a bin
 * crew or a neighbour's noise).
 */
const TO_THE_COUNCIL =
  /\b(?:complaint|complain|appeal|objection|object to|representation|review request)\b|\b(?:letter|email) to (?:the )?(?:council|housing (?:team|office|officer)|my councillor|the (?:\w+ )?(?:department|team))\b|\b(?:letter|email) to (?:my |the )?(?:landlord|letting agent|housing association)\b.{0,40}\b(?:damp|mould|mold|repairs?|leak|heating|boiler|deposit|notice|rent)\b/;
/** Writing that is not the resident's own complaint: fake ones, under other names, or to a shop. */
const NOT_THEIR_COMPLAINT =
  /\b(?:fake|false|made up|different names|pretend\w*|retailer|shop|company|airline|hotel|restaurant|funny|humou?rous|spoof|parody|joke|santa|father christmas)\b/;

/** Words or pictures found on a wall or a fence ("swear words painted on a wall"): graffiti reported, not writing asked for. */
const GRAFFITI_FOUND =
  /\b(?:painted|sprayed|scrawled|written|drawn|carved|tagged) (?:on|over|across|all over) (?:a |the |my |our |their |his |her )?(?:\w+ )?(?:wall|walls|fence|door|garage|shop|shutter|bus shelter|bridge|underpass|sign|car|van|house|building|pavement|road|bench|playground)\b/;

/** Asked to explain simply ("pretend i'm a total newbie", "explain it like i'm five"): the resident's own part. */
const EXPLAIN_SIMPLY =
  /\b(?:pretend|imagine|assume|act like) (?:that )?(?:i m|im|i am|i know|i ve|ive|i have|we re|we are|were) (?:a |an |total |totally |complete |completely |absolute |brand |never |no )*(?:newbie|beginner|novice|new|five|5|child|kid|nothing|idea|clue|been)\b|\bexplain (?:it |this |that )?(?:like|as if|as though) (?:i m|im|i am) (?:five|5|a child|a kid|new|a beginner|stupid|an idiot)\b|\b(?:say|put|explain|write) (?:it |that |this )?(?:again )?in (?:more )?(?:simple|simpler|plain|plainer|easy|easier|basic) (?:words|english|terms|language)\b/;

/** The council's places and their opening times or addresses: published, nobody's personal data. */
const PUBLIC_PLACES =
  /\b(?:recycling centres?|tips?|libraries|library|leisure centres?|car parks?|toilets|offices|hubs|parks|sites|centres|schools|polling stations?|cemeteries|allotment sites|household waste)\b.{0,50}\b(?:opening (?:times|hours)|times|hours|addresses|locations|postcodes?|phone numbers|contact details)\b/;

/** A message passed to a member of staff: the resident asks for contact, which a handoff gives. */
const PASS_A_MESSAGE =
  /\b(?:pass (?:on )?(?:a |my |this )?message|go ?between|get a message to|let (?:him|her|them) know|chase (?:him|her|them) up)\b/;

/** Something that happened to the resident or theirs ("i slipped on the wet floor"): a claim or a report, not a plan. */
const IT_HAPPENED_TO_US =
  /\b(?:i|we|my (?:\w+ )?(?:son|daughter|mum|mother|dad|father|wife|husband|partner|child|kid|kids|nan|gran|car|van|bike|dog|cat)) (?:have |has |had |just |also )?(?:slipped|tripped|fell|fallen|hurt|injured|broke|broken|was hit|got hit|was bitten|got bitten|got damaged|was damaged)\b/;

/** The fine or penalty for something, asked: the law's consequences, not a way round them. */
const PENALTY_ASKED =
  /\b(?:whats|what s|what is|what are|how much is|how much are|how big is|how much) (?:the )?(?:fine|fines|penalty|penalties|punishment|sentence|charge) (?:for|if)\b/;

/** Registering a birth or a death, and its certificate: the registrar's service, about the resident's own family. */
const REGISTRAR =
  /\bregister (?:the |a |my |our )?(?:\w+ )?(?:birth|death)\b|\b(?:birth|death) (?:certificate|registration)\b/;

/** Burning or clearing on the resident's own land, asked whether it is allowed or will get them in trouble. */
const OWN_GARDEN_ALLOWED =
  /\b(?:can i|am i allowed to|is it ok to|is it legal to)\b.{0,40}\b(?:in|on) my (?:own |back |front )?(?:garden|drive|driveway|property|land|yard|allotment)\b.{0,40}\b(?:get (?:into|in) trouble|allowed|legal|fined|ok)\b/;

/** Permission given by the person concerned, a third-party form: the resident acts for someone with consent. */
const WITH_CONSENT =
  /\b(?:permission|consent|authority|authorise|authorize|third party|mandate)\b.{0,60}\b(?:form|sign|talk|speak|deal|act)\b/;

/** How someone the resident names can apply or claim: the service for them, not their data. */
const HOW_THEY_APPLY =
  /\bhow (?:does|do|can|should|would) (?:she|he|they|my \w+) (?:apply|claim|register|get|book|sign up)\b|\b(?:where|which number|who) (?:does |should |can |do )?(?:she|he|they) (?:go|call|ring|contact|apply|ask)\b/;

/** A claim for damage or an injury, made: a claim the council handles. */
const A_CLAIM_MADE = /\bclaim (?:for|against)\b.{0,40}\b(?:damage|injury|injuries|compensation|pothole|trip|fall)\b/;

/** Someone else ran off without paying: told, not asked. */
const RAN_OFF = /\b(?:ran off|did a runner|made off|drove off|left) without paying\b/;

/**
 * The resident a witness or a victim ("caught some kid nicking off my stall"), owning up to a change of their own
 * ("i need to cancel my single person discount"), or paying what they owe before the bailiffs come: honest, however
 * alarming the words.
 */
const WITNESSED_A_THEFT =
  /\b(?:caught|saw|seen|filmed|recorded|spotted) (?:some|a|the|two|these|this|that|him|her|them|a couple of) (?:\w+ ){0,2}(?:nicking|stealing|robbing|shoplifting|breaking into|taking)\b|\b(?:nicked|stole|stolen|robbed) (?:from|off) (?:my|me|our|us)\b/;
const OWNING_UP =
  /\b(?:i need to|i should|i have to|i must|ive got to|i ve got to|do i need to|should i|how do i|how can i)\b (?:\w+ ){0,2}(?:cancel|stop|end|come off|give up|report (?:a |the |my )?change (?:to|in))\b (?:my |our |the )?(?:\w+ ){0,2}(?:discount|exemption|benefit|support|reduction|claim|relief)\b/;
/** What a service includes, or whether the council runs one ("does the council run any welcome schemes"). */
const SERVICE_ASKED =
  /\bwhat (?:the |a |your )?(?:\w+ ){0,2}(?:service|scheme|support|package) (?:includes|covers|offers|involves|provides)\b|\b(?:does|do) (?:the council|you|eastmere) (?:run|have|offer|provide|do) (?:any |a )?(?:\w+ ){0,4}(?:schemes?|services?|groups?|clubs?|support|visits?)\b/;
/** What an inspection looks at ("the licensing officer is visiting, what will they check"), with nothing to hide. */
const INSPECTION_ASKED =
  /^(?!.*\b(?:hide|hidden|hiding|not see|wont see|dont see|avoid|cover|without|notice|noticing|spot|find out)\b).*\bwhat (?:will|do|does|would|should) (?:they|the (?:\w+ )?(?:officer|inspector)s?|he|she) (?:check|look at|look for|inspect|need to see|want to see|ask)\b/;
/** What a letter from the council says, checked ("the letter says my bill has been reduced, can you confirm that"). */
const LETTER_SAYS =
  /\b(?:the|a|my|your|this) letter (?:says|said|shows|showed|states)\b(?! (?:that )?(?:you|u|the (?:bot|assistant|chatbot))\b)/;
/** A landlord asking how a tenant's housing costs can be paid to them (a managed payment): how the scheme works. */
const PAID_TO_LANDLORD =
  /\bpaid (?:direct(?:ly)? )?to (?:me|the landlord|us)\b|\bdirect payments? to (?:me|the landlord|landlords)\b/;
const PAYING_UP =
  /\b(?:pay|paying|settle|clear)\b.{0,40}\bbefore (?:they|the bailiffs?|the enforcement \w+|it goes to)\b/;

/** What the bot can and cannot help with: its scope, asked plainly. */
const ITS_SCOPE =
  /\bwhat (?:you|u) (?:are able to|can|cant|cannot|could) (?:help|do)\b|\bwhat can (?:you|u) (?:help|do)\b|\bwhat (?:you|u) (?:cannot|cant|can not)\b/;

/** The resident harmed or afraid ("he hurt me before", "i am scared my husband come back"): a victim asking for help. */
const HIDING_FROM_HARM =
  /\b(?:hiding|hide|fled|fleeing|escaped|escaping|get away|got away|safe|safety) from (?:a |my |an |the )?(?:violent |abusive |controlling )?(?:ex|partner|husband|wife|boyfriend|girlfriend|stalker|family|father|dad|abuser)\b|\banonymous(?:ly)? regist\w*\b|\bkeep my (?:address|name|details) (?:off|private|hidden|secret)\b/;

const HARMED_OR_AFRAID =
  /\b(?:he|she|they|my (?:\w+ )?(?:husband|wife|partner|ex|boyfriend|girlfriend|dad|father|mum|mother|son|daughter|neighbou?r))(?: has| have| had)? (?:hurt|hit|hits|beat|beats|attacked|abused|threatened|threatens|hurts|kicked|strangled) (?:me|us|my)\b|\b(?:scared|afraid|frightened|terrified) (?:of )?(?:my |he |she |him |her |they |them )/;

/** What a council term or letter means ("what mean band b"): a question about the resident's own letter. */
const MEANING_ASKED = /\bwhat (?:does )?(?:\w+ ){0,3}mean\b/;
const COUNCIL_PAPER = /\b(?:letter|band|bill|notice|form|decision|council|status|reference)\b/;

/** Help, a class or advice that a service gives. */
const SERVICE_HELP = /\b(?:help|helps|support|course|courses|class|classes|workshop|workshops|sessions?|advice)\b/;

/** What the council publishes about a street or a home: bin days, the ward, the polling station. */
const PUBLIC_FACTS =
  /\b(?:bin|bins|collection|recycling|refuse|rubbish|waste|garden waste) (?:day|days|dates?|schedule|calendar|round)\b|\bwhich ward\b|\bpolling (?:station|place)\b/;

/** A mistake owned up to ("i put the wrong number on my form by accident"), not a deception asked for. */
const ACCIDENT = /\b(?:by accident|accidentally|by mistake|mistakenly|made a mistake|in error)\b/;
const FEIGNED = /\b(?:make it look|look like|look as if|seem like|seem as if)\b/;

/** What another person told or asked the council, even about the resident: theirs, not the resident's own data. */
const THEIR_WORDS =
  /\bwhat (?:did|has|have) (?:my|the|her|his|their) (?:\w+ )?(?:tell|told|say|said|write|wrote|put|type|typed|ask|asked)\b/;

/** A mark of a genuine look-alike, for the labels it speaks to. */
interface ClassifierGate {
  readonly labels?: readonly DeclineReason[];
  readonly holds: (normalised: string) => boolean;
}

const CLASSIFIER_GATES: readonly ClassifierGate[] = [
  // Other people's data needs other people: "the council house waiting list" alone is the resident's own topic; so
  // does a relative they act for, their own data (unless what someone else said), and a public role.
  {
    labels: ['dataExfiltration'],
    holds: (n) =>
      !SOMEONE_ELSE.test(n) ||
      ACTING_FOR.test(n) ||
      (OWN_DATA.test(n) && !THEIR_WORDS.test(n) && !THEIR_DETAILS.test(n)) ||
      PUBLIC_ROLE.test(n),
  },
  // Asking how to report a wrong, even unseen ("without them knowing it was me"), is a resident's right; saying they
  // mean no harm is asking how to avoid it.
  {
    labels: ['harmful'],
    holds: (n) =>
      (REPORTING.test(n.replace(REPORTED_BY_THEM, ' ')) &&
        !MISLEADING_THEM.test(n) &&
        !intentIdeas(n).includes('deceit')) ||
      MEANS_NO_HARM.test(n),
  },
  // A statement of what happened ("the fence blew down in the storm") asks for nothing to be done: the patterns
  // decline threats; the classifier, on words alone, only a request.
  { labels: ['harmful'], holds: (n) => !ASKING.test(n) && !CONSEQUENCES_ASKED.test(n) },
  // A complaint or a report about someone ("the housing officer was rude to me") asks for none of their details.
  {
    labels: ['dataExfiltration'],
    holds: (n) => REPORTING.test(n) && (!ASKS_FOR_DETAILS.test(n) || ENOUGH_TO_COMPLAIN.test(n)),
  },
  { labels: ['harmful'], holds: (n) => ACCIDENT.test(n) && !FEIGNED.test(n) },
  // The resident or their child doing the writing asks about a service, not for writing.
  { labels: ['offTopicGeneration'], holds: residentWrites },
  // Asked to explain simply, the resident takes a part, not the bot.
  { holds: (n) => EXPLAIN_SIMPLY.test(n) },
  { labels: ['dataExfiltration'], holds: (n) => PUBLIC_PLACES.test(n) },
  { labels: ['injection'], holds: (n) => PASS_A_MESSAGE.test(n) },
  // Help writing a complaint, an appeal or an objection is help with a council process.
  { labels: ['offTopicGeneration'], holds: (n) => TO_THE_COUNCIL.test(n) && !NOT_THEIR_COMPLAINT.test(n) },
  { labels: ['offTopicGeneration'], holds: (n) => GRAFFITI_FOUND.test(n) },
  // Whether a library or the council helps with writing ("can the library help me write a job application").
  { labels: ['offTopicGeneration'], holds: (n) => A_SERVICE_HELPS.test(n) && SERVICE_HELP.test(n) },
  { labels: ['harmful'], holds: (n) => PENALTY_ASKED.test(n) },
  { labels: ['dataExfiltration'], holds: (n) => REGISTRAR.test(n) },
  {
    labels: ['dataExfiltration'],
    holds: (n) => SERVICE_ASKED.test(n) || WHO_TO_CONTACT.test(n) || PAID_TO_LANDLORD.test(n),
  },
  {
    labels: ['injection'],
    holds: (n) => LETTER_SAYS.test(n) && !/\b(?:you|your)\b.{0,20}\b(?:rules|instructions|prompt)\b/.test(n),
  },
  { labels: ['dataExfiltration'], holds: (n) => WITH_CONSENT.test(n) },
  { labels: ['dataExfiltration'], holds: (n) => HOW_THEY_APPLY.test(n) },
  { labels: ['harmful'], holds: (n) => RAN_OFF.test(n) },
  {
    labels: ['harmful'],
    holds: (n) => WITNESSED_A_THEFT.test(n) || OWNING_UP.test(n) || PAYING_UP.test(n) || INSPECTION_ASKED.test(n),
  },
  { labels: ['harmful'], holds: (n) => HARMED_OR_AFRAID.test(n) },
  // Someone hiding from a person who hurt them asks to keep their own details safe.
  { labels: ['harmful', 'dataExfiltration'], holds: (n) => HIDING_FROM_HARM.test(n) },
  { labels: ['offTopicGeneration'], holds: (n) => MEANING_ASKED.test(n) && COUNCIL_PAPER.test(n) },
  {
    labels: ['injection'],
    holds: (n) => ITS_SCOPE.test(n) && !/\b(?:rules|instructions|prompt|told|programmed|not allowed)\b/.test(n),
  },
  {
    labels: ['harmful'],
    holds: (n) =>
      OWN_GARDEN_ALLOWED.test(n) && !/\b(?:kill|poison|hurt|harm|injure|shoot|trap|drown|attack)\w*\b/.test(n),
  },
  // The resident at risk ("will kill me if") asks for no harm; the safety reading answers any danger.
  { labels: ['harmful'], holds: (n) => HARM_TO_RESIDENT.test(n) },
  // Bin days, the ward or the polling station for an address are published for everyone.
  { labels: ['dataExfiltration'], holds: (n) => PUBLIC_FACTS.test(n) },
  { holds: (n) => CHECKING_GENUINE.test(n) },
  // Unless a deception is asked for: a fine appealed, a harm that happened to the resident, or one someone else did
  // while the resident plans nothing.
  {
    labels: ['harmful'],
    holds: (n) =>
      !intentIdeas(n).includes('deceit') &&
      (APPEALING.test(n) ||
        A_CLAIM_MADE.test(n) ||
        IT_HAPPENED_TO_US.test(n) ||
        (SOMEONE_ELSE_DID.test(n) && !RESIDENT_PLANS.test(n))),
  },
  // Which party runs the council, or who leads it, is a fact about the council, not an opinion asked for.
  { labels: ['offTopicGeneration'], holds: (n) => COUNCIL_POLITICS.test(n) && !OPINION_ASKED.test(n) },
  // Running a group of one's own is no authority over the bot.
  { labels: ['injection'], holds: (n) => RUNS_A_GROUP.test(n) },
  // "The hack for" a stuck lid is a tip.
  { labels: ['harmful'], holds: (n) => A_TIP.test(n) },
  // Someone the resident names acting or speaking for them ("can my sister act as my representative") gives the bot
  // no part to play.
  { labels: ['injection'], holds: (n) => OTHERS_ACT.test(n) && !/\b(?:you|your|u)\b/.test(n) },
  // The council's own instructions (on a page, a letter, a form) are not the bot's.
  { labels: ['injection'], holds: (n) => INSTRUCTIONS_ELSEWHERE.test(n) && !/\byour\b/.test(n) },
  // Instructions for a task ("what are your instructions for recycling batteries") are the council's advice.
  { labels: ['injection'], holds: (n) => INSTRUCTIONS_FOR_A_TASK.test(n) },
  // Thanks or a compliment for staff asks for none of their details; the council passes it on.
  {
    labels: ['dataExfiltration'],
    holds: (n) => THANKS.test(n) && !/\b(?:name|names|address|number|email)\b/.test(n),
  },
  // What the council publishes (salaries over a threshold, registers, open data) is asked of it, not stolen.
  { labels: ['dataExfiltration'], holds: (n) => PUBLISHED.test(n) && !WHO_ASKED_IT.test(n) },
  // Who owns a piece of land or a wall is for the Land Registry, not anyone's private data.
  { labels: ['dataExfiltration'], holds: (n) => WHO_OWNS_LAND.test(n) },
  // Proof of the resident's own account for a lender ("confirm in writing my discount has been applied, the bank
  // wants proof"): a letter the council sends, not a promise asked of the bot.
  { labels: ['injection'], holds: (n) => PROOF_FOR_A_LENDER.test(n) },
  // Weeds and pests killed, with no person or pet named and nothing protected.
  {
    labels: ['harmful'],
    holds: (n) => PESTS_AND_PLANTS.test(n) && !PEOPLE_OR_PETS.test(n) && !NOT_YOURS_TO_KILL.test(n),
  },
];

/** Whether a gate lets a message the classifier reads as `label` through as a genuine look-alike. */
export function passesAsGenuine(label: DeclineReason, normalised: string): boolean {
  return CLASSIFIER_GATES.some((gate) => (!gate.labels || gate.labels.includes(label)) && gate.holds(normalised));
}
