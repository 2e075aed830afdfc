import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';

/** A number the council can call: a valid UK number by Google's numbering metadata, in its national form. */
export const ukPhoneNumberSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value, 'GB');
    if (!parsed || !parsed.isValid() || parsed.country !== 'GB') {
      ctx.addIssue({
        code: 'custom',
        message: "That doesn't look like a UK phone number. Please type it with the area code, like 01632 960000.",
      });
      return z.NEVER;
    }
    return parsed.formatNational();
  });

/** A UK number in one comparable form (`+447700900123`), or undefined when it is not one. */
export function comparablePhoneNumber(value: string): string | undefined {
  const parsed = parsePhoneNumberFromString(value.trim(), 'GB');
  return parsed?.isValid() ? parsed.number : undefined;
}
