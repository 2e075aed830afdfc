import { driverFilter, driverUpdate } from '../../src/storage/mongodb/driverQuery';
import type { Filter, Update } from '../../src/storage/queryTypes';

interface Conversation {
  _id: string;
  status: string;
  updatedAt: Date;
  transcript: string[];
  csa?: { id: string };
}

// The adapter rebuilds the port's queries in the driver's types: nothing may be lost or changed on the way.
describe('the MongoDB adapter hands the driver the query it was given', () => {
  test('filters: equality, operators, dotted paths and nested $and/$or/$nor', () => {
    const since = new Date('2026-12-01T00:00:00Z');
    const filter: Filter<Conversation> = {
      status: 'waiting',
      updatedAt: { $gte: since, $lt: new Date('2026-12-02T00:00:00Z') },
      'csa.id': { $exists: true, $nin: ['csa-1'] },
      $or: [{ status: { $in: ['open', 'waiting'] } }, { $and: [{ transcript: 'hello' }, { 'csa.id': null }] }],
      $nor: [{ status: { $not: { $eq: 'closed' } } }],
    };
    const translated = driverFilter(filter);
    expect(translated).toEqual(filter);
    expect(translated['updatedAt']).toEqual({ $gte: since, $lt: new Date('2026-12-02T00:00:00Z') });
  });

  test('an empty filter stays empty (it matches every document)', () => {
    expect(driverFilter({})).toEqual({});
  });

  test('updates: each of $set $unset $inc $push $setOnInsert, and only those given', () => {
    const update: Update<Conversation> = {
      $set: { status: 'open', 'csa.id': 'csa-2' },
      $unset: { closedAt: '' },
      $inc: { turns: 1 },
      $push: { transcript: { $each: ['a', 'b'] } },
      $setOnInsert: { _id: 'c-1' },
    };
    expect(driverUpdate(update)).toEqual(update);
    expect(driverUpdate({ $set: { status: 'closed' } })).toEqual({ $set: { status: 'closed' } });
  });
});
