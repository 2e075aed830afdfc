/**
 * The deepest nesting of objects and arrays a request body may have. Bot Framework activities with Adaptive Cards
 * nest a dozen levels; far deeper JSON only exists to exhaust the stack of whatever walks it later (a 32 KB
 * activity can nest 16,000 levels, and `JSON.stringify` then throws).
 */
export const MAX_JSON_DEPTH = 64;

/** Why a body holding control characters is refused, for the person who sent it. */
export const CONTROL_CHARACTER_MESSAGE =
  'The request holds control characters or broken Unicode (such as U+0000), which are not text: send text only.';

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Half of a surrogate pair: a high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when a string holds what no person types and no page shows: control characters (tab, line feed and carriage
 * return excepted) or half of a surrogate pair. Such text breaks logs, CSV exports and the XML many council CRMs
 * take, so every body is refused with it (400). Invisible format characters (zero-width joiners in emoji, direction
 * marks in Arabic or Hebrew) are text, and are kept.
 */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text) || LONE_SURROGATE.test(text);
}

export type JsonProblem = 'syntax' | 'tooDeep' | 'forbiddenKey' | 'controlCharacter';

export type ParseJsonOutcome = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** What each problem means, for the person who sent the body (never quoting what they sent). */
export const JSON_PROBLEM_MESSAGES: Readonly<Record<JsonProblem, string>> = {
  syntax: 'The request body is not valid JSON.',
  tooDeep: `The JSON is nested too deeply: at most ${MAX_JSON_DEPTH} levels.`,
  forbiddenKey: 'The JSON may not use "__proto__" or "constructor.prototype" as keys.',
  controlCharacter: CONTROL_CHARACTER_MESSAGE,
};

/**
 * `JSON.parse` for bodies from the internet: refuses nesting deeper than `maxDepth` (before parsing), the keys
 * that change an object's prototype when code later copies or merges the value (`__proto__`, and `constructor`
 * holding `prototype`), as Fastify's secure-json-parse does, and text that is not text (`hasControlCharacters`).
 */
export function parseJsonSafely(text: string, maxDepth = MAX_JSON_DEPTH): ParseJsonOutcome {
  if (nestingDepth(text) > maxDepth) return { ok: false, problem: 'tooDeep' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  const problem = findProblem(value);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/** True for a key that must not reach an object (form fields as well as JSON). */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__';
}

/** How deeply brackets nest in JSON text, outside strings (linear; exact for valid JSON). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

function findProblem(root: unknown): JsonProblem | undefined {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (hasControlCharacters(value)) return 'controlCharacter';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (isForbiddenKey(key)) return 'forbiddenKey';
      if (key === 'constructor' && typeof child === 'object' && child !== null && 'prototype' in child) {
        return 'forbiddenKey';
      }
      if (hasControlCharacters(key)) return 'controlCharacter';
      pending.push(child);
    }
  }
  return undefined;
}
