import type { UrgentCategory } from '../safety/urgentCategory';

const NAMES: Record<UrgentCategory, string> = {
  danger: 'Someone in danger',
  selfHarm: 'Suicide or self-harm',
  abuse: 'Domestic abuse',
  child: 'A child at risk',
  adultWelfare: "A vulnerable adult's welfare",
  homelessTonight: 'Nowhere to sleep tonight',
  gas: 'Gas or carbon monoxide',
  fire: 'Fire',
  medical: 'Medical emergency',
  structure: 'Dangerous structure, cables or flooding',
};

/** The kind of emergency in a few words, for CSAs and the figures ("A child at risk"). */
export function urgentCategoryName(category: UrgentCategory): string {
  return NAMES[category];
}
