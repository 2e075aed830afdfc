import { isValid } from 'postcode';
import { normalisePostcode } from './ukPostcode';

const CANDIDATE = /\b([a-z]{1,2}\d[a-z\d]?) ?(\d[a-z]{2})\b/gi;

/**
 * The first valid UK postcode written inside a longer answer ("12 High Street, Eastmere EM1 1AA"), normalised
 * (`EM1 1AA`), or undefined. Used so a form does not ask again for a postcode the resident already gave.
 */
export function findPostcode(text: string): string | undefined {
  for (const match of text.slice(0, 1000).matchAll(CANDIDATE)) {
    const candidate = `${match[1] ?? ''} ${match[2] ?? ''}`;
    if (isValid(candidate)) return normalisePostcode(candidate);
  }
  return undefined;
}
