import { hashPassword } from '../../src/console/auth/passwords';
import type { ConsoleRole } from '../../src/storage/repositories/consoleUserRepository';
import { BOOTSTRAP, ConsoleClient, type ConsoleHarness, startConsole } from '../support/consoleHarness';
import { API_ROUTES, COUNCILLOR_FORMS, COUNCILLOR_PAGES, FORM_ROUTES, PAGE_ROUTES } from './consoleRoutes';

const STAFF_API_KEY = 'staff-api-key-for-councillor-security-0123456789';
const PASSWORD = 'a long casework password';
const CASE = {
  constituentName: 'Ada Constituent',
  email: 'ada@example.com',
  phone: '07700 900123',
  address: '4 Market Square, Eastmere EM1 2AB',
  serviceArea: 'type:fly-tipping',
  problem: 'Mattresses dumped behind the shops for three weeks now.',
  consent: 'yes',
};

let harness: ConsoleHarness;
let addressCounter = 0;
const ids: Record<string, string> = {};

async function account(key: string, role: ConsoleRole, wardId?: string): Promise<void> {
  const created = await harness.app.repositories.consoleUsers.create({
    email: `${key}@eastmere.example`,
    displayName: `Person ${key}`,
    role,
    wardId,
    passwordHash: await hashPassword(PASSWORD),
  });
  if (!created.ok) throw new Error(`could not create ${key}`);
  ids[key] = created.user._id;
}

async function signedIn(key: string): Promise<ConsoleClient> {
  addressCounter++;
  const browser = new ConsoleClient(harness.url, { 'x-forwarded-for': `198.51.100.${addressCounter}` });
  const response =
    key === 'lead'
      ? await browser.signIn(BOOTSTRAP.email, BOOTSTRAP.password)
      : await browser.signIn(`${key}@eastmere.example`, PASSWORD);
  expect(response.status).toBe(303);
  return browser;
}

async function raiseCase(browser: ConsoleClient, form: Record<string, string> = {}): Promise<string> {
  const page = await browser.get('/console/casework/new');
  const formId = /name="formId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const response = await browser.post('/console/casework', { ...CASE, formId, ...form });
  expect(response.status).toBe(303);
  return decodeURIComponent(/\/cases\/([^?]+)/.exec(response.location ?? '')?.[1] ?? '');
}

beforeAll(async () => {
  harness = await startConsole({ env: { TRUST_PROXY: 'true', STAFF_API_KEY } });
  await account('csa', 'csa');
  await account('market', 'councillor', 'market');
  await account('northgate', 'councillor', 'northgate');
});

afterAll(async () => {
  await harness?.close();
});

describe('a councillor sees only their casework', () => {
  const staffPages = PAGE_ROUTES.filter(
    (route) => !COUNCILLOR_PAGES.includes(route) && route !== '/console' && route !== '/console/password',
  );
  const staffForms = FORM_ROUTES.filter(
    (route) => !COUNCILLOR_FORMS.includes(route) && route !== '/console/sign-out' && route !== '/console/password',
  );

  test.each([...staffPages, '/console/data'])('a councillor gets 403 from GET %s', async (route) => {
    const browser = await signedIn('market');
    await browser.get('/console/casework');
    const response = await browser.get(route.replace('ID', ids.csa ?? 'x'));
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('Ada Constituent');
  });

  test.each(API_ROUTES)('a councillor gets 403 from the script’s %s', async (route) => {
    const browser = await signedIn('market');
    const response = await browser.get(route.replace('ID', 'x'), { accept: 'application/json' });
    expect(response.status).toBe(403);
  });

  test.each(staffForms)('a councillor gets 403 from POST %s (with a good CSRF token)', async (route) => {
    const browser = await signedIn('market');
    await browser.get('/console/casework');
    const response = await browser.post(route.replace('ID', ids.csa ?? 'x'), { status: 'resolved', role: 'csa' });
    expect(response.status).toBe(403);
  });

  test('the queue sends a councillor to their cases', async () => {
    const browser = await signedIn('market');
    const response = await browser.get('/console');
    expect(response).toMatchObject({ status: 303, location: '/console/casework' });
  });

  test('another councillor’s case is not found, cannot be updated and is not listed', async () => {
    const northgate = await signedIn('northgate');
    const reference = await raiseCase(northgate);
    const market = await signedIn('market');
    expect((await market.get(`/console/casework/cases/${reference}`)).status).toBe(404);
    await market.get('/console/casework');
    expect((await market.post(`/console/casework/cases/${reference}/updates`, { update: 'mine now' })).status).toBe(
      404,
    );
    expect((await market.get('/console/casework')).body).not.toContain(reference);
    const stored = await harness.app.requests.findByReference(reference);
    expect(stored?.statusHistory.map((change) => change.note)).not.toContain('mine now');
  });

  test('the staff API does not accept a councillor’s session', async () => {
    const browser = await signedIn('market');
    const reference = await raiseCase(browser);
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${harness.url}/api/requests/${reference}/status`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'resolved' }),
    });
    expect(response.status).toBe(401);
    expect((await harness.app.requests.findByReference(reference))?.status).toBe('submitted');
  });

  test('a councillor is never counted as a CSA free to chat', async () => {
    const before = await harness.app.presence.availableCount();
    await signedIn('market');
    expect(await harness.app.presence.availableCount()).toBe(before);
  });
});

describe('staff cannot act as a councillor', () => {
  test.each(['csa', 'lead'])('%s gets 403 from every casework page and form', async (key) => {
    const browser = await signedIn(key);
    await browser.get('/console/requests');
    for (const route of COUNCILLOR_PAGES) expect((await browser.get(route.replace('ID', 'x'))).status).toBe(403);
    for (const route of COUNCILLOR_FORMS) {
      expect((await browser.post(route.replace('ID', 'x'), { ...CASE, formId: 'abcdefgh12' })).status).toBe(403);
    }
  });

  test('a councillor’s account cannot become a staff account, or a CSA’s a councillor’s', async () => {
    const lead = await signedIn('lead');
    await lead.get(`/console/users/${ids.market}`);
    expect((await lead.post(`/console/users/${ids.market}/role`, { role: 'csa' })).status).toBe(400);
    expect((await lead.post(`/console/users/${ids.csa}/role`, { role: 'councillor' })).status).toBe(400);
    const users = harness.app.repositories.consoleUsers;
    expect((await users.findById(ids.market ?? ''))?.role).toBe('councillor');
    expect((await users.findById(ids.csa ?? ''))?.role).toBe('csa');
  });

  test('a councillor account needs a ward from the ward data', async () => {
    const lead = await signedIn('lead');
    await lead.get('/console/users/new');
    const form = { displayName: 'Councillor New', email: 'new.councillor@eastmere.example', role: 'councillor' };
    const noWard = await lead.post('/console/users', form);
    expect(noWard.status).toBe(400);
    expect(noWard.body).toContain('Choose the councillor’s ward');
    expect((await lead.post('/console/users', { ...form, wardId: 'atlantis' })).status).toBe(400);
    expect((await lead.post('/console/users', { ...form, wardId: 'riverside' })).status).toBe(201);
    const created = await harness.app.repositories.consoleUsers.findByEmail(form.email);
    expect(created).toMatchObject({ role: 'councillor', wardId: 'riverside', mustChangePassword: true });
  });
});

describe('consent and the audit log', () => {
  test('a case is not raised without the constituent’s consent, and nothing typed is lost', async () => {
    const browser = await signedIn('market');
    const before = await harness.app.repositories.requests.list({ requestType: 'member-enquiry', limit: 1000 });
    const page = await browser.get('/console/casework/new');
    const formId = /name="formId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const withoutConsent: Record<string, string> = { ...CASE };
    delete withoutConsent.consent;
    const response = await browser.post('/console/casework', { ...withoutConsent, formId });
    expect(response.status).toBe(400);
    expect(response.body).toContain('Confirm the constituent has agreed to us sharing their details');
    expect(response.body).toContain('value="Ada Constituent"');
    const after = await harness.app.repositories.requests.list({ requestType: 'member-enquiry', limit: 1000 });
    expect(after).toHaveLength(before.length);
    const refused = await harness.app.repositories.auditLog.list({ action: 'memberEnquiry.refused' });
    expect(refused[0]).toMatchObject({ actor: { kind: 'councillor', id: ids.market }, details: { consent: false } });
  });

  test('raising, reading, updating, the ward, staff changes and the councillor’s email are all audited', async () => {
    const browser = await signedIn('market');
    const reference = await raiseCase(browser);
    await browser.get(`/console/casework/cases/${reference}`);
    await browser.post(`/console/casework/cases/${reference}/updates`, { update: 'They rang again today.' });
    await browser.get('/console/casework/ward');
    expect((await browser.get('/console/callbacks')).status).toBe(403);
    const lead = await signedIn('lead');
    const staffView = await lead.get(`/console/requests/${reference}`);
    expect(staffView.body).toContain('Person market');
    expect((await lead.get('/console/requests')).body).toContain('Councillor enquiry from Person market');
    await lead.post(`/console/requests/${reference}/status`, { status: 'resolved', note: 'Cleared this morning.' });
    const reports = await lead.get('/console/reports?period=month');
    expect(reports.body).toContain('Councillors’ enquiries per month');

    const entries = await harness.app.repositories.auditLog.list({ subjectId: reference });
    expect(entries.map((entry) => entry.action).sort()).toEqual(
      [
        'memberEnquiry.councillorEmailed',
        'memberEnquiry.raised',
        'memberEnquiry.updateAdded',
        'memberEnquiry.viewed',
        'serviceRequest.statusChanged',
      ].sort(),
    );
    const raised = entries.find((entry) => entry.action === 'memberEnquiry.raised');
    expect(raised).toMatchObject({ actor: { kind: 'councillor', id: ids.market }, details: { consent: true } });
    expect(JSON.stringify(entries)).not.toMatch(/Ada|ada@example|Market Square|rang again/);
    const ward = await harness.app.repositories.auditLog.list({ action: 'memberEnquiry.wardViewed' });
    expect(ward[0]).toMatchObject({ actor: { id: ids.market }, details: { ward: 'market' } });
    const refusals = await harness.app.repositories.auditLog.list({ action: 'console.accessRefused' });
    expect(refusals[0]).toMatchObject({
      actor: { kind: 'councillor', id: ids.market },
      details: { audience: 'staff' },
    });

    const casePage = await browser.get(`/console/casework/cases/${reference}`);
    expect(casePage.body).toContain('Cleared this morning.');
    expect(casePage.body).toContain('They rang again today.');
    const stored = await harness.app.requests.findByReference(reference);
    expect(stored?.details.consent).toMatch(/^Agreed to sharing their details, recorded by the councillor at /);
  });
});
