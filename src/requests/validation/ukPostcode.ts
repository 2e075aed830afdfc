import { isValid, toNormalised } from 'postcode';
import { z } from 'zod';

/**
 * A UK postcode as a resident types it (`em11aa`, ` EM1 1AA `), checked and normalised (`EM1 1AA`) with the
 * `postcode` library, so requests and status checks compare the same form.
 */
export const ukPostcodeSchema = z
  .string()
  .trim()
  .refine((value) => isValid(value), {
    message: "That doesn't look like a UK postcode. It should be like EM1 1AA.",
  })
  .transform((value) => normalisePostcode(value));

/** `em11aa` -> `EM1 1AA`; anything that is not a postcode comes back trimmed and upper-cased, never equal to one. */
export function normalisePostcode(value: string): string {
  return toNormalised(value.trim()) ?? value.trim().toUpperCase();
}
