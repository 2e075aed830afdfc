import type { SourceSection } from '../llm/languageModel';
import { redactPersonalData, type RedactionKind } from '../privacy/redactPersonalData';

/** Which guardrail a generated answer failed; safe to log (never the text). */
export type AnswerGuardrail = 'promise' | 'personalData' | 'outsideLink' | 'politicalOpinion';

export type AnswerGuardrailCheck = { ok: true } | { ok: false; guardrail: AnswerGuardrail };

export interface AnswerGuardrailContext {
  /** The council's website (`council.yaml`): links to it and its subdomains are allowed. */
  councilWebsite: string;
  /** The sections the answer was written from: what they say, the answer may say. */
  sections: readonly SourceSection[];
  /** Every link in the knowledge base's articles (their pages and the links in their text). */
  articleLinks?: readonly string[];
}

/** GOV.UK and its subdomains are always allowed. */
const ALWAYS_ALLOWED_HOSTS = ['gov.uk'];

const LINK =
  /\b(?:https?:\/\/|www\.)[^\s)\]>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:example|gov\.uk|org\.uk|co\.uk|nhs\.uk|police\.uk|ac\.uk|com|org|net|uk|io|info|biz|xyz|ly|me|co)\b(?:\/[^\s)\]>"']*)?/gi;

/**
 * A promise or a decision only the council's staff can make: a refund, an approval, a waiver, a payment, an award,
 * an outcome; or a guarantee. Allowed only when a section says the same.
 */
const PROMISES: readonly RegExp[] = [
  /\b(?:we|i|the council|[a-z]+ (?:district |borough |city |county )?council) (?:will|'ll|shall|can|have|has|am|are|is going to|are going to) (?:now )?(?:definitely )?(?:refund|reimburse|waive|approve|grant|write off|cancel|pay|compensate|award|accept|uphold|overturn|remove|reduce|backdate|exempt|give you)\w*\b/i,
  /\b(?:your|the) (?:application|appeal|claim|request|permit|licence|refund|discount|exemption|complaint|objection|band|fine|penalty|arrears|debt|charge|fee|pcn|ticket)s? (?:has|have|is|are|was|were|will be) (?:been )?(?:approved|granted|accepted|successful|upheld|waived|refunded|cancelled|canceled|written off|reduced|removed|agreed|awarded)\b/i,
  /\byou (?:will|are going to|'ll|are certain to|are sure to) (?:definitely )?(?:get|receive|be (?:given|refunded|awarded|approved|granted|compensated|reimbursed)|qualify|be eligible)\b/i,
  /\b(?:i|we) (?:guarantee|promise|confirm that you|can confirm that your)\b|\bguaranteed\b/i,
];

/** An opinion on politics, parties or politicians. */
const POLITICAL: readonly RegExp[] = [
  /\b(?:labour|conservatives?|tory|tories|reform uk|liberal democrats?|lib dems?|green party|snp|plaid cymru|brexit|the government|prime minister|immigration)\b/i,
  /\b(?:vote for|you should vote|i (?:think|believe|feel|support|prefer|would vote)|in my (?:view|opinion)|my opinion|i(?:'m| am) (?:for|against))\b/i,
];

/**
 * Checks a generated answer after it is written, beside the grounding check (`checkGroundedAnswer`): no promise or
 * decision on the council's behalf, no personal data, no links outside the council's and GOV.UK's domains and those
 * in the articles, no political opinion; each unless the sections say the same. Deterministic: a failed check falls
 * back to the article's own answer.
 */
export function checkAnswerGuardrails(answer: string, context: AnswerGuardrailContext): AnswerGuardrailCheck {
  const material = context.sections.map((section) => section.text).join('\n');
  const plainMaterial = plain(material);
  if (PROMISES.some((pattern) => saysUnsupported(answer, pattern, plainMaterial))) {
    return { ok: false, guardrail: 'promise' };
  }
  if (hasPersonalData(answer, material)) return { ok: false, guardrail: 'personalData' };
  if (hasOutsideLink(answer, context, plainMaterial)) return { ok: false, guardrail: 'outsideLink' };
  const political = POLITICAL[0]?.test(answer) === true && POLITICAL[1]?.test(answer) === true;
  if (political && !POLITICAL.every((pattern) => pattern.test(material)))
    return { ok: false, guardrail: 'politicalOpinion' };
  return { ok: true };
}

/** Whether the answer matches the pattern with words the sections do not contain. */
function saysUnsupported(answer: string, pattern: RegExp, plainMaterial: string): boolean {
  const found = pattern.exec(answer);
  return found !== null && !plainMaterial.includes(plain(found[0]));
}

/** Kinds of personal data that never belong in an answer; the others are allowed when the sections have them. */
const NEVER: readonly RedactionKind[] = ['nationalInsurance', 'card', 'sortCode', 'name'];

function hasPersonalData(answer: string, material: string): boolean {
  const inAnswer = redactPersonalData(answer).counts;
  const inMaterial = redactPersonalData(material).counts;
  return (Object.keys(inAnswer) as RedactionKind[]).some(
    (kind) => NEVER.includes(kind) || (inMaterial[kind] ?? 0) === 0,
  );
}

function hasOutsideLink(answer: string, context: AnswerGuardrailContext, plainMaterial: string): boolean {
  const council = hostOf(context.councilWebsite);
  const articleHosts = new Set((context.articleLinks ?? []).map(hostOf).filter((host) => host !== ''));
  for (const link of answer.match(LINK) ?? []) {
    const host = hostOf(link);
    const allowed =
      (council !== '' && within(host, council)) ||
      ALWAYS_ALLOWED_HOSTS.some((domain) => within(host, domain)) ||
      articleHosts.has(host) ||
      plainMaterial.includes(plain(link));
    if (!allowed) return true;
  }
  return false;
}

function hostOf(link: string): string {
  const withScheme = /^https?:\/\//i.test(link) ? link : `https://${link}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

function within(host: string, domain: string): boolean {
  const bare = domain.replace(/^www\./, '');
  return host === bare || host.endsWith(`.${bare}`);
}

function plain(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}
