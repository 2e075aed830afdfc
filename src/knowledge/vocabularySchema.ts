import { z } from 'zod';

/**
 * Residents' words, kept by editors in `knowledge/vocabulary.yaml`. Each entry says that any of `say` means
 * `means`; both are matched as whole words after stemming, in articles and in questions alike, so "brown bin"
 * finds the garden waste article even if the article never says "brown bin".
 */
export const vocabularyEntrySchema = z.strictObject({
  means: z.string().trim().min(2),
  say: z.array(z.string().trim().min(1)).min(1),
});

export const vocabularySchema = z.strictObject({
  entries: z.array(vocabularyEntrySchema),
  /** Words that say nothing about the topic ("please", "hiya"); dropped before matching. */
  ignore: z.array(z.string().trim().min(1)).default([]),
  /** Words kept as written, not stemmed, where stemming would merge two topics ("parking" is not "park"). */
  keep: z.array(z.string().trim().min(1)).default([]),
});

export type Vocabulary = z.infer<typeof vocabularySchema>;
export type VocabularyEntry = z.infer<typeof vocabularyEntrySchema>;
