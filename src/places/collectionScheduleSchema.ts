import { z } from 'zod';
import { isoDateSchema, weekdayOf } from './isoDate';

/** Weekday names as editors write them, Sunday first (the index is `Date#getUTCDay`). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idSchema = z.string().regex(ID_PATTERN, 'must be lower-case words joined by hyphens');

const binSchema = z.strictObject({
  id: idSchema,
  /** As residents know it: `Blue bin (recycling)`. */
  name: z.string().trim().min(3).max(60),
});

const collectionSchema = z
  .strictObject({
    bin: idSchema,
    every: z.enum(['week', 'fortnight']),
    /** A date this bin is collected (on the round's weekday); required for fortnightly collections. */
    from: isoDateSchema.optional(),
  })
  .refine((collection) => collection.every === 'week' || collection.from !== undefined, {
    message: 'a fortnightly collection needs `from`: a date it is collected',
    path: ['from'],
  });

const roundSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(3).max(60),
  weekday: z.enum(WEEKDAYS, { error: `must be a weekday: ${WEEKDAYS.join(', ')}` }),
  collections: z.array(collectionSchema).min(1, 'a round needs at least one collection'),
});

const changeSchema = z.strictObject({
  /** The usual collection date the change applies to. */
  date: isoDateSchema,
  /** The date those collections happen instead. */
  movedTo: isoDateSchema,
  /** The rounds it applies to; all when left out. */
  rounds: z.array(idSchema).optional(),
});

/**
 * `knowledge/places/collections.yaml`: the bins, the collection rounds (weekday, bins, weekly or fortnightly from an
 * anchor date) and the bank-holiday changes the council publishes each year. Cross-checked: every bin a round names
 * exists, ids are unique, an anchor date falls on its round's weekday, and a change names known rounds.
 */
export const collectionScheduleSchema = z
  .strictObject({
    /** True while the rounds are the fictional sample's: replace them before going live. */
    example: z.boolean().default(false),
    /** The article (id) that says what goes in which bin. */
    recyclingGuide: idSchema.optional(),
    bins: z.array(binSchema).min(1),
    rounds: z.array(roundSchema).min(1),
    changes: z.array(changeSchema).default([]),
  })
  .superRefine((schedule, ctx) => {
    const bins = new Set(schedule.bins.map((bin) => bin.id));
    const roundIds = new Set<string>();
    schedule.rounds.forEach((round, index) => {
      if (roundIds.has(round.id))
        ctx.addIssue({ code: 'custom', path: ['rounds', index, 'id'], message: `"${round.id}" is used twice` });
      roundIds.add(round.id);
      round.collections.forEach((collection, at) => {
        const path = ['rounds', index, 'collections', at];
        if (!bins.has(collection.bin))
          ctx.addIssue({ code: 'custom', path: [...path, 'bin'], message: `unknown bin "${collection.bin}"` });
        if (collection.from && WEEKDAYS[weekdayOf(collection.from)] !== round.weekday)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'from'],
            message: `${collection.from} is not a ${round.weekday}`,
          });
      });
    });
    schedule.changes.forEach((change, index) => {
      for (const id of change.rounds ?? [])
        if (!roundIds.has(id))
          ctx.addIssue({ code: 'custom', path: ['changes', index, 'rounds'], message: `unknown round "${id}"` });
      if (change.movedTo === change.date)
        ctx.addIssue({ code: 'custom', path: ['changes', index, 'movedTo'], message: 'is the same as `date`' });
    });
  });

export type CollectionSchedule = z.infer<typeof collectionScheduleSchema>;
export type CollectionRound = CollectionSchedule['rounds'][number];
export type Bin = CollectionSchedule['bins'][number];
export type CollectionChange = CollectionSchedule['changes'][number];
