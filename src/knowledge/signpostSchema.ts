import { z } from 'zod';

/**
 * One body or national service the council does not run, kept by editors in `knowledge/signposts.yaml`. A message
 * using one of `phrases` (matched as whole words after stemming, like the vocabulary) is signposted to it rather
 * than answered from the council's articles.
 */
export const signpostSchema = z.strictObject({
  /** Lower-case words joined by hyphens; `channelData.councilBot.signpostId`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  /** Who does it, as the reply names them: "HM Passport Office". */
  name: z.string().trim().min(2).max(80),
  /** One or two sentences for the resident: what that body does and how to reach it. */
  says: z.string().trim().min(20).max(400),
  url: z.url().refine((value) => value.startsWith('https://'), 'must be an https address'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +]{3,20}$/, 'must be a phone number of digits and spaces')
    .optional(),
  /** What residents write when they mean this service. */
  phrases: z.array(z.string().trim().min(1)).min(1),
  /**
   * A phrase names the other body outright ("Leeds City Council"): signposted even when the rest of the message
   * matches a council article. Otherwise a message plainly about a council service is answered from the article.
   */
  decisive: z.boolean().default(false),
});

export const signpostDirectorySchema = z.strictObject({
  signposts: z.array(signpostSchema).superRefine((signposts, ctx) => {
    const seen = new Set<string>();
    for (const [index, signpost] of signposts.entries()) {
      if (seen.has(signpost.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${signpost.id}" is used twice` });
      seen.add(signpost.id);
    }
  }),
});

export type Signpost = z.infer<typeof signpostSchema>;
export type SignpostDirectory = z.infer<typeof signpostDirectorySchema>;
