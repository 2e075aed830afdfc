/**
 * One regular expression that matches where any of `patterns` does, so a message is scanned once rather than once
 * per pattern (the guard reads every message, and most match nothing). The patterns must share their flags and use
 * no numbered back-references, which would point elsewhere once joined.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? '';
  for (const pattern of patterns) {
    if (pattern.flags !== flags)
      throw new Error(`anyOf: /${pattern.source}/ has flags "${pattern.flags}", not "${flags}"`);
    if (/\\[1-9]/.test(pattern.source)) throw new Error(`anyOf: /${pattern.source}/ has a back-reference`);
  }
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), flags);
}
