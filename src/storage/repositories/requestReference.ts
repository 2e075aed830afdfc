import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O and U: nothing a resident could misread when quoting a reference by phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new service request reference, e.g. `SR-7K3M9QXA`: 40 random bits, easy to read aloud. */
export function newRequestReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `SR-${code}`;
}

/** A reference as a resident may type it (`sr-7k3m 9qxa`), in its stored form. */
export function normaliseReference(reference: string): string {
  return reference.toUpperCase().replace(/\s+/g, '');
}
