import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CASE_DETAILS, MEMBER_ENQUIRY_TYPE } from '../../src/casework/memberEnquiry';
import { SERVICE_CODES_FILE, startOpen311 } from '../../src/open311/startOpen311';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import type { OutboxMessage } from '../../src/storage/repositories/outboxRepository';
import type { ServiceRequest } from '../../src/storage/repositories/requestRepository';
import { Open311Server } from '../support/open311Server';
import { silentLogger } from '../support/testBot';

const SETTINGS = { apiKey: 'key', jurisdictionId: 'eastmere.example' };

const enquiry = {
  _id: 'MBR-7',
  reference: 'MBR-7',
  requestType: MEMBER_ENQUIRY_TYPE,
  status: 'received',
  details: {
    [CASE_DETAILS.serviceArea]: 'Fly-tipping',
    [CASE_DETAILS.problem]: 'Mattresses dumped behind the shops for three weeks now.',
    [CASE_DETAILS.councillor]: 'Councillor Priya Lawson',
    [CASE_DETAILS.councillorAccount]: 'account-1',
    [CASE_DETAILS.ward]: 'Market ward',
    [CASE_DETAILS.wardId]: 'market',
    [CASE_DETAILS.consent]: 'Agreed to sharing their details, recorded by the councillor at 2026-12-07T10:00:00.000Z',
  },
  contact: { name: 'Ada Constituent', email: 'ada@example.com', address: '4 Market Square, Eastmere EM1 1AA' },
  responseDueBy: '2026-12-21',
  statusHistory: [],
  createdAt: new Date('2026-12-07T10:00:00Z'),
  updatedAt: new Date('2026-12-07T10:00:00Z'),
} as unknown as ServiceRequest;

describe("councillors' cases over Open311", () => {
  const backOffice = new Open311Server({ ...SETTINGS, serviceCodes: ['fly-tipping', 'member-enquiry'] });
  let dir: string;
  let store: EmbeddedDocumentStore;
  beforeAll(() => backOffice.start());
  afterAll(() => backOffice.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'member-open311-'));
    store = new EmbeddedDocumentStore({ dataDir: path.join(dir, 'data'), logger: silentLogger });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(codes: string) {
    writeFileSync(path.join(dir, SERVICE_CODES_FILE), codes);
    const started = await startOpen311({
      settings: { endpoint: backOffice.endpoint, ...SETTINGS },
      pollSeconds: 60,
      knowledgeDir: dir,
      store,
      addresses: {
        findByPostcode: async () => ({ ok: true, addresses: [] }),
        findByUprn: async () => ({ ok: true, address: undefined }),
      },
      photoUrl: (link) => link,
      logger: silentLogger,
      clock: () => new Date('2026-12-07T10:00:05Z'),
    });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    return started.open311;
  }

  test('mapped to a service code, a case reaches requests.json as a councillor enquiry with the consented contact', async () => {
    const open311 = await connect('serviceCodes:\n  fly-tipping: fly-tipping\n  member-enquiry: member-enquiry\n');
    const delivery = await open311.memberEnquiryDelivery(enquiry);
    if (!delivery) throw new Error('no delivery');
    const message = {
      _id: 'open311:MBR-7',
      channel: 'open311',
      ...delivery,
      requestReference: 'MBR-7',
      status: 'sending',
      attempts: 1,
      maxAttempts: 3,
      nextAttemptAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    } satisfies OutboxMessage;
    expect(await open311.sender(message)).toEqual({ ok: true });
    const posted = backOffice.posts.at(-1)?.fields;
    expect(posted?.get('service_code')).toBe('member-enquiry');
    expect(posted?.get('description')).toContain(
      'Councillor enquiry (MBR-7) from Councillor Priya Lawson, Market ward',
    );
    expect(posted?.get('description')).toContain('Problem: Mattresses dumped behind the shops');
    expect(posted?.get('address_string')).toBe('4 Market Square, Eastmere EM1 1AA');
    expect(posted?.get('email')).toBe('ada@example.com');
    expect(posted?.get('first_name')).toBe('Ada');
    expect(posted?.get('attribute[councillor_enquiry]')).toBe('true');
    expect(await open311.links.find('MBR-7')).toMatchObject({ status: 'open' });
  });

  test('without a code for member-enquiry, cases are not sent over Open311 (they go by the outbox and webhook)', async () => {
    const open311 = await connect('serviceCodes:\n  fly-tipping: fly-tipping\n');
    expect(await open311.memberEnquiryDelivery(enquiry)).toBeUndefined();
  });
});
