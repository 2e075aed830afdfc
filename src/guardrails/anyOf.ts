/** What `anyOf` gives: whether any of its patterns matches a text. */
export interface AnyOf {
  test(text: string): boolean;
}

/**
 * The longest source a joined regular expression is given. V8 stops optimising a regular expression whose source is
 * over 20 KB (`kRegExpTooLargeToOptimize`): its matching then takes about ten times as long, since it no longer looks
 * ahead for the characters a match must start with. The concepts of attempts on the bot once grew past that line by
 * 36 characters, and the guard went from about 190 to 300 microseconds a message.
 */
export const MAX_JOINED_SOURCE = 16_000;

/**
 * One regular expression that matches where any of `patterns` does, so a message is scanned once rather than once
 * per pattern (the guard reads every message, and most match nothing); a few, when one would be too long for V8 to
 * optimise (`MAX_JOINED_SOURCE`). The patterns must share their flags and use no numbered back-references, which would
 * point elsewhere once joined.
 */
export function anyOf(patterns: readonly RegExp[]): AnyOf {
  const flags = patterns[0]?.flags ?? '';
  for (const pattern of patterns) {
    if (pattern.flags !== flags)
      throw new Error(`anyOf: /${pattern.source}/ has flags "${pattern.flags}", not "${flags}"`);
    if (/\\[1-9]/.test(pattern.source)) throw new Error(`anyOf: /${pattern.source}/ has a back-reference`);
  }
  const joined: RegExp[] = [];
  let parts: string[] = [];
  let length = 0;
  for (const pattern of patterns) {
    const part = `(?:${pattern.source})`;
    if (parts.length > 0 && length + part.length + 1 > MAX_JOINED_SOURCE) {
      joined.push(new RegExp(parts.join('|'), flags));
      parts = [];
      length = 0;
    }
    parts.push(part);
    length += part.length + 1;
  }
  joined.push(new RegExp(parts.join('|'), flags));
  const [only] = joined;
  return joined.length === 1 && only ? only : { test: (text) => joined.some((regex) => regex.test(text)) };
}
