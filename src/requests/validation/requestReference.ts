import { z } from 'zod';

// Crockford's base32 as references use it; what residents misread is mapped back (O to 0, I and L to 1).
const MISREAD: Record<string, string> = { O: '0', I: '1', L: '1' };

/** A reference as a resident types it (`sr 7k3m-9qxa`, `7K3M9QXA`), in its stored form `SR-7K3M9QXA`. */
export const requestReferenceSchema = z
  .string()
  .transform((value) => canonicalReference(value))
  .pipe(
    z.string().regex(/^SR-[0-9A-HJKMNP-TV-Z]{8}$/, {
      message: 'A reference looks like SR-7K3M9QXA: SR and 8 letters and numbers. Please check and type it again.',
    }),
  );

/** Without its `SR`, a code must have a digit in it, so an ordinary 8-letter word is not taken for a reference. */
function canonicalReference(value: string): string {
  const compact = value.toUpperCase().replace(/[\s-]+/g, '');
  const prefixed = compact.startsWith('SR') && compact.length === 10;
  const code = prefixed ? compact.slice(2) : compact;
  if (!prefixed && !/\d/.test(code)) return compact;
  return `SR-${code.replace(/[OIL]/g, (letter) => MISREAD[letter] ?? letter)}`;
}
