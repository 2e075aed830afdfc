import { z } from 'zod';
import { URGENT_CATEGORIES, type UrgentCategory } from '../safety/urgentCategory';

const phone = z
  .string()
  .trim()
  .regex(/^[0-9 +]{3,20}$/, 'must be a phone number of digits and spaces');

/** One number residents are given in an emergency: to call, or (with `text`) to text that word to. */
const emergencyContactSchema = z.strictObject({
  label: z.string().trim().min(3),
  phone,
  /** For a text service: the word to send (`SHOUT`), so the reply says "text SHOUT to 85258". */
  text: z.string().trim().min(1).optional(),
  /** A short note after the number: "any time, free", "choose option 2". */
  note: z.string().trim().min(1).optional(),
  /** The number is 999: given first, and left out when the resident says nobody is in danger right now. */
  emergency: z.boolean().default(false),
  /** The council's or the county's own number in the example profile: replace it before going live. */
  example: z.boolean().default(false),
});
export type EmergencyContact = z.infer<typeof emergencyContactSchema>;

/**
 * The emergency and safeguarding numbers, kept by editors in `knowledge/council.yaml`: each contact once, by id, then
 * for each kind of emergency the ids of its contacts in the order residents are given them. Every kind of emergency
 * must have at least one contact, and every id must be a contact.
 */
export const emergencyContactsSchema = z
  .strictObject({
    contacts: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'ids are letters and digits'), emergencyContactSchema),
    categories: z.partialRecord(z.enum(URGENT_CATEGORIES), z.array(z.string().trim())),
  })
  .superRefine((value, ctx) => {
    for (const category of URGENT_CATEGORIES) {
      const ids = value.categories[category] ?? [];
      if (ids.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', category],
          message: `no contacts are given for the "${category}" emergency`,
        });
      }
      for (const id of ids) {
        if (!value.contacts[id]) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', category],
            message: `"${id}" is not one of the contacts`,
          });
        }
      }
    }
  });
export type EmergencyContacts = z.infer<typeof emergencyContactsSchema>;

/**
 * The contacts for one kind of emergency, in the order residents are given them: 999 first (unless `inDangerNow` is
 * false, when it is left out), then the category's own numbers in the profile's order.
 */
export function emergencyContactsFor(
  contacts: EmergencyContacts,
  category: UrgentCategory,
  inDangerNow = true,
): EmergencyContact[] {
  const listed = (contacts.categories[category] ?? []).flatMap((id) => contacts.contacts[id] ?? []);
  const emergency = listed.filter((contact) => contact.emergency);
  const own = listed.filter((contact) => !contact.emergency);
  return inDangerNow ? [...emergency, ...own] : own;
}
