import pino from 'pino';
import { describeMongoHost, redactCredentials } from '../../src/storage/mongodb/describeMongoHost';
import { defaultIndexName, duplicateKeyFromMongoError } from '../../src/storage/mongodb/duplicateKeyFromMongoError';
import { MongoDocumentStore } from '../../src/storage/mongodb/mongoDocumentStore';
import { StoreUnavailableError } from '../../src/storage/storageErrors';
import { describeBotStateStorageContract } from './botStateStorageContract';
import { describeDocumentStoreContract } from './documentStoreContract';
import { mongoHarnessFactory } from './support/storeHarness';

const mongoHarness = mongoHarnessFactory();

describe('MongoDB backend: contract suites', () => {
  if (!mongoHarness) {
    console.info('MongoDB contract suite skipped: MONGODB_URI is not set (set it to run both suites against MongoDB)');
    test.skip('MongoDB contract suite skipped: MONGODB_URI is not set', () => {});
    return;
  }
  describe('document store contract', () => {
    describeDocumentStoreContract(mongoHarness);
  });
  describe('Bot Framework Storage contract', () => {
    describeBotStateStorageContract(mongoHarness);
  });
});

describe('MongoDB backend: start-up', () => {
  test('an unreachable server stops start-up with a message naming the host, never the credentials', async () => {
    const uri = 'mongodb://council-admin:s3cr3t-pa55@127.0.0.1:1/councilbot?authSource=admin';
    const opening = MongoDocumentStore.open({
      uri,
      dbName: 'councilbot',
      logger: pino({ level: 'silent' }),
      serverSelectionTimeoutMs: 200,
    });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    const error = await opening.catch((caught: unknown) => caught);
    const message = error instanceof Error ? error.message : '';
    expect(message).toMatch(/^cannot reach MongoDB at 127\.0\.0\.1:1: /);
    expect(message).not.toContain('s3cr3t');
    expect(message).not.toContain('council-admin');
  });
});

describe('MongoDB backend: pure parts', () => {
  test.each([
    ['mongodb://localhost:27017/db', 'localhost:27017'],
    ['mongodb://user:p%40ss@db1:27017,db2:27017/db?replicaSet=rs0', 'db1:27017,db2:27017'],
    ['mongodb+srv://user:pw@cluster0.example.mongodb.net/?retryWrites=true', 'cluster0.example.mongodb.net'],
    ['mongodb://db', 'db'],
    ['postgres://nope', '(unrecognised MongoDB URI)'],
  ])('the host of %s is %s', (uri, host) => {
    expect(describeMongoHost(uri)).toBe(host);
  });

  test('credentials are removed from driver messages, encoded or not, and from quoted URIs', () => {
    const uri = 'mongodb://admin:p%40ssw0rd@db:27017/x';
    const message =
      'Authentication failed for admin with p@ssw0rd (p%40ssw0rd) at mongodb://admin:p%40ssw0rd@db:27017/x';
    const redacted = redactCredentials(message, uri);
    expect(redacted).not.toMatch(/admin|p@ssw0rd|p%40ssw0rd/);
    expect(redacted).toContain('mongodb://***@db:27017/x');
  });

  test('a duplicate-key error becomes a DuplicateKey outcome naming fields, never values', () => {
    const fromKeyPattern = { code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'resident@example.org' } };
    expect(duplicateKeyFromMongoError(fromKeyPattern, new Map())).toEqual({
      ok: false,
      reason: 'duplicateKey',
      fields: ['email'],
    });
    const bulk = {
      code: 11000,
      message: 'E11000 duplicate key error collection: db.requests index: idempotencyKey_unique dup key: { x: "y" }',
    };
    expect(duplicateKeyFromMongoError(bulk, new Map([['idempotencyKey_unique', ['idempotencyKey']]]))).toMatchObject({
      fields: ['idempotencyKey'],
    });
    const defaultName = { code: 11000, message: 'E11000 duplicate key error index: conversationId_1_seq_-1 dup key' };
    expect(duplicateKeyFromMongoError(defaultName, new Map())).toMatchObject({ fields: ['conversationId', 'seq'] });
    expect(duplicateKeyFromMongoError({ code: 11000, message: 'E11000' }, new Map())).toMatchObject({ fields: [] });
    expect(duplicateKeyFromMongoError({ code: 121, message: 'validation' }, new Map())).toBeUndefined();
    expect(duplicateKeyFromMongoError(new Error('network'), new Map())).toBeUndefined();
  });

  test('default index names follow MongoDB', () => {
    expect(defaultIndexName({ email: 1 })).toBe('email_1');
    expect(defaultIndexName({ conversationId: 1, seq: -1 })).toBe('conversationId_1_seq_-1');
  });
});
