import type { UrgentCategory } from '../urgentCategory';

/** How strongly a signal points to an emergency: `sure` signposts at once; `check` asks first. */
export type SignalStrength = 'sure' | 'check';

/** One compositional risk signal: a pattern over concepts (see `compileRiskPattern`) and what it means. */
export interface RiskPattern {
  category: UrgentCategory;
  strength: SignalStrength;
  pattern: string;
}

/** Signals that signpost at once. */
export const sure = (category: UrgentCategory, ...patterns: string[]): RiskPattern[] =>
  patterns.map((pattern) => ({ category, strength: 'sure', pattern }));
/** Signals that ask first. */
export const check = (category: UrgentCategory, ...patterns: string[]): RiskPattern[] =>
  patterns.map((pattern) => ({ category, strength: 'check', pattern }));
