import { addDays, londonInstant, londonTime } from '../../src/calendar/londonTime';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';
import type { CsaPresence } from '../../src/handoff/handoffDesk';
import { HandoffEvents } from '../../src/handoff/handoffEvents';
import type { HandoffRequest } from '../../src/handoff/handoffPort';
import { HandoffService } from '../../src/handoff/handoffService';
import type { ResidentMessenger } from '../../src/handoff/residentMessenger';
import { londonDate } from '../../src/calendar/londonTime';
import { MINUTE } from '../storage/support/testClock';
import { describeWithRepositories } from '../storage/support/withRepositories';
import { shippedKnowledge } from '../support/testBot';

class FakePresence implements CsaPresence {
  available = 1;
  async setAvailability(): Promise<void> {}
  async heartbeat(): Promise<void> {}
  async availableCount(): Promise<number> {
    return this.available;
  }
}

const messenger: ResidentMessenger = { notify: async () => ({ activityId: undefined }) };

function hours(text: string): ContactCentre {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return new ContactCentre(parsed.hours);
}

function requestFor(conversationId: string, extra: Partial<HandoffRequest> = {}): HandoffRequest {
  return {
    conversationId,
    channel: 'directline',
    reference: JSON.stringify({
      conversation: { id: conversationId },
      serviceUrl: 'urn:test',
      channelId: 'directline',
    }),
    reason: 'residentAsked',
    priority: 'normal',
    ...extra,
  };
}

/** The most recent Friday at 7pm London time: the contact centre has just closed for the weekend. */
function lastFridayEvening(now: Date): Date {
  let date = londonTime(now).date;
  for (let back = 0; back < 8; back++) {
    const candidate = londonInstant(date, 19 * 60);
    if (londonTime(candidate).weekday === 5 && candidate <= now) return candidate;
    date = addDays(date, -1);
  }
  throw new Error('no Friday in the last week');
}

describeWithRepositories('urgent conversations and safeguarding follow-ups', (context) => {
  let presence: FakePresence;

  async function service(contactCentre = hours('always')) {
    const { repositories, clock } = context();
    return new HandoffService({
      repositories,
      knowledge: await shippedKnowledge(),
      contactCentre,
      presence,
      events: eventsTellingResidents(),
      clock: clock.now,
      settings: { mode: 'console', maxWaitMinutes: 10 },
    });
  }

  beforeEach(() => {
    presence = new FakePresence();
  });

  test('in open hours an urgent conversation goes to the top of the queue, its kind in the brief', async () => {
    const { clock } = context();
    const handoff = await service();
    await handoff.request(requestFor('waiting-long'));
    clock.advance(5 * MINUTE);
    await handoff.request(requestFor('at-risk', { reason: 'urgent', priority: 'urgent', urgentCategory: 'abuse' }));
    const [first, second] = await handoff.queue();
    expect(first).toMatchObject({
      conversationId: 'at-risk',
      position: 1,
      priority: 'urgent',
      urgentCategory: 'abuse',
    });
    expect(second).toMatchObject({ conversationId: 'waiting-long', position: 2, priority: 'normal' });
    const view = await handoff.view(first?.sessionId ?? '');
    expect(view?.brief).toMatchObject({ urgentCategory: 'abuse', priority: 'urgent' });
    expect(view?.brief.reasonText).toMatch(/Flagged as: Domestic abuse/);
  });

  test('a conversation already waiting moves to the top when it turns urgent', async () => {
    const { clock } = context();
    const handoff = await service();
    await handoff.request(requestFor('first'));
    clock.advance(MINUTE);
    await handoff.request(requestFor('second'));
    await handoff.request(requestFor('second', { reason: 'urgent', priority: 'urgent', urgentCategory: 'child' }));
    const [first] = await handoff.queue();
    expect(first).toMatchObject({ conversationId: 'second', priority: 'urgent', urgentCategory: 'child' });
  });

  test('out of hours: a follow-up for the next opening, in the callbacks list with the brief, marked urgent', async () => {
    const { repositories, clock } = context();
    clock.set(lastFridayEvening(new Date()));
    const centre = hours('Mon-Fri 09:00-17:00');
    const handoff = await service(centre);
    const request = requestFor('friday-night', { reason: 'urgent', priority: 'urgent', urgentCategory: 'child' });
    expect(await handoff.request(request)).toMatchObject({ kind: 'closed' });
    const followUp = await handoff.recordSafeguardingFollowUp({ ...request, urgentCategory: 'child' });
    const { profile } = (await shippedKnowledge()).current().knowledge;
    const opening = centre.nextOpening(profile, clock.now());
    expect(followUp.dueAt).toEqual(opening);
    expect(opening && londonTime(opening).minutes).toBe(9 * 60);

    const stored = await repositories.requests.findByReference(followUp.reference);
    expect(stored).toMatchObject({
      requestType: 'callback',
      conversationId: 'friday-night',
      details: { safeguarding: 'child', topic: 'Safeguarding follow-up: A child at risk' },
      contact: {},
      responseDueBy: opening && londonDate(opening),
    });
    const sessionId = await handoff.sessionForRequest(followUp.reference);
    const view = await handoff.view(sessionId ?? '');
    expect(view?.item).toMatchObject({ state: 'callbackBooked', priority: 'urgent', urgentCategory: 'child' });

    const again = await handoff.recordSafeguardingFollowUp({ ...request, urgentCategory: 'child' });
    expect(again.reference).toBe(followUp.reference);
    const events = await repositories.analytics.list(new Date(0), new Date(Date.now() + MINUTE), [
      'safeguardingFollowUp',
    ]);
    expect(events).toMatchObject([{ kind: 'safeguardingFollowUp', urgentCategory: 'child' }]);
  });

  test('in open hours with nobody free, the conversation stays at the top of the queue and carries the follow-up', async () => {
    presence.available = 0;
    const handoff = await service();
    const request = requestFor('busy-day', { reason: 'urgent', priority: 'urgent', urgentCategory: 'gas' });
    expect(await handoff.request(request)).toMatchObject({ kind: 'queued', csasAvailable: 0, position: 1 });
    const followUp = await handoff.recordSafeguardingFollowUp({ ...request, urgentCategory: 'gas' });
    const [first] = await handoff.queue();
    expect(first).toMatchObject({ conversationId: 'busy-day', state: 'queued', priority: 'urgent' });
    expect(await handoff.sessionForRequest(followUp.reference)).toBe(first?.sessionId);
  });
});

function eventsTellingResidents(): HandoffEvents {
  const events = new HandoffEvents();
  events.tellResidentsThrough(messenger);
  return events;
}
