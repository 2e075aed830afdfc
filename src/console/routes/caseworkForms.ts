import { z } from 'zod';
import { emailAddressSchema } from '../../requests/validation/emailAddress';
import { ukPhoneNumberSchema } from '../../requests/validation/ukPhoneNumber';

const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .trim()
    .max(320, 'This must be 320 characters or fewer')
    .optional()
    .transform((value) => value || undefined)
    .pipe(schema.optional());

/** `Raise a case`, as posted: every field checked, consent required. */
export const newCaseSchema = z.object({
  formId: z
    .string({ error: 'The form had expired. Try again.' })
    .regex(/^[\w-]{8,64}$/, 'The form had expired. Try again.'),
  constituentName: z
    .string({ error: 'Enter the constituent’s name' })
    .trim()
    .min(1, 'Enter the constituent’s name')
    .max(100, 'The name must be 100 characters or fewer'),
  email: optional(emailAddressSchema),
  phone: optional(ukPhoneNumberSchema),
  address: z
    .string({ error: 'Enter their address' })
    .trim()
    .min(5, 'Enter their address, with the postcode if you know it')
    .max(300, 'The address must be 300 characters or fewer'),
  serviceArea: z.string({ error: 'Choose a service area' }).min(1, 'Choose a service area').max(200),
  problem: z
    .string({ error: 'Enter what the problem is' })
    .trim()
    .min(10, 'Describe the problem in a sentence or more')
    .max(4000, 'The problem must be 4000 characters or fewer'),
  consent: z.literal('yes', {
    error: 'Confirm the constituent has agreed to us sharing their details: we cannot raise a case without it',
  }),
});
export type NewCaseForm = z.infer<typeof newCaseSchema>;

/** `Add an update` on a case page. */
export const caseUpdateSchema = z.object({
  update: z
    .string({ error: 'Enter your update' })
    .trim()
    .min(1, 'Enter your update')
    .max(2000, 'Updates must be 2000 characters or fewer'),
});

/** What the councillor typed, to show again with the errors (nothing lost). */
export function typedCaseFields(body: unknown): Record<string, string | undefined> {
  const field = (name: string) => {
    const value: unknown = body && typeof body === 'object' ? Reflect.get(body, name) : undefined;
    return typeof value === 'string' ? value.slice(0, 4000) : undefined;
  };
  return Object.fromEntries(
    ['constituentName', 'email', 'phone', 'address', 'serviceArea', 'problem', 'consent', 'formId', 'update'].map(
      (name) => [name, field(name)],
    ),
  );
}
