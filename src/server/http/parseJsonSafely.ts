/**
 * The deepest nesting of objects and arrays a request body may have. Bot Framework activities with Adaptive Cards
 * nest a dozen levels; far deeper JSON only exists to exhaust the stack of whatever walks it later (a 32 KB
 * activity can nest 16,000 levels, and `JSON.stringify` then throws).
 */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = 'syntax' | 'tooDeep' | 'forbiddenKey';

export type ParseJsonOutcome = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** What each problem means, for the person who sent the body (never quoting what they sent). */
export const JSON_PROBLEM_MESSAGES: Readonly<Record<JsonProblem, string>> = {
  syntax: 'The request body is not valid JSON.',
  tooDeep: `The JSON is nested too deeply: at most ${MAX_JSON_DEPTH} levels.`,
  forbiddenKey: 'The JSON may not use "__proto__" or "constructor.prototype" as keys.',
};

/**
 * `JSON.parse` for bodies from the internet: refuses nesting deeper than `maxDepth` (before parsing), and the keys
 * that change an object's prototype when code later copies or merges the value (`__proto__`, and `constructor`
 * holding `prototype`), as Fastify's secure-json-parse does.
 */
export function parseJsonSafely(text: string, maxDepth = MAX_JSON_DEPTH): ParseJsonOutcome {
  if (nestingDepth(text) > maxDepth) return { ok: false, problem: 'tooDeep' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  return hasForbiddenKey(value) ? { ok: false, problem: 'forbiddenKey' } : { ok: true, value };
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

function hasForbiddenKey(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (isForbiddenKey(key)) return true;
      if (key === 'constructor' && typeof child === 'object' && child !== null && 'prototype' in child) return true;
      pending.push(child);
    }
  }
  return false;
}
