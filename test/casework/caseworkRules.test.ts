import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseworkDesk } from '../../src/casework/caseworkDesk';
import { summariseWard } from '../../src/casework/wardSummary';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { londonInstant } from '../../src/calendar/londonTime';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { openRepositories, type Repositories } from '../../src/storage/repositories/openRepositories';
import type { ServiceRequest } from '../../src/storage/repositories/requestRepository';
import { DAY, TestClock } from '../storage/support/testClock';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';

let knowledge: KnowledgeBase;
let dataDir: string;
let store: EmbeddedDocumentStore;
let repositories: Repositories;
const clock = new TestClock();
const outbox: Array<{ to: string; subject?: string; body: string; channel: string }> = [];

function desk(target?: number, crmWebhookUrl?: string): CaseworkDesk {
  return new CaseworkDesk({
    ...repositories,
    outbox: {
      enqueue: async (message) => {
        outbox.push(message);
        return repositories.outbox.enqueue(message);
      },
    },
    knowledge: () =>
      target === undefined
        ? knowledge
        : { ...knowledge, profile: { ...knowledge.profile, memberEnquiryTarget: { workingDays: target } } },
    crmWebhookUrl,
    caseUrl: (reference) => `https://council.example/console/casework/cases/${reference}`,
    clock: clock.now,
  });
}

async function councillor(email: string, wardId: string | undefined) {
  const created = await repositories.consoleUsers.create({
    email,
    displayName: `Councillor ${email}`,
    role: 'councillor',
    wardId,
    passwordHash: 'x',
  });
  if (!created.ok) throw new Error('no councillor');
  return created.user;
}

const CASE = {
  constituent: { name: 'Ada', address: '4 Market Square' },
  serviceArea: 'team:Customer services',
  problem: 'A problem to look into.',
  consent: true as const,
};

beforeAll(async () => {
  const loaded = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error('the shipped knowledge base does not load');
  knowledge = loaded.knowledge;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'casework-rules-'));
  store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
  repositories = await openRepositories(store, { retentionDays: 90, clock: clock.now });
});
afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the date a full reply is due', () => {
  test('10 working days by default, skipping weekends and the Christmas and New Year bank holidays', async () => {
    clock.set(londonInstant('2026-12-18', 10 * 60));
    const priya = await councillor('due@eastmere.example', 'market');
    const raised = await desk().raise(priya, { ...CASE, idempotencyKey: 'due-1' });
    expect(raised.ok && raised.case.dueBy).toBe('2027-01-06');
  });

  test('the council profile sets another target', async () => {
    clock.set(londonInstant('2026-12-18', 10 * 60));
    const priya = await councillor('due5@eastmere.example', 'market');
    const raised = await desk(5).raise(priya, { ...CASE, idempotencyKey: 'due-2' });
    expect(raised.ok && raised.case.dueBy).toBe('2026-12-29');
  });
});

describe('raising a case', () => {
  test('the acknowledgement goes to the councillor, the CRM delivery is flagged, and a retry raises nothing new', async () => {
    clock.set(londonInstant('2026-11-02', 9 * 60));
    outbox.length = 0;
    const tom = await councillor('tom@eastmere.example', 'market');
    const first = await desk(undefined, 'https://crm.example/hook').raise(tom, { ...CASE, idempotencyKey: 'dup' });
    const again = await desk(undefined, 'https://crm.example/hook').raise(tom, { ...CASE, idempotencyKey: 'dup' });
    if (!first.ok || !again.ok) throw new Error('not raised');
    expect(again.case.reference).toBe(first.case.reference);
    const emails = outbox.filter((message) => message.channel === 'email');
    expect(new Set(emails.map((email) => email.to))).toEqual(new Set(['tom@eastmere.example']));
    expect(emails[0]?.body).toContain(first.case.reference);
    expect(emails[0]?.body).not.toContain('Ada');
    const webhook = outbox.find((message) => message.channel === 'webhook');
    const payload = JSON.parse(webhook?.body ?? '{}') as { request: Record<string, unknown> };
    expect(payload.request).toMatchObject({
      reference: first.case.reference,
      type: 'member-enquiry',
      councillorEnquiry: true,
      councillor: { ward: 'Market ward' },
      service: 'Customer services',
    });
  });

  test('an unknown service area, or an account without a ward, raises nothing', async () => {
    const noWard = await councillor('noward@eastmere.example', undefined);
    expect(await desk().raise(noWard, { ...CASE, idempotencyKey: 'nw' })).toMatchObject({ ok: false });
    const priya = await councillor('areas@eastmere.example', 'market');
    expect(await desk().raise(priya, { ...CASE, serviceArea: 'team:Nope', idempotencyKey: 'na' })).toMatchObject({
      ok: false,
      field: 'serviceArea',
    });
  });
});

describe('the ward at a glance', () => {
  const request = (requestType: string, status: ServiceRequest['status'], dueBy: string): ServiceRequest => ({
    _id: `${requestType}-${status}-${dueBy}`,
    reference: 'X',
    idempotencyKey: 'k',
    requestType,
    status,
    statusHistory: [],
    details: {},
    contact: { name: 'Somebody' },
    responseDueBy: dueBy,
    createdAt: new Date(),
    updatedAt: new Date(),
  });

  test('counts by type: open, resolved and overdue', () => {
    const now = londonInstant('2026-12-10', 12 * 60);
    const rows = summariseWard(
      [
        request('missed-bin', 'submitted', '2026-12-08'),
        request('missed-bin', 'inProgress', '2026-12-14'),
        request('missed-bin', 'resolved', '2026-12-01'),
        request('fly-tipping', 'cancelled', '2026-12-01'),
      ],
      now,
    );
    expect(rows).toEqual([
      { requestType: 'missed-bin', total: 3, open: 2, resolved: 1, overdue: 1 },
      { requestType: 'fly-tipping', total: 1, open: 0, resolved: 0, overdue: 0 },
    ]);
  });

  test('only the councillor’s ward and the last 90 days', async () => {
    clock.set(londonInstant('2026-06-01', 10 * 60));
    const market = await councillor('ward-riverside@eastmere.example', 'riverside');
    const northgate = await councillor('ward-northgate@eastmere.example', 'northgate');
    await desk().raise(market, { ...CASE, idempotencyKey: 'old' });
    clock.advance(100 * DAY);
    await desk().raise(market, { ...CASE, idempotencyKey: 'new' });
    await desk().raise(northgate, { ...CASE, idempotencyKey: 'elsewhere' });
    const summary = await desk().wardSummary(market);
    expect(summary?.ward.id).toBe('riverside');
    expect(summary?.rows).toEqual([{ requestType: 'member-enquiry', total: 1, open: 1, resolved: 0, overdue: 0 }]);
  });
});
