/**
 * Kinds of emergency or safeguarding concern the bot signposts at once, before anything else. Each has its own
 * contacts in the council profile (`knowledge/council.yaml`), which `kb check` requires.
 */
export const URGENT_CATEGORIES = [
  'danger',
  'selfHarm',
  'abuse',
  'child',
  'adultWelfare',
  'homelessTonight',
  'gas',
  'fire',
  'medical',
  'structure',
] as const;
export type UrgentCategory = (typeof URGENT_CATEGORIES)[number];
