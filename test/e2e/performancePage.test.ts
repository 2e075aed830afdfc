import type { Browser } from 'playwright-core';
import { periodContaining } from '../../src/figures/periods';
import type { Answers } from '../../src/requests/requestFields';
import type { RequestType } from '../../src/requests/requestTypes';
import { seriousViolations } from '../support/accessibility';
import { launchChromium } from '../support/browser';
import { type ConsoleHarness, startConsole } from '../support/consoleHarness';

jest.setTimeout(120_000);

/** What a resident gave, which must never reach the public page. */
const RESIDENT = {
  name: 'Zebediah Quartermaine',
  email: 'zebediah.quartermaine@example.org',
  postcode: 'EM7 3QX',
  phone: '01632 960457',
  street: '14 Quartermaine Close',
};
const CONVERSATIONS = [
  'conv-7f3a9c1e',
  'conv-b81d22f0',
  'conv-c3e4a5d6',
  'conv-d9e8f7a6',
  'conv-e1f2a3b4',
  'conv-f5e6d7c8',
];

const answer = (value: string) => ({ value, display: value });

describe('the public performance page', () => {
  let harness: ConsoleHarness;
  let browser: Browser;
  const references: string[] = [];

  beforeAll(async () => {
    harness = await startConsole();
    const { app } = harness;
    const record = app.repositories.analytics.record.bind(app.repositories.analytics);
    // Six conversations: five answered, one not understood that asks for a person.
    for (const [index, conversationId] of CONVERSATIONS.entries()) {
      await record({ kind: 'message', conversationId, channel: 'directline' });
      if (index < 5) await record({ kind: 'reply', conversationId, action: 'answer', articleId: 'council-tax-bands' });
      else {
        await record({ kind: 'reply', conversationId, action: 'noMatch' });
        await record({
          kind: 'handoffRequested',
          conversationId,
          reason: 'residentAsked',
          service: 'Council tax',
          outcome: 'queued',
        });
        await record({ kind: 'handoffAccepted', conversationId, service: 'Council tax', waitMs: 120_000 });
      }
    }
    await record({
      kind: 'feedback',
      conversationId: CONVERSATIONS[0],
      articleId: 'council-tax-bands',
      helpful: false,
    });

    // Five requests full of personal details, each answered at once by staff with a note naming the resident.
    const requests: Array<[RequestType, Answers]> = [
      [
        'noise',
        {
          source: answer('Music or parties'),
          location: answer(RESIDENT.street),
          postcode: answer(RESIDENT.postcode),
          when: answer('Most nights'),
          name: answer(RESIDENT.name),
          contactBy: answer('Email'),
          phone: null,
          email: answer(RESIDENT.email),
        },
      ],
      [
        'callback',
        {
          topic: answer(`Council tax arrears for ${RESIDENT.name} at ${RESIDENT.postcode}`),
          name: answer(RESIDENT.name),
          contactBy: answer('Phone'),
          phone: answer(RESIDENT.phone),
          email: null,
          preferredTime: answer('Weekday mornings'),
        },
      ],
      ...[1, 2, 3].map((n): [RequestType, Answers] => [
        'missed-bin',
        {
          postcode: answer(RESIDENT.postcode),
          address: answer(`${n} Quartermaine Close`),
          bin: answer('Blue (recycling)'),
          collectionDate: answer('2026-11-20'),
          binLocation: null,
          email: answer(RESIDENT.email),
        },
      ]),
    ];
    for (const [index, [requestType, answers]] of requests.entries()) {
      const submitted = await app.requests.submit({
        idempotencyKey: `performance-${index}`,
        requestType,
        conversationId: CONVERSATIONS[index],
        answers,
      });
      references.push(submitted.request.reference);
      await app.requests.updateStatus({
        reference: submitted.request.reference,
        status: 'resolved',
        note: `Spoke to ${RESIDENT.name} on ${RESIDENT.phone}`,
        actor: { kind: 'operator', id: 'waste-team' },
      });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('shows the figures against the standards, accessibly, with no personal data', async () => {
    const now = harness.clock.now();
    const month = `${periodContaining('month', now).label} (so far)`;
    const week = `${periodContaining('week', now).label} (so far)`;
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(`${harness.url}/performance`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('public, max-age=300');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { name: 'How we are doing', level: 1 }).waitFor();
    await expect(page.title()).resolves.toBe('How we are doing – Eastmere District Council');

    const row = async (caption: string, header: string) =>
      (
        await page
          .getByRole('table', { name: caption, exact: true })
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: header, exact: true }) })
          .getByRole('cell')
          .allTextContents()
      ).map((text) => text.trim());
    expect(await row('Conversations with the online assistant, by month', month)).toEqual(['6', '5', '83.3%', '83.3%']);
    expect(await row('Reports, requests and callbacks, by month', month)).toEqual([
      '5',
      '5',
      '0',
      '0',
      '100%',
      '1',
      'Too few to show',
    ]);
    expect(await row('Conversations passed to our team, by month', month)).toEqual([
      '1',
      '0',
      'Too few to show',
      'Too few to show',
      'Too few to show',
    ]);
    expect(await row('Ratings and feedback, by month', month)).toEqual(['0', 'no data', '1', 'Too few to show']);
    // Councillors' enquiries, under "Take responsibility": none made, so counts of 0 and no share.
    expect(await row('Councillors’ enquiries, by month', month)).toEqual(['0', '0', '0', '0', 'no data']);
    await page.getByText('Our standard: Take responsibility or find the right person to help.').waitFor();
    expect(await page.locator('main svg.figures-chart[role="img"]').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);

    // Week by week, behind "details" (works without script).
    await page.locator('summary', { hasText: 'Reports, requests and callbacks, by week' }).click();
    expect(await row('Reports, requests and callbacks, by week', week)).toEqual([
      '5',
      '5',
      '0',
      '0',
      '100%',
      '1',
      'Too few to show',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    const markup = await page.content();
    const served = await (await fetch(`${harness.url}/performance`)).text();
    for (const text of [markup, served]) {
      for (const secret of [
        'Zebediah',
        'Quartermaine',
        RESIDENT.email,
        'zebediah',
        RESIDENT.postcode,
        RESIDENT.postcode.replace(' ', ''),
        RESIDENT.phone,
        RESIDENT.phone.replace(/\s/g, ''),
        'Music or parties',
        'arrears',
        'Spoke to',
        'council-tax-bands',
        'Council tax bands',
        ...references,
        ...CONVERSATIONS,
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/SR-[0-9A-Z]{8}/);
    }
  });

  test('is computed again once the cache has expired', async () => {
    const first = await (await fetch(`${harness.url}/performance`)).text();
    await harness.app.repositories.analytics.record({ kind: 'message', conversationId: 'conv-late-1' });
    expect(await (await fetch(`${harness.url}/performance`)).text()).toBe(first);
    harness.clock.advance(301_000);
    const later = await (await fetch(`${harness.url}/performance`)).text();
    expect(later).not.toBe(first);
    expect(later).toMatch(/<th scope="row">[^<]+\(so far\)<\/th>\s*<td>7<\/td>/);
  });
});
