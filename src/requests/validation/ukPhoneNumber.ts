import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';

/**
 * A UK number the council could call: a landline (01, 02, 03), mobile (07) or freephone/non-geographic (08) number
 * of a possible length, in its national form. Numbers are checked for shape, not against today's allocations: the
 * ranges Ofcom keeps for examples and drama (01632 960xxx, 07700 900xxx), which the bot itself uses in examples,
 * are accepted, so a resident is never refused the example they were given.
 */
export const ukPhoneNumberSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = readUkNumber(value);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message:
          "That doesn't look like a UK phone number. Please type the whole number with its area code, like 01632 960000 or 07700 900123.",
      });
      return z.NEVER;
    }
    return parsed.formatNational();
  });

/** A UK number in one comparable form (`+447700900123`), or undefined when it is not one. */
export function comparablePhoneNumber(value: string): string | undefined {
  return readUkNumber(value.trim())?.number;
}

function readUkNumber(value: string): PhoneNumber | undefined {
  if (/[a-z]/i.test(value.replace(/^\s*(?:tel|phone|mob|mobile)\s*:?\s*/i, '').replace(/\bext\b.*$/i, '')))
    return undefined;
  const parsed = parsePhoneNumberFromString(value, 'GB');
  if (!parsed || parsed.countryCallingCode !== '44' || !parsed.isPossible()) return undefined;
  return /^[12378]\d{8,9}$/.test(parsed.nationalNumber) ? parsed : undefined;
}
