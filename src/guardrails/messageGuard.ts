import { normaliseText } from '../knowledge/textAnalyzer';
import { redactPersonalData } from '../privacy/redactPersonalData';
import { NaiveBayes } from '../safety/naiveBayes';
import { AttackSpeller } from './attackSpeller';
import type { DeclineReason } from './declineReason';
import type { GuardrailExample, GuardrailLabel } from './guardrailExampleSchema';
import { guardFeatures } from './guardFeatures';
import { intentIdeas } from './intentFeatures';
import { matchesInstructionConcept } from './instructionConcepts';
import { detectPromptInjection, disguisedReadings } from './instructionPatterns';
import { ASKING } from './broadConcepts';
import { MEANS_NO_HARM } from './requestClasses';
import { A_SERVICE_HELPS, matchRequestPatterns, REASON_CUES, REPORTING, residentWrites } from './requestPatterns';

/** Why a message is declined, and what recognised it (for logs and figures; never the words). */
export interface GuardVerdict {
  reason: DeclineReason;
  via: 'pattern' | 'disguised' | 'classifier';
}

export interface MessageGuardOptions {
  /** The editors' examples (`knowledge/guardrails/*.yaml`). */
  examples: readonly GuardrailExample[];
  /** Every article's example questions: what residents genuinely ask, learnt as `question`. */
  questions: readonly string[];
}

/**
 * Signs that a message may be disguised (digits or symbols for letters, letters spaced out, an encoded run), the
 * only messages whose undisguised readings are worth reading with the concepts too (the surface patterns read every
 * reading of every message).
 */
const DISGUISE_SIGNS =
  /[a-z][0-9@$!|][a-z0-9]|[0-9@$!|][a-z]|\b[a-z]\b[^a-z\n]{1,3}\b[a-z]\b[^a-z\n]{1,3}\b[a-z]\b[^a-z\n]{1,3}\b[a-z]\b|[A-Za-z0-9+/_-]{16,}/i;

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
 * Role play someone else does, or plays as a hobby ("my son's school are doing a role play of a council meeting",
 * "does the library run role play game clubs"), with nothing said to the bot: drama, not a part for the bot.
 */
const OTHERS_ROLE_PLAY =
  /\b(?:school|schools|class|kids|children|students|pupils|group|club|drama|youth|they|we|son|sons|daughter|daughters|library|libraries|centre|council)\b(?: \w+){0,3} (?:are |is |were )?(?:doing|do|did|run|runs|running|have|having|put on|putting on|act out|acting out)(?: a| an| the| some)? role ?-?play|\brole ?-?play(?:ing)? (?:games?|clubs?|groups?|sessions?|nights?)\b/i;
const ADDRESSES_THE_BOT = /\b(?:you|your|u|ur|yourself|youre)\b/i;

/** Someone else pretending, for a costume day or a game ("my son wants to dress up and pretend to be a librarian"). */
const OTHERS_PRETEND =
  /\b(?:son|sons|daughter|daughters|kids|children|child|grandson|granddaughter|he|she|they|we|class|pupils|students)\b(?: \w+){0,5} pretend(?:ing)? to be\b/i;

function withoutOthersRolePlay(text: string): string {
  if (!/role ?-?play|pretend/i.test(text) || ADDRESSES_THE_BOT.test(text)) return text;
  const plain = text.replace(/[’']/g, '');
  let read = text;
  if (OTHERS_ROLE_PLAY.test(plain)) read = read.replace(/role ?-?play(?:ing)?/gi, 'drama');
  if (OTHERS_PRETEND.test(plain)) read = read.replace(/pretend(?:ing)? to be/gi, 'dress up as');
  return read;
}

/**
 * Asking whether a letter, a caller or a ticket is genuine ("is it fake?", "how do i know if its real"): a resident
 * checking for a scam, which none of the classifier's reasons is.
 */
const CHECKING_GENUINE =
  /\b(?:is (?:it|this|that|he|she|they) (?:fake|real|genuine|a scam|legit|legitimate|really from)|(?:how|can) (?:do |can )?i (?:know|tell|check|find out) (?:if|whether) (?:it|this|that|the \w+|he|she|they)(?: s| is| are|s| re)? (?:real|genuine|fake|a scam|legit|legitimate|really from|from the council)|is (?:this|it) (?:a )?scam|is (?:that|this|it) (?:really )?(?:your|the councils?|a council|an official) (?:domain|website|web address|email|email address|number|phone number|site|link|address)|(?:is|was) (?:this|that|it) (?:email|text|letter|website|link|caller|call|message) (?:really )?(?:from you|from the council|yours|genuine|real)|is (?:the council|eastmere|it really the council) (?:ringing|calling|phoning|texting|emailing|writing to|sending (?:\w+ )?to|knocking on) (?:people|residents|everyone|doors))\b/;

/** Whether something on the resident's own property is allowed, or what someone told them about it. */
const ASKS_IF_ALLOWED =
  /\b(?:someone|somebody|people|a neighbou?r|my neighbou?r) (?:told|says|said|tells) (?:me )?(?:its|it s|it is|that its|that it s|that it is) (?:illegal|not allowed|against the law|banned)\b|\b(?:is it|its|it s) (?:legal|illegal|allowed|against the law) to \w+ (?:\w+ ){0,3}(?:in|on) my (?:own )?(?:garden|drive|driveway|property|land|house|allotment|yard)\b|\bam i allowed to \w+ (?:\w+ ){0,3}(?:in|on) my (?:own )?(?:garden|drive|driveway|property|land|house|allotment|yard)\b/;

const HARMS_THE_LIVING = /\b(?:kill|poison|hurt|harm|injure|shoot|trap|drown|attack)\w*\b/;

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
  /\b(?:think|reckon|opinion|view|better|best|worse|worst|good|bad|should i|vote for|rate|rank|useless|corrupt|prefer)\b/;

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
const MISLEADING_THEM =
  /\bso (?:that )?(?:they|he|she|it|the \w+(?: \w+){0,2}) (?:think|thinks|believe|believes|assume|assumes)\b/;

/**
 * A resident taking back what came before ("can you pretend... no, seriously, when is ..."): the classifier reads
 * what follows, which is what is asked. The patterns still read the whole message.
 */
const TAKEN_BACK =
  /\b(?:no,? seriously|but seriously|seriously though|joking aside|kidding aside|only joking|just joking|just kidding|jk|lol no|never ?mind(?: that)?|forget (?:that|i said that))\b[\s,.!?:;-]*/gi;

/**
 * The message as the readers take it: without a run of hundreds of lower-case letters (no word and no encoding, so it
 * costs nothing) and without someone else's role play.
 */
function cleaned(message: string): string {
  return withoutOthersRolePlay(message.replace(/[a-z]{200,}/g, ' '));
}

/** The part of a message after the last thing taken back (all of it when nothing is). */
function whatIsAsked(text: string): string {
  let start = 0;
  for (const match of text.matchAll(TAKEN_BACK)) start = match.index + match[0].length;
  const rest = text.slice(start);
  return rest.split(/\s+/).filter(Boolean).length >= 3 ? rest : text;
}

/**
 * Who does a job for the public ("who fixes it", "which councillor represents my ward", "who made this chatbot"):
 * a question about a service or a public role, not about a person's private details.
 */
const PUBLIC_ROLE =
  /\bwho (?:fixes|fix|repairs|deals with|is responsible|are responsible|looks after|maintains|collects|empties)\b|\bwho (?:made|built|designed|created|runs) (?:this|the|your) (?:chat\w*|bot|assistant|website|site|app|service)\b|\b(?:which|what) councillors? (?:represents?|covers?|is for|are for) (?:my|our|this)\b|\bwho (?:is|are|s) (?:my|our) (?:local |ward )?councillors?\b|\b(?:press office|media (?:team|office|enquiries)|communications team|comms team|switchboard|general enquiries)\b|\bwho (?:gets|get|has|have) (?:priority|preference|first refusal)\b|\bwho (?:qualifies|is eligible|are eligible|can apply|is entitled|are entitled)\b|\bwho(?: s| is|s) (?:the )?(?:head|director|manager|chief|leader|chair|lead officer) (?:of|for)\b|\b(?:company|supplier|provider|firm|department|office|team|service|charity|helpline|school|surgery|gp|hospital|housing association|agency)\b.{0,30}\btheir (?:phone |contact |main )?(?:number|phone|email|address|website|opening hours)\b/;

/** The resident's own data (a subject access request), or whether they will be known as the one who reported. */
const OWN_DATA =
  /\b(?:subject access|about me|on me|of mine|my own|my (?:case|file|records?|data|details|account|claim)|it was me|(?:it was|its|was it|it s) (?:me|i) (?:who|that) (?:reported|complained|rang|called|made)|(?:code|login|account|password|pin|reference) (?:for|on|to) my\b|my (?:email(?: address)?|phone(?: number)?|mobile(?: number)?|address|name|postcode|date of birth|number) is\b|who (?:is )?my (?:\w+ )?(?:landlord|housing officer|councillor|social worker|case ?worker|case officer|housing association)\b|who my (?:\w+ )?(?:landlord|housing officer|councillor|social worker|case ?worker|case officer|housing association) is)\b/;

/**
 * Someone else's details asked for by name of the detail ("the home phone number for Karen the housing officer who
 * dealt with my case"): the resident's own case named beside it does not make the number theirs.
 */
const THEIR_DETAILS =
  /\b(?:phone number|mobile(?: number)?|number|address|email(?: address)?|details|name|code|login|password|notes)\b (?:for|of) (?!(?:me|my|myself|us|our|mine)\b)(?:the |a |an )?[a-z]+/;

/** Asking for someone's details or whereabouts, or whether something is so of them. */
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
  /\b(?:complaint|complain|appeal|objection|object to|representation|review request)\b/;
/** Writing that is not the resident's own complaint: fake ones, under other names, or to a shop. */
const NOT_THEIR_COMPLAINT =
  /\b(?:fake|false|made up|different names|pretend\w*|retailer|shop|company|airline|hotel|restaurant)\b/;

/** Words or pictures found on a wall or a fence ("swear words painted on a wall"): graffiti reported, not writing asked for. */
const GRAFFITI_FOUND =
  /\b(?:painted|sprayed|scrawled|written|drawn|carved|tagged) (?:on|over|across|all over) (?:a |the |my |our |their |his |her )?(?:\w+ )?(?:wall|walls|fence|door|garage|shop|shutter|bus shelter|bridge|underpass|sign|car|van|house|building|pavement|road|bench|playground)\b/;

/** Asked to explain simply ("pretend i'm a total newbie", "explain it like i'm five"): the resident's own part. */
const EXPLAIN_SIMPLY =
  /\b(?:pretend|imagine|assume|act like) (?:that )?(?:i m|im|i am|i know|i ve|ive|i have|we re|we are|were) (?:a |an |total |totally |complete |completely |absolute |brand |never |no )*(?:newbie|beginner|novice|new|five|5|child|kid|nothing|idea|clue|been)\b|\bexplain (?:it |this |that )?(?:like|as if|as though) (?:i m|im|i am) (?:five|5|a child|a kid|new|a beginner|stupid|an idiot)\b/;

/** The council's places and their opening times or addresses: published, nobody's personal data. */
const PUBLIC_PLACES =
  /\b(?:recycling centres?|tips?|libraries|library|leisure centres?|car parks?|toilets|offices|hubs|parks|sites|centres|schools|polling stations?|cemeteries|allotment sites|household waste)\b.{0,50}\b(?:opening (?:times|hours)|times|hours|addresses|locations|postcodes?|phone numbers|contact details)\b/;

/** A message passed to a member of staff: the resident asks for contact, which a handoff gives. */
const PASS_A_MESSAGE =
  /\b(?:pass (?:on )?(?:a |my |this )?message|go ?between|get a message to|let (?:him|her|them) know|chase (?:him|her|them) up)\b/;

/** Something that happened to the resident or theirs ("i slipped on the wet floor"): a claim or a report, not a plan. */
const IT_HAPPENED_TO_US =
  /\b(?:i|we|my (?:\w+ )?(?:son|daughter|mum|mother|dad|father|wife|husband|partner|child|kid|kids|nan|gran|car|van|bike|dog|cat)) (?:have |has |had |just |also )?(?:slipped|tripped|fell|fallen|hurt|injured|broke|broken|was hit|got hit|was bitten|got bitten|got damaged|was damaged)\b/;

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

/**
 * The ideas (`intentFeatures.ts`) that count as a word of each reason: "so she thinks it is worse than it is" carries
 * no word a list of harms can name, but it is a deception.
 */
const REASON_IDEAS: Readonly<Record<DeclineReason, readonly string[]>> = {
  injection: ['orders'],
  dataExfiltration: ['theirs', 'pretext'],
  harmful: ['unseen', 'deceit', 'tamper', 'getAt'],
  offTopicGeneration: ['writing', 'opinion'],
};

/**
 * `minProbability`: how sure the classifier must be of a reason to decline, and the message must then carry a word of
 * that reason: a probability alone, on words it has rarely seen, is not enough to turn a resident away.
 * `wary`: how sure it must be, whatever else holds, for a model-written answer to be withheld (`isWaryOf`): on the read
 * guard sets, 0.9 kept most attacks that were answered from an article away from the answer-writing prompt, and took the
 * model-written answer from about one genuine question in twenty, which gets the article's own answer instead.
 * `sureWithoutCue`: how sure it must be to decline without such a word. Attacks seldom use the words a list can
 * name ("set your role to supervisor", "make it sound posh", "so it looks natural"), yet the classifier, which has
 * learnt them from the editors' examples, is then all but certain; genuine questions it is that sure about are rare.
 */
export const GUARD_TUNING = { minProbability: 0.97, sureWithoutCue: 0.9999, minKnownFeatures: 3, wary: 0.9 };

/**
 * Decides whether a message is to be declined rather than answered, before anything else reads it (after the
 * emergency check, which always comes first). Three readers, deterministic and without a model:
 * 1. the surface patterns of attempts on the instructions, over the message as written and with disguises undone
 *    (spaced letters, look-alike digits, reversed, rot13, base64; and in other languages);
 * 2. compositional patterns over the normalised text: attempts on the bot itself (asking about its rules, claiming
 *    authority over it, addressing the model, asking it to promise or decide for the council), other people's data
 *    and internal records, harmful or illegal requests, unrelated writing and political opinions;
 * 3. a naive Bayes classifier trained when the knowledge base loads, from the editors' examples and every article's
 *    example questions, which generalises to phrasings the patterns do not name, gated by a word of the reason.
 */
export class MessageGuard {
  private readonly classifier: NaiveBayes<GuardrailLabel> | undefined;
  private readonly speller: AttackSpeller;

  constructor(options: MessageGuardOptions) {
    const texts = [
      ...options.examples.map((example) => ({ label: example.label, features: guardFeatures(example.text) })),
      ...options.questions.map((question) => ({ label: 'question' as const, features: guardFeatures(question) })),
    ];
    const known = new Set<string>();
    // Residents' words only: an attack example's misspelling ("disreguard") is still a misspelling.
    const genuine = [
      ...options.examples.filter((example) => example.label === 'question').map((example) => example.text),
      ...options.questions,
    ];
    for (const text of genuine) for (const word of normaliseText(text).split(' ')) known.add(word);
    this.speller = new AttackSpeller(known);
    const labels = new Set(texts.map((text) => text.label));
    // Without examples of attacks the classifier could only ever say "question": it is left out.
    this.classifier =
      labels.size > 1
        ? new NaiveBayes(texts, new Map([...labels].map((label) => [label, 1 / labels.size])), 0.3)
        : undefined;
  }

  /**
   * Reads a sample message twice, so the regular expressions are compiled (and compiled again to machine code, which
   * V8 does on their second use) while the knowledge base loads, not during a resident's first turns.
   */
  warmUp(): void {
    for (let i = 0; i < 2; i++) this.check('how do i pay my council tax');
  }

  check(message: string): GuardVerdict | undefined {
    return this.verdictFor(message);
  }

  private read(message: string): GuardVerdict | undefined {
    const text = cleaned(message);
    if (detectPromptInjection(text)) return { reason: 'injection', via: 'pattern' };
    const normalised = normaliseText(text);
    if (matchesInstructionConcept(normalised, text)) return { reason: 'injection', via: 'pattern' };
    const requested = matchRequestPatterns(normalised);
    if (requested) return { reason: requested, via: 'pattern' };
    const disguised = DISGUISE_SIGNS.test(text) ? disguisedReadings(text).slice(1) : [];
    for (const reading of disguised) {
      const plain = normaliseText(reading);
      if (plain === normalised) continue;
      if (matchesInstructionConcept(plain)) return { reason: 'injection', via: 'disguised' };
      const hidden = matchRequestPatterns(plain);
      if (hidden) return { reason: hidden, via: 'disguised' };
    }
    const corrected = this.speller.correctText(normalised);
    if (corrected !== normalised) {
      if (detectPromptInjection(corrected) || matchesInstructionConcept(corrected))
        return { reason: 'injection', via: 'disguised' };
      const misspelt = matchRequestPatterns(corrected);
      if (misspelt) return { reason: misspelt, via: 'disguised' };
    }
    return this.classify(text, normalised);
  }

  /**
   * The first reader's verdict, unless the message checks a scam ("is the council ringing people about ...") or asks
   * whether something on the resident's own property is allowed ("can i burn rubbish in my garden, someone told me
   * its illegal"): the resident asks about the law or a caller, not for data or harm.
   */
  private verdictFor(message: string): GuardVerdict | undefined {
    const verdict = this.read(message);
    if (!verdict || verdict.reason === 'offTopicGeneration') return verdict;
    // An attempt on the instructions that a pattern found stands; the classifier's reading gives way to a scam check.
    if (verdict.reason === 'injection' && verdict.via !== 'classifier') return verdict;
    const normalised = normaliseText(message);
    if (CHECKING_GENUINE.test(normalised)) return undefined;
    if (verdict.reason === 'injection') return verdict;
    if (verdict.reason === 'harmful' && ASKS_IF_ALLOWED.test(normalised) && !HARMS_THE_LIVING.test(normalised))
      return undefined;
    return verdict;
  }

  /**
   * Whether the classifier alone is near sure (`GUARD_TUNING.wary`) that a message is an attempt, though no reader
   * declined it: a gate let it through as a genuine look-alike, or it carried no word of the reason. With a language
   * model, such a message is answered with the article's own text and never reaches the answer-writing prompt;
   * without one, nothing changes.
   */
  isWaryOf(message: string): boolean {
    const best = this.classifierReading(cleaned(message))?.best;
    return best !== undefined && best.label !== 'question' && best.probability >= GUARD_TUNING.wary;
  }

  /** The classifier's most likely label for what is asked, when it knows enough of the words. */
  private classifierReading(text: string) {
    if (!this.classifier) return undefined;
    const asked = whatIsAsked(text);
    // Names, addresses and numbers say nothing about what is asked; read without them.
    const features = guardFeatures(redactPersonalData(asked).text.replace(/\[[a-z ]+\]/g, ' '));
    if (this.classifier.knownCount(features) < GUARD_TUNING.minKnownFeatures) return undefined;
    const [best] = this.classifier.classify(features);
    return best ? { best, asked } : undefined;
  }

  private classify(text: string, wholeNormalised: string): GuardVerdict | undefined {
    const reading = this.classifierReading(text);
    if (!reading) return undefined;
    const { best, asked } = reading;
    const normalised = asked === text ? wholeNormalised : normaliseText(asked);
    if (best.label === 'question' || best.probability < GUARD_TUNING.minProbability) return undefined;
    const ideas = REASON_IDEAS[best.label];
    const cued =
      REASON_CUES[best.label].test(normalised) || intentIdeas(normalised).some((idea) => ideas.includes(idea));
    if (best.probability < GUARD_TUNING.sureWithoutCue && !cued) return undefined;
    // Other people's data needs other people: "the council house waiting list" alone is the resident's own topic.
    if (
      best.label === 'dataExfiltration' &&
      (!SOMEONE_ELSE.test(normalised) ||
        ACTING_FOR.test(normalised) ||
        (OWN_DATA.test(normalised) && !THEIR_WORDS.test(normalised) && !THEIR_DETAILS.test(normalised)) ||
        PUBLIC_ROLE.test(normalised))
    )
      return undefined;
    // Asking how to report a wrong, even unseen ("without them knowing it was me"), is a resident's right; saying
    // they mean no harm is asking how to avoid it.
    if (
      best.label === 'harmful' &&
      ((REPORTING.test(normalised) && !MISLEADING_THEM.test(normalised)) || MEANS_NO_HARM.test(normalised))
    )
      return undefined;
    // A statement of what happened ("the fence blew down in the storm") asks for nothing to be done: the patterns
    // decline threats; the classifier, on words alone, only a request.
    if (best.label === 'harmful' && !ASKING.test(normalised)) return undefined;
    // A complaint or a report about someone ("the housing officer was rude to me") asks for none of their details.
    if (best.label === 'dataExfiltration' && REPORTING.test(normalised) && !ASKS_FOR_DETAILS.test(normalised))
      return undefined;
    if (best.label === 'harmful' && ACCIDENT.test(normalised) && !FEIGNED.test(normalised)) return undefined;
    // The resident or their child doing the writing asks about a service, not for writing.
    if (best.label === 'offTopicGeneration' && residentWrites(normalised)) return undefined;
    // Asked to explain simply, the resident takes a part, not the bot.
    if (EXPLAIN_SIMPLY.test(normalised)) return undefined;
    if (best.label === 'dataExfiltration' && PUBLIC_PLACES.test(normalised)) return undefined;
    if (best.label === 'injection' && PASS_A_MESSAGE.test(normalised)) return undefined;
    // Help writing a complaint, an appeal or an objection is help with a council process.
    if (
      best.label === 'offTopicGeneration' &&
      TO_THE_COUNCIL.test(normalised) &&
      !NOT_THEIR_COMPLAINT.test(normalised)
    )
      return undefined;
    if (best.label === 'offTopicGeneration' && GRAFFITI_FOUND.test(normalised)) return undefined;
    // Whether a library or the council helps with writing ("can the library help me write a job application").
    if (best.label === 'offTopicGeneration' && A_SERVICE_HELPS.test(normalised) && SERVICE_HELP.test(normalised))
      return undefined;
    // The resident at risk ("will kill me if") asks for no harm; the safety reading answers any danger.
    if (best.label === 'harmful' && HARM_TO_RESIDENT.test(normalised)) return undefined;
    // Bin days, the ward or the polling station for an address are published for everyone.
    if (best.label === 'dataExfiltration' && PUBLIC_FACTS.test(normalised)) return undefined;
    if (CHECKING_GENUINE.test(normalised)) return undefined;
    if (best.label === 'harmful' && !intentIdeas(normalised).includes('deceit')) {
      // Asking how to appeal or have a fine cancelled is a resident's right.
      if (APPEALING.test(normalised)) return undefined;
      // It happened to the resident: a claim or a report of their own.
      if (IT_HAPPENED_TO_US.test(normalised)) return undefined;
      // Someone else did it, and the resident plans nothing: a report, however it is worded.
      if (SOMEONE_ELSE_DID.test(normalised) && !RESIDENT_PLANS.test(normalised)) return undefined;
    }
    // Which party runs the council, or who leads it, is a fact about the council, not an opinion asked for.
    if (best.label === 'offTopicGeneration' && COUNCIL_POLITICS.test(normalised) && !OPINION_ASKED.test(normalised))
      return undefined;
    // Running a group of one's own is no authority over the bot.
    if (best.label === 'injection' && RUNS_A_GROUP.test(normalised)) return undefined;
    // "The hack for" a stuck lid is a tip.
    if (best.label === 'harmful' && A_TIP.test(normalised)) return undefined;
    // Someone the resident names acting or speaking for them ("can my sister act as my representative") gives the bot
    // no part to play.
    if (best.label === 'injection' && OTHERS_ACT.test(normalised) && !/\b(?:you|your|u)\b/.test(normalised))
      return undefined;
    // The council's own instructions (on a page, a letter, a form) are not the bot's.
    if (best.label === 'injection' && INSTRUCTIONS_ELSEWHERE.test(normalised) && !/\byour\b/.test(normalised))
      return undefined;
    // Instructions for a task ("what are your instructions for recycling batteries") are the council's advice.
    if (best.label === 'injection' && INSTRUCTIONS_FOR_A_TASK.test(normalised)) return undefined;
    // Thanks or a compliment for staff asks for none of their details; the council passes it on.
    if (
      best.label === 'dataExfiltration' &&
      THANKS.test(normalised) &&
      !/\b(?:name|names|address|number|email)\b/.test(normalised)
    )
      return undefined;
    // What the council publishes (salaries over a threshold, registers, open data) is asked of it, not stolen.
    if (best.label === 'dataExfiltration' && PUBLISHED.test(normalised)) return undefined;
    if (
      best.label === 'harmful' &&
      PESTS_AND_PLANTS.test(normalised) &&
      !PEOPLE_OR_PETS.test(normalised) &&
      !NOT_YOURS_TO_KILL.test(normalised)
    )
      return undefined;
    return { reason: best.label, via: 'classifier' };
  }
}
