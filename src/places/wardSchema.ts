import { z } from 'zod';

/** A ward id: lower-case words joined by hyphens, as the gazetteer's ward column and console accounts refer to it. */
export const WARD_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const councillorSchema = z.strictObject({
  name: z.string().trim().min(3).max(100),
  party: z.string().trim().min(2).max(80),
  email: z.email(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +]{3,20}$/, 'must be a phone number of digits and spaces')
    .optional(),
  /** When and where residents can meet the councillor, as they would say it ("First Saturday, 10am to noon, ..."). */
  surgeries: z.array(z.string().trim().min(5).max(200)).default([]),
  /** The councillor's page on the council's website, when there is one. */
  page: z.url().optional(),
});

const wardSchema = z.strictObject({
  id: z.string().regex(WARD_ID_PATTERN, 'must be lower-case words joined by hyphens'),
  name: z.string().trim().min(2).max(80),
  councillors: z.array(councillorSchema).min(1, 'a ward needs at least one councillor'),
});

/** `knowledge/wards.yaml`: the council's wards and their councillors, kept by editors. */
export const wardDirectorySchema = z
  .strictObject({
    /** True while the wards and councillors are the fictional sample's: replace them before going live. */
    example: z.boolean().default(false),
    wards: z.array(wardSchema).min(1),
  })
  .superRefine((directory, ctx) => {
    const seen = new Set<string>();
    directory.wards.forEach((ward, index) => {
      if (seen.has(ward.id))
        ctx.addIssue({ code: 'custom', path: ['wards', index, 'id'], message: `"${ward.id}" is used twice` });
      seen.add(ward.id);
    });
  });

export type WardDirectory = z.infer<typeof wardDirectorySchema>;
export type Ward = WardDirectory['wards'][number];
export type Councillor = Ward['councillors'][number];
