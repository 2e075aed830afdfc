import { type Activity, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { ConversationData } from '../../dialogs/conversationData';
import { CheckRequestDialog, MAX_FAILED_STATUS_CHECKS } from '../../dialogs/requests/checkRequestDialog';
import {
  MAX_FAILED_LOOK_UPS_PER_ADDRESS,
  MAX_FAILED_LOOK_UPS_PER_REFERENCE,
  RequestDesk,
} from '../../src/requests/requestDesk';
import { createTestServices, metaOf, type TestServices } from '../support/testBot';

/**
 * The attack: the status check's five tries were per conversation, and a new conversation was free, so one address
 * could guess a reference's postcode at hundreds of tries a minute; each exhausted conversation also joined the CSA
 * queue.
 */
describe('guessing a status check’s proof across conversations', () => {
  let services: TestServices;
  let reference: string;
  beforeAll(async () => {
    services = await createTestServices();
    const submitted = await services.requests.submit({
      idempotencyKey: 'guess-test/1',
      requestType: 'missed-bin',
      conversationId: 'owner-conversation',
      answers: {
        postcode: { value: 'EM3 4QT', display: 'EM3 4QT' },
        address: { value: '7 Orchard Row', display: '7 Orchard Row' },
        bin: { value: 'Blue (recycling)', display: 'Blue (recycling)' },
        collectionDate: { value: '2026-05-04', display: 'Monday 4 May 2026' },
        binLocation: null,
        email: null,
      },
    });
    reference = submitted.request.reference;
  });

  function newConversation(storage = new MemoryStorage()): DialogTestClient {
    const conversationState = new ConversationState(storage);
    const data = conversationState.createProperty<ConversationData>('conversationData');
    return new DialogTestClient('directline', new CheckRequestDialog(services, data), undefined, [], conversationState);
  }

  async function say(client: DialogTestClient, text: string): Promise<Partial<Activity>[]> {
    const first: Partial<Activity> | undefined = await client.sendActivity(text);
    const replies = first ? [first] : [];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
    return replies;
  }

  async function check(client: DialogTestClient, proof: string): Promise<Partial<Activity>[]> {
    await say(client, 'check');
    await say(client, reference);
    return say(client, proof);
  }

  test('wrong proofs from many conversations lock the reference, and none of them joins the CSA queue', async () => {
    let guesses = 0;
    while (guesses < MAX_FAILED_LOOK_UPS_PER_REFERENCE) {
      const storage = new MemoryStorage();
      for (
        let attempt = 0;
        attempt < MAX_FAILED_STATUS_CHECKS && guesses < MAX_FAILED_LOOK_UPS_PER_REFERENCE;
        attempt++
      ) {
        const [reply] = await check(newConversation(storage), `EM9 ${guesses}ZZ`);
        expect(metaOf(reply ?? {}).action).toBe('requestNotFound');
        guesses++;
      }
      await say(newConversation(storage), 'check');
    }
    // A fresh conversation with the right postcode: the reference is locked for a while, whoever asks.
    const [locked] = await check(newConversation(), 'EM3 4QT');
    expect(metaOf(locked ?? {})).toMatchObject({ action: 'requestNotFound', attemptsLeft: 0 });
    expect(locked?.text).toMatch(/locked/);
    expect(services.handoff.requests).toEqual([]);
  });

  test('wrong proofs for many references from one address slow that address, not others', async () => {
    const desk = new RequestDesk({
      requests: services.repositories.requests,
      outbox: services.repositories.outbox,
      auditLog: services.repositories.auditLog,
      profile: () => services.knowledge.current().knowledge.profile,
      photoUrl: (link) => link,
      clock: () => new Date(),
      addressOf: (conversationId) => (conversationId.startsWith('guesser-') ? '2001:db8:9:9::/64' : '198.51.100.4'),
    });
    for (let guess = 0; guess < MAX_FAILED_LOOK_UPS_PER_ADDRESS; guess++) {
      const reference = `SR-${guess.toString(36).toUpperCase().padStart(8, 'Q')}`;
      expect(await desk.lookUp(reference, 'EM9 9ZZ', `guesser-${guess}`)).toEqual({ found: false, reason: 'noMatch' });
    }
    const owner = await services.requests.submit({
      idempotencyKey: 'guess-test/2',
      requestType: 'missed-bin',
      conversationId: 'owner-2',
      answers: {
        postcode: { value: 'EM5 6RS', display: 'EM5 6RS' },
        address: { value: '2 Mill Row', display: '2 Mill Row' },
        bin: { value: 'Blue (recycling)', display: 'Blue (recycling)' },
        collectionDate: { value: '2026-05-04', display: 'Monday 4 May 2026' },
        binLocation: null,
        email: null,
      },
    });
    const { reference } = owner.request;
    expect(await desk.lookUp(reference, 'EM5 6RS', 'guesser-next')).toEqual({ found: false, reason: 'tooManyTries' });
    expect(await desk.lookUp(reference, 'EM5 6RS', 'owner-2')).toMatchObject({ found: true });
  });
});
