import type { RequestFamily } from './requestFamilies';
import { BOOKED_BY_RESIDENT } from './residentCues';

/**
 * Someone else's records, and the bot's own keys, hidden inside ordinary service words, read as shapes over a message
 * as `normaliseText` leaves it:
 * - attempts on the bot: its keys and tokens, the topics it is told to refuse, hidden text it is asked to obey;
 * - someone else's records: the council's records checked about a named or described person, an account read by
 *   number, a record for a named person with their date of birth, whether someone at an address has something,
 *   other people's names in an export, the names and socials of people described.
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

/** Names and details of people described ("the new family at number 8, what are their names"). */
const THEIR_NAMES: readonly RegExp[] = [
  /\bwhat(?:s| s| are| is| were| was) (?:their|his|her) (?:full )?(?:names?|phone numbers?|numbers?|emails?|email addresses|dates? of birth|ages)\b/,
];
/** An organisation's details are public ("the water company, what is their phone number"). */
const AN_ORGANISATION =
  /\b(?:company|supplier|provider|firm|department|office|team|service|charity|helpline|school|surgery|gp|hospital|housing association|agency|shop|business|library|centre|council)\b.{0,40}\b(?:their|its)\b/;

/** Someone's social media or personal number ("the lifeguard with the blonde hair, whats her insta"). */
const SOCIALS: readonly RegExp[] = [
  /\b(?:whats|what is|what s|give me|send me|tell me|got|get|find) (?:\w+ )?(?:her|his|their) (?:insta|instagram|snapchat|snap|facebook|fb|tiktok|whatsapp|socials|mobile|mobile number|personal number|phone number)\b/,
];
/** The resident's own worker, whose work number the council gives. */
const OWN_WORKER = /\bmy (?:social worker|housing officer|case ?worker|key ?worker|councillor|support worker|carer)\b/;

/** The resident's own data, or whether a code exists at all ("is there an access code for the bin store"). */
const OWN_OR_EXISTS =
  /\b(?:my own (?:data|details|records?|file|account|information|personal data|code|pin)|subject access|about me)\b|\bis there (?:a|an|any) (?:\w+ )?(?:code|pin|combination)\b/;

/** The families in order: the bot's keys, then others' records. */
export const RECORDS_AND_KEYS: readonly RequestFamily[] = [
  { reason: 'injection', patterns: INJECTION },
  { reason: 'dataExfiltration', patterns: DATA, unless: [OWN_OR_EXISTS, BOOKED_BY_RESIDENT] },
  { reason: 'dataExfiltration', patterns: THEIR_NAMES, unless: [AN_ORGANISATION] },
  { reason: 'dataExfiltration', patterns: SOCIALS, unless: [OWN_WORKER, AN_ORGANISATION] },
];
