import type { SourceSection } from './languageModel';

export type GroundingProblem = 'unknownCitation' | 'unsupportedClaim' | 'forbiddenAdvice';

/** The verdict on a generated answer; `detail` names the kind of claim (never the text), safe to log. */
export type GroundingCheck =
  { ok: true; citations: string[] } | { ok: false; problem: GroundingProblem; detail: string };

const MONTHS =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/gi;
const WEEKDAYS = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|weekdays?|bank holidays?)\b/gi;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s)\]>"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:example|gov\.uk|org\.uk|co\.uk|nhs\.uk|police\.uk|com|org|net|uk|io)\b(?:\/[^\s)\]>"']*)?/gi;
const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?<![\w£])\+?\d[\d ()-]{6,}\d(?!\w)/g;
const MONEY = /£\s?\d[\d,]*(?:\.\d{1,2})?p?|\b\d+(?:\.\d{1,2})?\s?(?:pence|p\b|pounds)/gi;
const NUMBER = /\d+/g;

/**
 * Advice a council chat assistant must not give on its own authority: legal (sue, you will win, it is illegal),
 * medical (medication, diagnosis) and financial (loans, investments, entitlement, guarantees). An answer that says
 * one of these is accepted only when a cited section says the same kind of thing.
 */
const FORBIDDEN_ADVICE: readonly { kind: string; pattern: RegExp }[] = [
  {
    kind: 'legal',
    pattern:
      /\b(?:sue|suing|take (?:them|him|her|it|your \w+|the \w+) to court|take legal action|claim compensation|legal advice is|in my (?:legal )?opinion|legally,? you)\b/i,
  },
  { kind: 'legal', pattern: /\byou (?:will|would|are likely to|should) (?:win|be awarded|get compensation)\b/i },
  { kind: 'legal', pattern: /\b(?:it is|it's|that is|that's|this is) (?:illegal|unlawful|against the law|a crime)\b/i },
  {
    kind: 'legal',
    pattern:
      /\byou (?:don't|do not|won't|will not) (?:have to|need to) pay\b|\b(?:stop|withhold|refuse) (?:paying|payment|your rent|your council tax)\b/i,
  },
  {
    kind: 'medical',
    pattern:
      /\b(?:take|taking|try) (?:some )?(?:paracetamol|ibuprofen|aspirin|antibiotics|medication|medicine|tablets|painkillers)\b|\b(?:diagnos\w*|dosage|prescri\w+)\b/i,
  },
  {
    kind: 'medical',
    pattern:
      /\byou (?:probably |may |might |likely )?have (?:a |an )?(?:infection|disease|illness|condition|depression)\b/i,
  },
  {
    kind: 'financial',
    pattern:
      /\b(?:invest|investing|investment|shares|stocks|crypto\w*|bitcoin)\b|\b(?:take out|get|apply for) a (?:loan|payday loan|credit card|overdraft)\b|\bborrow (?:money|from)\b/i,
  },
  {
    kind: 'financial',
    pattern:
      /\byou (?:are|will be|would be|'re) (?:definitely |certainly )?(?:entitled|eligible)\b|\bguarantee[ds]?\b/i,
  },
  { kind: 'personal recommendation', pattern: /\bI (?:would )?(?:recommend|advise|suggest)\b/i },
];

/**
 * Checks a generated answer against the sections it was given: every citation must be a retrieved article; every
 * checkable claim (web addresses, email addresses, phone numbers, money amounts, other numbers, months and days)
 * must appear in the sections of the cited articles; and it must not give advice the council must not give. Any
 * failure means the deterministic answer is given instead.
 */
export function checkGroundedAnswer(
  answer: string,
  citations: readonly string[],
  sections: readonly SourceSection[],
): GroundingCheck {
  const retrieved = new Set(sections.map((section) => section.articleId));
  const cited = [...new Set(citations.map((citation) => citation.trim()))];
  if (cited.length === 0 || cited.some((id) => !retrieved.has(id))) {
    return { ok: false, problem: 'unknownCitation', detail: 'cites an article that was not retrieved' };
  }
  const source = sections
    .filter((section) => cited.includes(section.articleId))
    .map((section) => `${section.articleTitle}\n${section.heading}\n${section.text}`)
    .join('\n');
  const unsupported = unsupportedClaim(answer, source);
  if (unsupported) return { ok: false, problem: 'unsupportedClaim', detail: unsupported };
  for (const advice of FORBIDDEN_ADVICE) {
    if (advice.pattern.test(answer) && !advice.pattern.test(source)) {
      return { ok: false, problem: 'forbiddenAdvice', detail: advice.kind };
    }
  }
  return { ok: true, citations: cited };
}

/** The kind of the first claim in `answer` that `source` does not support, or undefined. */
function unsupportedClaim(answer: string, source: string): string | undefined {
  const sourceText = source.toLowerCase();
  for (const email of matches(answer, EMAIL)) if (!sourceText.includes(email.toLowerCase())) return 'email address';
  let rest = answer.replace(EMAIL, ' ');
  const sourceUrls = new Set(matches(source.replace(EMAIL, ' '), URL).map(canonicalUrl));
  for (const url of matches(rest, URL)) {
    const canonical = canonicalUrl(url);
    if (![...sourceUrls].some((known) => known === canonical || known.startsWith(`${canonical}/`)))
      return 'web address';
  }
  rest = rest.replace(URL, ' ');
  const sourcePhones = new Set(matches(source, PHONE).map(digitsOf));
  for (const phone of matches(rest, PHONE)) {
    if (digitsOf(phone).length >= 7 && !sourcePhones.has(digitsOf(phone))) return 'phone number';
  }
  rest = rest.replace(PHONE, (phone) => (digitsOf(phone).length >= 7 ? ' ' : phone));
  const sourceMoney = new Set(matches(source, MONEY).map(canonicalMoney));
  for (const money of matches(rest, MONEY)) if (!sourceMoney.has(canonicalMoney(money))) return 'money amount';
  rest = rest.replace(MONEY, ' ');
  const sourceNumbers = new Set(matches(source, NUMBER).map((n) => String(Number(n))));
  for (const number of matches(rest, NUMBER)) if (!sourceNumbers.has(String(Number(number)))) return 'number';
  const sourceWords = new Set(matches(sourceText, MONTHS).concat(matches(sourceText, WEEKDAYS)).map(canonicalWord));
  for (const word of [...matches(rest, MONTHS), ...matches(rest, WEEKDAYS)]) {
    if (!/^may$/i.test(word) && !sourceWords.has(canonicalWord(word))) return 'date or day';
  }
  return undefined;
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

function canonicalUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/+$/, '');
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '').replace(/^44/, '0');
}

function canonicalMoney(text: string): string {
  const lower = text.toLowerCase().replace(/[£,\s]/g, '');
  const pence = /(?:p|pence)$/.test(lower) && !lower.includes('.');
  const amount = Number.parseFloat(lower.replace(/(?:pence|pounds|p)$/, ''));
  return (pence ? amount / 100 : amount).toFixed(2);
}

function canonicalWord(word: string): string {
  return word.toLowerCase().slice(0, 3);
}
