import { z } from 'zod';

/** Service request types the bot can take; an article naming one offers "Report it now". */
export const REQUEST_TYPES = [
  'missed-bin',
  'fly-tipping',
  'street-cleansing',
  'new-bin',
  'abandoned-vehicle',
  'noise',
  'callback',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** The longest button label that fits on one line of a 320 px wide chat. */
export const SHORT_TITLE_MAX = 30;

export const ARTICLE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-09-14')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'must be a real date');

/**
 * Front matter of a knowledge article. Editors write it in YAML; every field is checked by `kb check` and on
 * every reload, so a typo never reaches a resident.
 */
export const articleFrontMatterSchema = z.strictObject({
  title: z.string().trim().min(3).max(100),
  /** The label on a button offering this article (a clarification), short enough to fit a phone's width. */
  shortTitle: z
    .string()
    .trim()
    .min(3)
    .max(SHORT_TITLE_MAX, `must fit on a button on a phone (at most ${SHORT_TITLE_MAX} characters)`)
    .optional(),
  summary: z
    .string()
    .trim()
    .min(80, 'is too short to answer anything (at least 80 characters)')
    .max(800, 'is too long for a chat reply (at most 800 characters)'),
  questions: z.array(z.string().trim().min(2)).min(3, 'needs at least 3 example questions'),
  keywords: z.array(z.string().trim().min(2)).default([]),
  url: z.url().refine((value) => /^https?:\/\//.test(value), 'must be an http(s) address'),
  service: z.string().trim().min(2),
  handledBy: z.enum(['council', 'county', 'shared', 'other']).default('council'),
  lastReviewed: isoDate,
  reviewEveryMonths: z.number().int().min(1).max(60).default(12),
  requestType: z.enum(REQUEST_TYPES).optional(),
  needsPerson: z.boolean().default(false),
  related: z.array(z.string().regex(ARTICLE_ID_PATTERN)).default([]),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

/** A validated article: its id is its file name; `body` is the markdown below the front matter. */
export interface Article extends ArticleFrontMatter {
  id: string;
  body: string;
  file: string;
}
