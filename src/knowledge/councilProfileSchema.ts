import { z } from 'zod';
import { parseOpeningHours } from '../contactCentre/openingHours';
import { emergencyContactsSchema } from './emergencyContactsSchema';

const phone = z
  .string()
  .trim()
  .regex(/^[0-9 +]{3,20}$/, 'must be a phone number of digits and spaces');

/** The council's own details, kept by editors in `knowledge/council.yaml`. */
export const councilProfileSchema = z.strictObject({
  example: z.boolean().default(false),
  name: z.string().trim().min(3),
  shortName: z.string().trim().min(2),
  website: z.url(),
  /** The chat's brand colour: white text on it must meet WCAG AA contrast (4.5:1). */
  brandColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d5c4d')
    .refine((colour) => contrastWithWhite(colour) >= 4.5, 'is too light: white text on it needs a contrast of 4.5:1')
    .default('#1d5c4d'),
  phone,
  email: z.email(),
  textRelay: z.string().trim().optional(),
  address: z.array(z.string().trim().min(1)).min(2),
  contactCentre: z.strictObject({
    hours: z.string().superRefine((value, ctx) => {
      const parsed = parseOpeningHours(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
    }),
    callbackPromise: z.string().trim().min(5),
    /** Teams a CSA can transfer a conversation to; the first is where handoffs are queued. */
    teams: z.array(z.string().trim().min(2).max(60)).min(1).default(['Customer services']),
    /** Ready-made replies CSAs can send from the console. */
    cannedResponses: z
      .array(z.strictObject({ title: z.string().trim().min(2).max(60), text: z.string().trim().min(2).max(1000) }))
      .default([]),
  }),
  responseTarget: z.strictObject({ workingDays: z.number().int().min(1).max(20) }),
  /** When a full reply to a councillor's enquiry (a member enquiry) is due, in working days (bank holidays skipped). */
  memberEnquiryTarget: z.strictObject({ workingDays: z.number().int().min(1).max(60) }).default({ workingDays: 10 }),
  /** The council's committee and meetings site (agendas, minutes, councillors), linked from councillors' pages. */
  meetingsSite: z.url().optional(),
  /** Emergency and safeguarding numbers, in order for each kind of emergency (`kb check` refuses one without). */
  emergencyContacts: emergencyContactsSchema,
  county: z.strictObject({
    name: z.string().trim().min(3),
    website: z.url(),
    phone,
    email: z.email(),
    handles: z.array(z.string().trim().min(3)).min(1),
  }),
});

export type CouncilProfile = z.infer<typeof councilProfileSchema>;

/** WCAG contrast ratio of white against a #rrggbb colour. */
export function contrastWithWhite(colour: string): number {
  const channels = [1, 3, 5].map((start) => {
    const value = parseInt(colour.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}
