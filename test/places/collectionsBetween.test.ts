import { collectionScheduleSchema } from '../../src/places/collectionScheduleSchema';
import { collectionsBetween, nextCollections } from '../../src/places/collectionsBetween';

const schedule = collectionScheduleSchema.parse({
  bins: [
    { id: 'refuse', name: 'Black (general waste)' },
    { id: 'recycling', name: 'Blue (recycling)' },
    { id: 'food', name: 'Food caddy' },
  ],
  rounds: [
    {
      id: 'monday',
      name: 'Monday round',
      weekday: 'Monday',
      collections: [
        { bin: 'food', every: 'week' },
        { bin: 'refuse', every: 'fortnight', from: '2026-01-05' },
        { bin: 'recycling', every: 'fortnight', from: '2026-01-12' },
      ],
    },
    { id: 'thursday', name: 'Thursday round', weekday: 'Thursday', collections: [{ bin: 'food', every: 'week' }] },
  ],
  changes: [
    // Christmas 2026: Boxing Day's substitute (Monday 28 December) and New Year's Day move the week on.
    { date: '2026-12-28', movedTo: '2026-12-29' },
    { date: '2026-12-31', movedTo: '2027-01-02' },
    { date: '2026-12-21', movedTo: '2026-12-19', rounds: ['thursday'] },
  ],
});

describe('bin collections over a bank-holiday week', () => {
  test('an ordinary week: the round weekday, weekly food, refuse and recycling on alternate weeks', () => {
    expect(collectionsBetween(schedule, 'monday', '2026-12-07', '2026-12-20')).toEqual([
      { bin: 'refuse', date: '2026-12-07' },
      { bin: 'food', date: '2026-12-07' },
      { bin: 'recycling', date: '2026-12-14' },
      { bin: 'food', date: '2026-12-14' },
    ]);
  });

  test("Christmas week: Monday's collections happen on Tuesday, the Thursday round's on Saturday", () => {
    expect(collectionsBetween(schedule, 'monday', '2026-12-28', '2027-01-03')).toEqual([
      { bin: 'recycling', date: '2026-12-29' },
      { bin: 'food', date: '2026-12-29' },
    ]);
    expect(collectionsBetween(schedule, 'thursday', '2026-12-28', '2027-01-03')).toEqual([
      { bin: 'food', date: '2027-01-02' },
    ]);
  });

  test('a collection moved into the window from a usual date outside it is included, and one moved out is not', () => {
    // Thursday 31 December moves to Saturday 2 January: asked from 1 January, it is still the next.
    expect(collectionsBetween(schedule, 'thursday', '2027-01-01', '2027-01-02')).toEqual([
      { bin: 'food', date: '2027-01-02' },
    ]);
    expect(collectionsBetween(schedule, 'thursday', '2026-12-31', '2026-12-31')).toEqual([]);
  });

  test('a change for other rounds leaves this round alone', () => {
    expect(collectionsBetween(schedule, 'monday', '2026-12-21', '2026-12-21')).toEqual([
      { bin: 'refuse', date: '2026-12-21' },
      { bin: 'food', date: '2026-12-21' },
    ]);
  });

  test('the next collection of each bin, from a day in the bank-holiday week', () => {
    expect(nextCollections(schedule, 'monday', '2026-12-24')).toEqual([
      { bin: 'recycling', date: '2026-12-29' },
      { bin: 'food', date: '2026-12-29' },
      { bin: 'refuse', date: '2027-01-04' },
    ]);
  });

  test('collection day itself counts as the next collection; an unknown round has none', () => {
    expect(nextCollections(schedule, 'thursday', '2026-12-10')).toEqual([{ bin: 'food', date: '2026-12-10' }]);
    expect(nextCollections(schedule, 'nowhere', '2026-12-10')).toEqual([]);
  });
});
