import { DESCRIBED_SIGNS_PATTERNS } from './patterns/describedSignsPatterns';
import { HAZARD_PATTERNS } from './patterns/hazardPatterns';
import { PEOPLE_AT_RISK_PATTERNS } from './patterns/peopleAtRiskPatterns';
import type { RiskPattern } from './patterns/riskSignal';
import { SELF_HARM_AND_GAS_PATTERNS } from './patterns/selfHarmAndGasPatterns';
import type { UrgentCategory } from './urgentCategory';

export type { RiskPattern, SignalStrength } from './patterns/riskSignal';

/**
 * Time words that put a hazard in the past ("had a fire last year", "set fire to it last month"): a hazard signal
 * in the same sentence is not an emergency now. Not applied to harm done to a person ("he hit me last week").
 */
export const LONG_PAST =
  'last ~1 week|month|year|winter|summer|autumn|spring|christmas|time OR ago|years_ago|months_ago|weeks_ago|previously|in_the_past|back_in OR for|been_there ~1 weeks|months|ages|years OR every ~1 weekend|day|morning|night|evening|week|sunday|saturday|time|year|winter|summer|spring|autumn';

/**
 * Time words for a day still to come ("evicted next month", "gone by next week", "after it runs out"): having
 * nowhere to go then is a housing problem to work on, not a night on the street, unless a word of now is there too.
 */
export const LATER =
  'next ~1 week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|term OR in|within ~1 a|two|three|four|six|few|couple|re:\\d+ ~2 days|weeks|week|months|month|years OR after ~2 it|that|this ~1 runs_out|ends|expires|finishes OR when ~4 ends|expires|runs_out|finishes OR by ~1 the_end_of|end_of OR section_21|s21|notice_period';

/** Words that put what happened in the last hours ("kicked out last night"): it still needs a bed tonight. */
export const JUST_HAPPENED =
  'last ~1 night OR this ~1 morning|afternoon|evening OR just OR earlier OR hour|hours ~1 ago OR today|tonight|yesterday';

/**
 * Time words that put an attack well in the past ("i was mugged years ago"): a danger signal in a sentence with one
 * of these and no word of now is a memory, not an emergency. Narrower than `LONG_PAST`: "every night" and "last week"
 * still count, since an attacker who comes back is a danger now.
 */
export const DISTANT_PAST =
  'years|months|decades ~1 ago|back OR last ~1 year|summer|winter|spring|autumn|christmas OR in_the_past|as_a_child|as_a_kid|when_i_was_young|when_i_was_younger|when_i_was_little|when_i_was_a_kid|when_i_was_a_child|when_i_was_at_school OR back_in|in re:[12][09][0-9][0-9]';

/** Categories about an attack now, which the distant past rules out unless a word of now is also there. */
export const NOW_ONLY_CATEGORIES: ReadonlySet<UrgentCategory> = new Set(['danger']);

/** Categories about a hazard at a place or a body, which the long past rules out. */
export const HAZARD_CATEGORIES: ReadonlySet<UrgentCategory> = new Set(['gas', 'fire', 'structure', 'medical']);

/**
 * Risk signals, most specific category first: the first category with a `sure` signal wins, so "my stepdad hurts
 * me" is a child at risk before it is abuse, and "taken too many pills, i want to die" is self-harm before medical.
 */
export const RISK_PATTERNS: readonly RiskPattern[] = [
  ...SELF_HARM_AND_GAS_PATTERNS,
  ...PEOPLE_AT_RISK_PATTERNS,
  ...HAZARD_PATTERNS,
  ...DESCRIBED_SIGNS_PATTERNS,
];
