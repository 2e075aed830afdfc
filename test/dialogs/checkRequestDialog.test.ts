import { type Activity, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { ConversationData } from '../../dialogs/conversationData';
import type { ConversationServices } from '../../dialogs/conversationServices';
import { CheckRequestDialog, MAX_FAILED_STATUS_CHECKS } from '../../dialogs/requests/checkRequestDialog';
import type { Repositories } from '../../src/storage/repositories/openRepositories';
import { createTestServices, metaOf } from '../support/testBot';

let services: ConversationServices & { repositories: Repositories };
let reference: string;
let emailOnly: string;
let locationOnly: string;

beforeAll(async () => {
  services = await createTestServices();
  const missedBin = await services.requests.submit({
    idempotencyKey: 'status-test/1',
    requestType: 'missed-bin',
    conversationId: 'status-test',
    answers: {
      postcode: { value: 'EM1 1AA', display: 'EM1 1AA' },
      address: { value: '12 Mill Lane', display: '12 Mill Lane' },
      bin: { value: 'Blue (recycling)', display: 'Blue (recycling)' },
      collectionDate: { value: '2026-05-04', display: 'Monday 4 May 2026' },
      binLocation: null,
      email: null,
    },
  });
  reference = missedBin.request.reference;
  await services.requests.updateStatus({
    reference,
    status: 'inProgress',
    note: 'A crew is booked for Thursday',
    actor: { kind: 'operator', id: 'waste-team' },
  });
  const flyTipping = await services.requests.submit({
    idempotencyKey: 'status-test/2',
    requestType: 'fly-tipping',
    conversationId: 'status-test',
    answers: {
      location: { value: 'Back lane', display: 'Back lane' },
      postcode: null,
      email: { value: 'sam@example.org', display: 'sam@example.org' },
    },
  });
  emailOnly = flyTipping.request.reference;
  const postcodeInLocation = await services.requests.submit({
    idempotencyKey: 'status-test/3',
    requestType: 'fly-tipping',
    conversationId: 'status-test',
    answers: {
      location: { value: '12 High Street, Eastmere SG6 3JF', display: '12 High Street, Eastmere SG6 3JF' },
      postcode: null,
      email: null,
    },
  });
  locationOnly = postcodeInLocation.request.reference;
});

function newClient(storage = new MemoryStorage(), options?: unknown): DialogTestClient {
  const conversationState = new ConversationState(storage);
  const data = conversationState.createProperty<ConversationData>('conversationData');
  return new DialogTestClient('directline', new CheckRequestDialog(services, data), options, [], conversationState);
}

async function say(client: DialogTestClient, text: string): Promise<Partial<Activity>[]> {
  const first: Partial<Activity> | undefined = await client.sendActivity(text);
  const replies = first ? [first] : [];
  for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
  return replies;
}

describe('checking a request', () => {
  test('the reference (as typed, with slips) and the postcode give the status and its history', async () => {
    const client = newClient();
    const [askReference] = await say(client, 'check my request');
    expect(metaOf(askReference ?? {})).toMatchObject({ action: 'prompt', field: 'reference' });
    const [askProof] = await say(client, reference.toLowerCase().replace('-', ' '));
    expect(metaOf(askProof ?? {})).toMatchObject({ action: 'prompt', field: 'proof' });
    const [status] = await say(client, 'em11aa');
    expect(metaOf(status ?? {})).toMatchObject({ action: 'requestStatus', reference, status: 'inProgress' });
    expect(status?.text).toMatch(/In progress/);
    expect(status?.text).toMatch(/Received/);
    expect(status?.text).toMatch(/A crew is booked for Thursday/);
  });

  test('a postcode the resident wrote in the location works as the proof', async () => {
    const client = newClient();
    await say(client, 'check my request');
    await say(client, locationOnly);
    const [status] = await say(client, 'sg63jf');
    expect(metaOf(status ?? {})).toMatchObject({ action: 'requestStatus', reference: locationOnly });
  });

  test('the email address given with the request works as the proof', async () => {
    const client = newClient();
    await say(client, 'check my request');
    await say(client, emailOnly);
    const [status] = await say(client, ' Sam@Example.org ');
    expect(metaOf(status ?? {})).toMatchObject({ action: 'requestStatus', reference: emailOnly, status: 'submitted' });
  });

  test('a wrong postcode and an unknown reference get the same answer', async () => {
    const wrongPostcode = newClient();
    await say(wrongPostcode, 'check');
    await say(wrongPostcode, reference);
    const [first] = await say(wrongPostcode, 'EM9 9ZZ');
    const unknownReference = newClient();
    await say(unknownReference, 'check');
    await say(unknownReference, 'SR-00000000');
    const [second] = await say(unknownReference, 'EM1 1AA');
    expect(metaOf(first ?? {}).action).toBe('requestNotFound');
    expect(second?.text).toBe(first?.text);
    expect(JSON.stringify(second)).not.toContain(reference);
  });

  test('a malformed reference or proof is asked for again', async () => {
    const client = newClient();
    await say(client, 'check');
    const [retry] = await say(client, 'my bin one');
    expect(metaOf(retry ?? {})).toMatchObject({ action: 'prompt', field: 'reference', retry: true });
    expect(retry?.text).toMatch(/SR-7K3M9QXA/);
    await say(client, reference);
    const [proofRetry] = await say(client, 'somewhere');
    expect(metaOf(proofRetry ?? {})).toMatchObject({ action: 'prompt', field: 'proof', retry: true });
  });

  test('a reference given up front is not asked for again', async () => {
    const client = newClient(new MemoryStorage(), { prefill: { reference } });
    const [ask] = await say(client, `what is happening with ${reference}`);
    expect(metaOf(ask ?? {})).toMatchObject({ action: 'prompt', field: 'proof' });
  });

  test(`after ${MAX_FAILED_STATUS_CHECKS} failed checks in a conversation, the phone and a person are offered`, async () => {
    const storage = new MemoryStorage();
    for (let attempt = 0; attempt < MAX_FAILED_STATUS_CHECKS; attempt++) {
      const client = newClient(storage);
      await say(client, 'check');
      await say(client, reference);
      const [notFound] = await say(client, 'EM9 9ZZ');
      expect(metaOf(notFound ?? {})).toMatchObject({ attemptsLeft: MAX_FAILED_STATUS_CHECKS - attempt - 1 });
    }
    const replies = await say(newClient(storage), 'check');
    expect(replies).toHaveLength(1);
    expect(metaOf(replies[0] ?? {})).toMatchObject({ action: 'requestNotFound', attemptsLeft: 0 });
    expect(replies[0]?.suggestedActions?.actions.map((action) => action.title)).toContain('Talk to a person');
  });
});
