import { normaliseText } from '../knowledge/textAnalyzer';
import type { Address } from './address';

/** The address's first line (`Flat 2, 3 Market Square`): what a button shows. */
export function firstLineOf(address: Address): string {
  const suffix = `, ${address.town} ${address.postcode}`;
  return address.label.endsWith(suffix) ? address.label.slice(0, -suffix.length) : address.label;
}

/**
 * The addresses a resident's "house number or name" (or a tapped first line) picks out: an exact first line, else
 * those whose number or name is what was typed, else those whose number or name contains it.
 */
export function matchPremises(addresses: readonly Address[], typed: string): Address[] {
  const text = normaliseText(typed);
  if (text === '') return [];
  const exact = addresses.filter((address) => normaliseText(firstLineOf(address)) === text);
  if (exact.length > 0) return exact;
  const number = /^\d+[a-z]?\b/.exec(text)?.[0];
  const parts = (address: Address) => normaliseText(address.premises).split(' ');
  if (number) {
    const numbered = addresses.filter((address) => parts(address).includes(number));
    const withName = numbered.filter((address) => normaliseText(firstLineOf(address)).startsWith(text));
    return withName.length > 0 ? withName : numbered;
  }
  const named = addresses.filter((address) => normaliseText(address.premises) === text);
  if (named.length > 0) return named;
  return addresses.filter((address) => normaliseText(firstLineOf(address)).includes(text));
}
