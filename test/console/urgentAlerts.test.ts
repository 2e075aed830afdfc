import type { QueueItem } from '../../src/handoff/handoffDesk';
import { renderQueueContent } from '../../src/console/views/queuePage';
import { renderCallbacksPage } from '../../src/console/views/requestsPages';
import type { PageFrame } from '../../src/console/views/layout';
import type { ServiceRequest } from '../../src/storage/repositories/requestRepository';

const frame: PageFrame = {
  councilName: 'Eastmere District Council',
  assetBase: '/console/assets/test',
  user: { displayName: 'Sam Patel', role: 'csa' },
  csrfToken: 'token',
};
const now = new Date('2026-12-04T10:00:00Z');

function waiting(sessionId: string, extra: Partial<QueueItem>): QueueItem {
  return {
    sessionId,
    conversationId: `conv-${sessionId}`,
    state: 'queued',
    priority: 'normal',
    reason: 'residentAsked',
    topic: 'General enquiries',
    team: 'Customer services',
    queuedAt: new Date(now.getTime() - 60_000),
    residentMessagesSinceHandoff: 0,
    ...extra,
  };
}

function callback(reference: string, details: Record<string, string>): ServiceRequest {
  return {
    _id: reference,
    reference,
    idempotencyKey: reference,
    requestType: 'callback',
    status: 'submitted',
    statusHistory: [{ status: 'submitted', at: now, by: 'bot' }],
    details,
    contact: {},
    createdAt: now,
    updatedAt: now,
  };
}

describe('the console makes urgent conversations impossible to miss', () => {
  test('the queue shows an alert and the kind of emergency on the row', () => {
    const items = [
      waiting('urgent-1', { priority: 'urgent', reason: 'urgent', urgentCategory: 'child', position: 1 }),
      waiting('normal-1', { position: 2 }),
    ];
    const page = renderQueueContent(frame, { items, me: { id: 'csa-sam', availability: 'available' }, now }).toString();
    expect(page).toMatch(/role="alert"/);
    expect(page).toMatch(/A resident may be at risk \(possible emergency: a child at risk\)/);
    expect(page).toMatch(/Possible emergency: A child at risk/);
  });

  test('a queue without urgent conversations has no alert', () => {
    const items = [waiting('normal-1', { position: 1 })];
    const page = renderQueueContent(frame, { items, me: { id: 'csa-sam', availability: 'available' }, now }).toString();
    expect(page).not.toMatch(/role="alert"/);
  });

  test('a safeguarding follow-up in the callbacks list is marked urgent', () => {
    const page = renderCallbacksPage(frame, {
      callbacks: [
        callback('SR-FOLLOW', { topic: 'Safeguarding follow-up: A child at risk', safeguarding: 'child' }),
        callback('SR-PLAIN', { topic: 'Council tax', preferredTime: 'Any time' }),
      ],
    });
    expect(page).toMatch(/Urgent: A child at risk<\/strong> Safeguarding follow-up/);
    expect(page.match(/Urgent: /g)).toHaveLength(1);
  });
});
