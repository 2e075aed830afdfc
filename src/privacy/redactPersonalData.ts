/** The kinds of personal data taken out of a resident's words before anything is sent to a language model. */
export type RedactionKind =
  'email' | 'card' | 'sortCode' | 'nationalInsurance' | 'phone' | 'address' | 'postcode' | 'name';

export interface Redacted {
  /** The text with each piece of personal data replaced by a placeholder such as `[phone number]`. */
  text: string;
  /** How many of each kind were replaced (counts only: safe to log). */
  counts: Partial<Record<RedactionKind, number>>;
}

interface Rule {
  kind: RedactionKind;
  placeholder: string;
  pattern: RegExp;
  /** A match is redacted only when this holds (card numbers must pass the Luhn check). */
  accept?: (match: string) => boolean;
}

const STREET =
  '(?:street|st|road|rd|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|place|pl|gardens|gdns|terrace|grove|gr|hill|park|square|sq|view|walk|row|mews|green|rise|parade|meadows?|fields?)';

/**
 * Ordered: longer, more specific patterns first, so a card number is not half-taken as a phone number and an
 * address keeps its postcode inside one placeholder.
 */
const RULES: readonly Rule[] = [
  // Tried only where a run of address characters starts (the lookbehind), so a long run without "@" is read once,
  // not once from each of its characters: linear in the message's length.
  { kind: 'email', placeholder: '[email]', pattern: /(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g },
  {
    kind: 'card',
    placeholder: '[card number]',
    pattern: /(?<![\w])(?:\d[ -]?){12,18}\d(?![\w])/g,
    accept: (match) => passesLuhn(match.replace(/\D/g, '')),
  },
  {
    kind: 'nationalInsurance',
    placeholder: '[national insurance number]',
    pattern: /\b[a-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[a-d]\b|\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2}\b/gi,
    accept: (match) => /[a-d]$/i.test(match) || /^[A-Z]{2}/.test(match),
  },
  { kind: 'sortCode', placeholder: '[sort code]', pattern: /\b\d{2}-\d{2}-\d{2}\b/g },
  {
    kind: 'phone',
    placeholder: '[phone number]',
    pattern: /(?<![\w+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?|0)(?:\d[\s-]?){8,9}\d(?!\w)/g,
  },
  {
    kind: 'address',
    placeholder: '[address]',
    pattern: new RegExp(
      `\\b(?:(?:flat|apartment|apt|unit|house) ?\\d+[a-z]?,? )?\\d+[a-z]?,? (?:[a-z'-]+ ){0,3}${STREET}\\b` +
        '(?:,? (?:[a-z-]+ ){0,2}[a-z]{1,2}\\d[a-z\\d]? ?\\d[a-z]{2}\\b)?',
      'gi',
    ),
  },
  { kind: 'address', placeholder: '[address]', pattern: /\b(?:flat|apartment|apt|unit) ?\d+[a-z]?\b/gi },
  {
    kind: 'postcode',
    placeholder: '[postcode]',
    pattern: /\b(?:\d+[a-z]?,? )?(?:GIR ?0AA|[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2})\b/gi,
  },
  {
    kind: 'name',
    placeholder: '[name]',
    pattern:
      /\b(?:my name is|my name's|i am called|i'm called|[Mm]y name is) ((?:[A-Z][a-z'-]+)(?: [A-Z][a-z'-]+){0,2})/g,
  },
];

/**
 * Removes personal data from a resident's message before it leaves for a language model: email addresses, card
 * numbers (13 to 19 digits passing the Luhn check), bank sort codes, National Insurance numbers, UK phone numbers,
 * street addresses with house numbers, postcodes (a full postcode, with any house number before it, is as good as
 * an address), and a name the resident gives ("my name is ..."). The lexical search keeps the original words, which
 * never leave the process.
 */
export function redactPersonalData(text: string): Redacted {
  const counts: Partial<Record<RedactionKind, number>> = {};
  let redacted = text;
  for (const rule of RULES) {
    redacted = redacted.replace(rule.pattern, (match: string, group?: unknown) => {
      if (rule.accept && !rule.accept(match)) return match;
      counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
      if (rule.kind === 'name' && typeof group === 'string') return match.replace(group, rule.placeholder);
      return rule.placeholder;
    });
  }
  return { text: redacted, counts };
}

/** The Luhn checksum that every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
