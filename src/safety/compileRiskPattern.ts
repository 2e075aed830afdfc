/** Named groups of words and phrases ("actor": partner, husband, carer ...) that risk patterns refer to. */
export type RiskConcepts = Readonly<Record<string, readonly string[]>>;

/**
 * Compiles a risk pattern into a regular expression over canonical safety text (stemmed words, each followed by one
 * space; `.` between sentences). A pattern is a sequence of elements separated by spaces:
 * - `{name}` any phrase of the concept `name`;
 * - `a|b|c` any of these words (`going_to` is a phrase; `suicid*` a prefix);
 * - `~N` up to N other words of the same sentence;
 * - a trailing `?` makes an element optional.
 * Words are stemmed with `stemWord`, so a pattern says "strangle" and matches "strangled" and "strangling".
 * An unknown concept name is a bug in the lexicon and throws.
 */
export function compileRiskPattern(
  pattern: string,
  concepts: RiskConcepts,
  stemWord: (word: string) => string,
): RegExp {
  const parts = pattern
    .trim()
    .split(/\s+/)
    .map((element) => compileElement(element, concepts, stemWord));
  return new RegExp(`(?<= )${parts.join('')}`);
}

function compileElement(element: string, concepts: RiskConcepts, stemWord: (word: string) => string): string {
  const optional = element.endsWith('?') && element.length > 1;
  const body = optional ? element.slice(0, -1) : element;
  let source: string;
  const gap = /^~(\d+)$/.exec(body);
  if (gap) source = `(?:[a-z0-9]+ ){0,${gap[1]}}`;
  else
    source = alternatives(
      body.split('|').flatMap((choice) => expandConcept(choice, concepts)),
      stemWord,
    );
  return optional ? `(?:${source})?` : source;
}

function expandConcept(choice: string, concepts: RiskConcepts): readonly string[] {
  const concept = /^\{(\w+)\}$/.exec(choice);
  if (!concept) return [choice];
  const phrases = concepts[concept[1] ?? ''];
  if (!phrases) throw new Error(`risk pattern element "${choice}" names no concept`);
  return phrases;
}

function alternatives(phrases: readonly string[], stemWord: (word: string) => string): string {
  const compiled = phrases.map((phrase) => compilePhrase(phrase, stemWord));
  compiled.sort((a, b) => b.length - a.length);
  return `(?:${[...new Set(compiled)].join('|')})`;
}

function compilePhrase(phrase: string, stemWord: (word: string) => string): string {
  if (phrase.startsWith('re:')) return `(?:${phrase.slice(3)}) `;
  return phrase
    .split(/[\s_]+/)
    .filter((word) => word.length > 0)
    .map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}[a-z0-9]* ` : `${escape(stemWord(word))} `))
    .join('');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of which a message must contain at least one for a pattern to match: a cheap test before the expression. */
export interface RiskAnchor {
  stems: ReadonlySet<string>;
  prefixes: readonly string[];
}

/**
 * The most selective required element of a pattern, as the first words its choices start with; undefined when the
 * pattern has no such element (every element optional, or a raw expression), so it must always be tested.
 */
export function riskPatternAnchor(
  pattern: string,
  concepts: RiskConcepts,
  stemWord: (word: string) => string,
): RiskAnchor | undefined {
  let best: string[] | undefined;
  for (const element of pattern.trim().split(/\s+/)) {
    if (element.endsWith('?') || /^~\d+$/.test(element)) continue;
    const choices = element.split('|').flatMap((choice) => expandConcept(choice, concepts));
    if (choices.some((choice) => choice.startsWith('re:'))) continue;
    if (!best || choices.length < best.length) best = choices;
  }
  if (!best) return undefined;
  const firstWords = best.map((choice) => choice.split(/[\s_]+/).find((word) => word.length > 0) ?? '');
  return {
    stems: new Set(firstWords.filter((word) => !word.endsWith('*')).map((word) => stemWord(word))),
    prefixes: firstWords.filter((word) => word.endsWith('*')).map((word) => word.slice(0, -1)),
  };
}
