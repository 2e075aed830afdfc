import { MEANS_NO_HARM } from './requestClasses';
import { familyReader, type RequestFamily } from './requestFamilies';
import { BOOKED_BY_RESIDENT, TOLD_OF_MISCHIEF, WHO_TO_CONTACT } from './residentCues';

/**
 * Requests dressed as everyday service questions, read as what is asked for rather than the words around it, over
 * a message as `normaliseText` leaves it:
 * - a secret that opens someone else's door or the council's systems (a door, key safe or master key code; the
 *   login staff use), another person's status or health (an offender, a condition on a form, who was given a home,
 *   where an ex now lives), the unredacted original of a redacted document, or which homes had a service;
 * - mischief the resident plans: damaging someone's car, pouring something down their drain, something put in meat
 *   for an animal, a prank on a council building, getting in after hours or for free, an accident staged for a
 *   claim, a document easiest to forge, a badge edited for another car, a hazard hidden on a path, where no camera
 *   looks, a protected tree killed;
 * - unrelated work no council service does: business plans, which shares to buy, sums to solve, politicians ranked,
 *   letters to companies.
 */

/** The resident asking, or planning to do something themselves. */
const ASKS =
  /\b(?:what|whats|which|where|who|give|tell|send|need|want|get|know|share|provide|supply|can you|could you|can u|is|are|was|does|has|find out)\b/;
const PLANS =
  '(?:if i|if we|can i|could i|should i|can we|could we|what if i|how (?:do|can|could|would|much|many|long) (?:i|we)|how to|want to|wanna|going to|gonna|im going to|i will|ill|we will|best way to|easiest way to|tips? (?:on|for)|ideas? for)';

/** Something that belongs to someone else: their, the neighbour's, the ex's, the council's. */
const THEIR_THINGS =
  '(?:his |her |their |next doors |(?:my |the )?(?:neighbou?rs?|exs?|landlords?|bosss?|colleagues?|flatmates?|housemates?|wardens?|councillors?|councils?|guys?|blokes?|mans?|womans?|ladys?) |someones |somebodys |the (?:council|school|leisure centre|library) )';

/** A code, number or login that opens a door, a key safe, a block or a system. */
const ACCESS_SECRET =
  '(?:(?:keycodes?|key|door|front door|door entry|entry|entrance|building|block|gate|key ?safe|keysafe|lock ?box|lockbox|master key|alarm|intercom|padlock|combination|garage|keypad|key pad) (?:codes?|pin|pins|numbers?|combination)|keycodes?)';

const DATA: readonly RegExp[] = [
  new RegExp(`(?<!\\b(?:my|our|mine|new|own) )\\b${ACCESS_SECRET}\\b`),
  /\bwhat (?:logins?|passwords?|pins?|usernames?|credentials) (?:do|does|did) (?!i\b|we\b)|\b(?:logins?|passwords?|pins?|usernames?|credentials) (?:that )?(?:the |their )?(?:\w+ ){0,2}(?:wardens?|officers?|staff|inspectors?|drivers?|crews?|contractors?|managers?|admins?|team|teams) use\b/,
  // Another person's status or health; what their DBS check showed.
  /\b(?:did|has|have|does) (?:\w+ ){1,3}(?:pass|passed|fail|failed|clear|cleared) (?:his|her|their|the) (?:dbs|criminal record|background|enhanced) (?:check|checks)\b|\bwhat (?:came|comes|has come) up on (?:his|her|their) (?:dbs|check|record|background check)\b|\b(?:his|her|their) dbs (?:check |certificate )?(?:result|results|showed|show|says)\b/,
  /\b(?:is|are|was|were) (?:the |that |this |my |our )?(?:\w+ ){0,3}(?:man|men|woman|women|lady|guy|bloke|person|family|couple|neighbou?rs?|tenants?|lodgers?|people|he|she|they|lad|boyfriend|girlfriend)\b.{0,40}\b(?:sex offenders?|registered offenders?|paedophiles?|offenders? register|criminal records?|convictions?|on probation|known to (?:the )?(?:police|social services)|on a tag|tagged)\b/,
  /\bwhich (?:\w+ ){0,2}(?:foster carers|sex offenders|offenders|ex offenders|ex prisoners|asylum seekers|refugees|care leavers|people on benefits|claimants|families on benefits|homeless families) (?:live|lives|are living|are housed|have been housed|are placed|have moved|are staying)\b/,
  /\b(?:tell me|find out|let me know|check|what|whats) (?:\w+ ){0,3}(?:his|her|their|the neighbou?rs?|next doors|neighbou?rs) (?:medical |health )?(?:condition|conditions|illness|disability|diagnosis|health problems?)\b|\bwhat (?:\w+ ){0,2}(?:condition|conditions|illness|disability|diagnosis|health problems?) (?:did|does|has|have|is) (?:they|he|she|the \w+|my neighbou?rs?|next door)\b/,
  /\bwho (?:got|has got|was given|was allocated|has been given|has been allocated|moved into|was offered) (?:the |that |this )?(?:flat|house|home|property|bungalow|tenancy|place|allotment|plot|pitch)\b/,
  /\b(?:my ex|ex|exs|she|he|they)\b (?:\w+ ){0,3}(?:moved|has moved|was moved|got rehoused|was rehoused|has been rehoused|got a (?:council )?(?:flat|house))\b.{0,50}\b(?:which|what) address\b|\b(?:which|what) address\b.{0,40}\b(?:she|he|they|my ex)\b (?:is|s|are|re|has|have|moved|lives|living|got)\b/,
  /\b(?:unredacted|the original)\b.{0,50}\b(?:signatures?|their names?|their address(?:es)?|who (?:wrote|sent|signed) it)\b|\bredacted\b.{0,80}\b(?:original|their (?:name|address|signature)|who (?:wrote|sent|signed))\b/,
  /\bwhich (?:of (?:the|my|our) )?(?:houses|homes|flats|properties|addresses|households|neighbou?rs)\b.{0,40}\b(?:had|have had|has had|got|received|needed)\b.{0,30}\b(?:pest control|environmental health|the police|social services|complaints?|warnings?|fines?|notices?|enforcement|visits?|inspections?|rats|mice|bed ?bugs|cockroaches|evictions?|asbos?)\b/,
];

const HARM: readonly RegExp[] = [
  // Damage to someone's car or home, planned.
  new RegExp(
    `\\b${PLANS}\\b.{0,25}\\b(?:key|scratch|slash|puncture|smash|spray ?paint|egg|superglue|vandali[sz]e|wreck|damage|sabotage)\\b (?:up )?${THEIR_THINGS}(?:\\w+ )?(?:car|van|tyres|tires|windows?|windscreen|door|locks?|bike|motorbike|mirrors?|fence|shed|greenhouse|house)\\b`,
  ),
  new RegExp(
    `\\b${PLANS}\\b.{0,20}\\b(?:pour|put|tip|dump|stuff|pack)\\b (?:\\w+ ){0,2}(?:concrete|cement|glue|superglue|sugar|paint|expanding foam)\\b.{0,30}\\b(?:down|in|into|on|over|through)\\b.{0,60}\\b(?:his|her|their|neighbou?rs?|next doors|the guy|the man|the woman|the bloke|the house of|outside (?:his|her|their|the))\\b`,
  ),
  // Something put in food for an animal, or an animal silenced for good.
  /\b(?:put|add|mix|lace|spike|hide|stuff)\b.{0,20}\b(?:in|into|inside|on)\b (?:some |a |the |bit of )?(?:meat|sausages?|food|treats?|bait|biscuits?|chicken|mince|water|bread)\b.{0,60}\b(?:shut (?:it|him|her|them) up|silence|for good|knock (?:it|him|her|them) out|make (?:it|him|her|them) (?:sick|ill))\b(?:(?=.{0,80}\b(?:neighbou?rs?|next doors|their|his|her|the (?:\w+ )?(?:dog|cat|birds?|cockerel|parrot))\b)|(?<=\b(?:neighbou?rs?|next doors|their|his|her)\b.{0,200}))|\bshut (?:it|him|her|them|the (?:\w+ )?(?:dog|cat|birds?|cockerel)) up (?:for good|permanently|forever)\b/,
  // Pranks on public places.
  new RegExp(`\\b${PLANS}\\b.{0,80}\\b(?:as|for|like) a (?:prank|dare)\\b|\\b(?:prank|dare)\\b.{0,40}\\b${PLANS}\\b`),
  // Getting in where and when nobody may.
  /\b(?:sneak|break) (?:in|into|inside)\b(?!.{0,20}\b(?:my|our) (?:own )?(?:house|home|flat|garden|car|shop|business|office|premises|garage|shed|van|unit|cafe|restaurant)\b)|\b(?:get|climb|jump|slip) (?:in|into|inside|over)\b.{0,50}\b(?:for free|without pay(?:ing|in)|without being seen|back doors?|through (?:the|a) (?:fire door|back door|window|gap))\b|\b(?:fire door|back door|side door)\b.{0,60}\b(?:get in|for free|without paying)\b/,
  // Staged accidents and forged papers.
  /\b(?:stage|fake|pretend to have|invent|make up)\b (?:a |an |my |the )?(?:\w+ )?(?:trip|fall|accident|injury|slip|crash|collision)\b/,
  /\b(?:documents?|ids?|papers|permits?|badges?|certificates?|signatures?|letters?|payslips?|bank statements?|tenancy agreements?|sick notes?|fit notes?)\b.{0,30}\b(?:easiest|easy|simplest|best|hardest) to (?:forge|fake|falsify|copy|counterfeit)\b/,
  /\b(?:edit|photoshop|alter|duplicate|doctor)\b(?: \w+){0,4} (?:blue badge|parking permit|permit|disabled badge|residents? permit|badge|parking ticket|pcn)\b|\b(?:copy|print|photocopy|scan|clone|duplicate)\b(?: \w+){0,4} (?:blue badge|parking permit|permit|disabled badge|residents? permit)\b.{0,40}\b(?:for (?:my |his |her |their )?(?:\w+s )?(?:other |second )?(?:car|van)|(?:two|both|2) (?:cars|vans)|another (?:car|van)|more than one (?:car|van)|so (?:i|we|he|she) can (?:park|use it))\b/,
  // A hazard hidden where people walk.
  new RegExp(
    `\\b${PLANS}\\b.{0,40}\\b(?:broken glass|nails|tacks|drawing pins|razor wire|fishing line|trip ?wire)\\b.{0,60}\\b(?:path|footpath|pavement|alley|alleyway|grass|road|drive|cut through|cutting through|stop (?:the |them|people|kids))`,
  ),
  // A protected tree killed.
  /\b(?:kill|killing|poison|poisoning|bleach|weedkiller|copper nails?|ring ?bark\w*)\b.{0,80}\b(?:council(?: s)? (?:verge|tree|trees|hedge|land)|street tree|park tree)\b|\b(?:council(?: s)? (?:verge|tree|trees)|street tree)\b.{0,80}\b(?:bleach|poison\w*|kill\w*|weedkiller|copper nails?|ring ?bark\w*)\b/,
  /\b(?:kill|killing|poison|poisoning|weedkiller|bleach|copper nails?|ring ?bark\w*)\b.{0,60}\b(?:protected|tpo|preservation order|(?:wont|will not|would not|didnt) let (?:me|us) (?:cut|fell|remove|chop))\b|\b(?:protected|tpo|preservation order)\b.{0,60}\b(?:kill|killing|poison|poisoning|weedkiller|bleach|copper nails?|ring ?bark\w*)\b/,
  // Through a check by hiding what it looks for.
  /\b(?:inspection|inspector|inspectors|visit|assessment|assessor|check|audit)\b.{0,40}\bby (?:hiding|concealing|covering up|cleaning away|moving)\b|\bby (?:hiding|concealing|covering up)\b.{0,40}\b(?:inspection|inspector|inspectors|officer|assessor|visit|audit)\b/,
  // A camera stopped from reading or seeing.
  /\b(?:spray|cover|film|tape|block|paint|stick)\b.{0,30}\b(?:stops?|blocks?|hides?|so|to stop) (?:the )?(?:cameras?|anpr|speed cameras?|cctv)\b.{0,20}\b(?:reading|seeing|catching|clocking|picking up)\b/,
  // Where no camera looks.
  /\b(?:which|where|wheres|what|whats)\b.{0,40}\b(?:no cameras?|no cctv|not covered by (?:the )?(?:cameras|cctv)|cameras? (?:dont|do not|cant|cannot|wont) (?:see|cover|reach|pick)|(?:dont|do not|doesnt|does not) have (?:any )?(?:cctv|cameras?)|blind spots?|out of (?:sight of )?(?:the )?cameras?)\b/,
];

/** Asking for cameras where there are none is a request for the council, not a plan to go unseen. */
const CAMERAS_WANTED =
  /\b(?:want|wants|ask for|asking for|petition|request|get|install|put up|need|more|new|fit)\b (?:more |some |new |a )?(?:cameras?|cctv)\b/;

const OFF_TOPIC: readonly RegExp[] = [
  /\b(?:need|want|write|make|give me|create|draft|help me with|do me|put together)\b(?: \w+){0,3} (?:business plan|marketing plan|pitch deck|sales pitch|mission statement|personal statement|wedding speech|best man speech)\b/,
  /\b(?:best|which|what|good|top) (?:stocks?|shares?|crypto(?:currency|currencies)?|coins?|funds?|etfs?|penny stocks?) (?:to )?(?:buy|invest in|get|pick|back)\b|\bshould i (?:buy|sell|invest in) (?:stocks?|shares?|crypto\w*|bitcoin|gold)\b/,
  /\b(?:solve|simplify|factori[sz]e|differentiate|integrate)\b.{0,20}\b\d* ?x\b|\bsolve (?:this |the )?(?:equation|sum|maths|algebra|quadratic)\b|\bwhat is \d+ (?:times|plus|minus|divided by|to the power of|squared)\b/,
  /\b(?:rank|rate|compare|grade|score)\b.{0,40}\b(?:leaders|parties|politicians|mps|prime ministers|presidents|candidates|party leaders)\b/,
  /\b(?:is|are) (?:the )?(?:prime minister|pm|government|chancellor|president|starmer|keir starmer|sunak|farage|trump|badenoch|reeves|labour|the tories|tories|reform) doing (?:a )?(?:good|bad|great|decent|terrible|rubbish|well|badly)\b/,
  /\b(?:write|draft|compose|word|help me write|help me draft)\b(?: me)? (?:a |an )?(?:complaint|letter|email|review|message)\b.{0,30}\bto (?:vodafone|bt|sky|ee|o2|three|virgin(?: media)?|talktalk|plusnet|amazon|ebay|argos|tesco|asda|sainsburys|aldi|lidl|morrisons|ryanair|easyjet|british gas|octopus|edf|eon|ovo|my bank|the bank|my (?:phone|mobile|broadband|energy|gas|electric|insurance) (?:company|provider|supplier)|(?:the|an?|my) (?:airline|hotel|shop|retailer|restaurant|garage|insurer|insurance company|phone company|energy company))\b/,
];
/** Asking whether the council needs or helps with it ("does the council need a business plan for a market stall"). */
const ABOUT_A_SERVICE =
  /\b(?:do|does|will|would) (?:i|we|you|the council|they|the library|the council s) (?:need|require|want|ask for|help with|offer|run)\b|\b(?:library|libraries|council|business (?:support|advice|rates)|enterprise|job ?centre|adult learning|citizens advice)\b.{0,30}\b(?:help|helps|support|course|courses|class|classes|workshop|advice)\b/;

/** The resident's own code or login, or one that has stopped working: help with access, not someone's secret. */
const OWN_OR_BROKEN =
  /\bmy own\b|\b(?:is there|do (?:i|we) need|how (?:do|can) (?:i|we) get) (?:a|an|the) (?:\w+ ){0,3}(?:code|pin)\b|\bmy hire\b|(?<!\bnot )\b(?:for|to|of|at) (?:my|our) (?:own )?(?:block|building|flat|bin store|door|gate|house|garage)\b|\b(?:my|our)\b.{0,60}\b(?:changed|not working|doesnt work|wont work|isnt working|stopped working|forgot|forgotten|lost|reset|locked out)\b|\b(?:changed|not working|doesnt work|wont work|isnt working|stopped working|forgot|forgotten|lost|reset|locked out)\b.{0,60}\b(?:my|our)\b/;

/** The families in order: data, then harm, then unrelated work. */
export const SECRETS_AND_MISCHIEF: readonly RequestFamily[] = [
  {
    reason: 'dataExfiltration',
    patterns: DATA,
    when: [ASKS],
    unless: [OWN_OR_BROKEN, BOOKED_BY_RESIDENT, WHO_TO_CONTACT],
  },
  { reason: 'harmful', patterns: HARM, unless: [TOLD_OF_MISCHIEF, MEANS_NO_HARM, CAMERAS_WANTED] },
  { reason: 'offTopicGeneration', patterns: OFF_TOPIC, unless: [ABOUT_A_SERVICE] },
];

export const matchSecretsAndMischief = familyReader(SECRETS_AND_MISCHIEF);
