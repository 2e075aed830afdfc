import { anyOf } from './anyOf';
import type { DeclineReason } from './declineReason';

/**
 * A family of requests read as a shape: any of its patterns marks it, each of its conditions must hold as well (the
 * resident asking or planning, say), and none of its exemptions may (the resident reporting it, or meaning no harm).
 * The family files (`requestLexicons.ts`, `schemesAndPretexts.ts`, `secretsAndMischief.ts`, `recordsAndKeys.ts`,
 * `concealment.ts`, `unrelatedAdvice.ts`, `promisesAndParts.ts`, `shortcutsAndStudies.ts`, `fraudsAndThreats.ts`) are
 * tables of these, read by one `familyReader`.
 */
export interface RequestFamily {
  readonly reason: DeclineReason;
  readonly patterns: readonly RegExp[];
  readonly when?: readonly RegExp[];
  readonly unless?: readonly RegExp[];
}

/** Reads a normalised message against `families` in order: the reason of the first that holds. */
export type FamilyReader = (normalised: string) => DeclineReason | undefined;

export function familyReader(families: readonly RequestFamily[]): FamilyReader {
  const compiled = families.map((family) => ({
    reason: family.reason,
    pattern: anyOf(family.patterns),
    when: family.when ?? [],
    unless: family.unless ?? [],
  }));
  return (normalised) => {
    for (const family of compiled) {
      if (!family.pattern.test(normalised)) continue;
      if (!family.when.every((condition) => condition.test(normalised))) continue;
      if (family.unless.some((exemption) => exemption.test(normalised))) continue;
      return family.reason;
    }
    return undefined;
  };
}
