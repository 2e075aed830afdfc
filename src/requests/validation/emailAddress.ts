import { z } from 'zod';
import { normaliseEmail } from '../../storage/repositories/repositoryOptions';

/** An email address, trimmed and lower-cased as the store keeps it. */
export const emailAddressSchema = z
  .string()
  .trim()
  .pipe(z.email({ message: "That doesn't look like an email address. It should be like name@example.com." }))
  .transform(normaliseEmail);
