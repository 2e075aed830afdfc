import { URGENT_CATEGORIES, type UrgentCategory } from '../safety/urgentCategory';
import { ESCALATION_REASONS, type EscalationReason } from './handoffDesk';

/** A stored urgent category read back: one this version knows, or none. */
export function categoryOf(category: string | undefined): UrgentCategory | undefined {
  return URGENT_CATEGORIES.find((known) => known === category);
}

/** A stored escalation reason read back: one this version knows, else `residentAsked`. */
export function reasonOf(reason: string): EscalationReason {
  return ESCALATION_REASONS.find((known) => known === reason) ?? 'residentAsked';
}

/** What residents see of a CSA's name: the first name only. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || 'An adviser';
}
