import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { RequestDialog } from '../../dialogs/requests/requestDialog';
import { createRequestDialogs } from '../../dialogs/requests/requestDialogs';
import { REQUEST_DEFINITIONS, REQUEST_TYPES, type RequestType } from '../../src/requests/requestTypes';
import { FakeHandoffPort } from '../support/fakeHandoffPort';
import { buttonsOf, createTestServices, metaOf, type TestServices } from '../support/testBot';
import { SCRIPTS, type ScriptStep } from './requestDialogScripts';

const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
beforeEach(() => {
  services.handoff = new FakeHandoffPort();
});

/** A resident's side of one request dialog, turn by turn. */
class Resident {
  readonly client: DialogTestClient;

  constructor(readonly requestType: RequestType) {
    const dialog: RequestDialog = createRequestDialogs(services)[requestType];
    this.client = new DialogTestClient('directline', dialog);
  }

  /** Sends a message; resolves with every reply to it. */
  async say(message: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const first: Partial<Activity> | undefined = await this.client.sendActivity(message);
    const replies = first ? [first] : [];
    for (let next = this.client.getNextReply(); next; next = this.client.getNextReply()) replies.push(next);
    return replies;
  }

  /** Starts the dialog; resolves with its first question. */
  async start(): Promise<Partial<Activity>> {
    return last(await this.say('start'));
  }

  /** Answers the script's questions up to (not including) `field`; resolves with the last reply. */
  async answerUntil(field: string | undefined): Promise<Partial<Activity>> {
    let reply = await this.start();
    for (const step of SCRIPTS[this.requestType]) {
      if (step.field === field) break;
      reply = last(await this.say(step.answer));
    }
    return reply;
  }

  get status(): string {
    return this.client.dialogTurnResult.status;
  }
}

function last(replies: Partial<Activity>[]): Partial<Activity> {
  const reply = replies.at(-1);
  if (!reply) throw new Error('the bot did not reply');
  return reply;
}

function expectPrompt(reply: Partial<Activity>, field: string, retry = false): void {
  expect(metaOf(reply)).toMatchObject({ action: 'prompt', field, retry });
}

const byType = REQUEST_TYPES.map((type) => [type] as const);
const invalidCases = REQUEST_TYPES.flatMap((type) =>
  SCRIPTS[type].flatMap((step) => step.invalid.map((invalid) => [type, step.field, invalid] as const)),
);
const optionalCases = REQUEST_TYPES.flatMap((type) =>
  SCRIPTS[type].filter((step) => step.optional).map((step) => [type, step.field] as const),
);
const requiredCases = REQUEST_TYPES.map((type) => {
  const required = SCRIPTS[type].find((step) => !step.optional) as ScriptStep;
  return [type, required.field] as const;
});

describe.each(byType)('the %s dialog', (requestType) => {
  const script = SCRIPTS[requestType];
  const definition = REQUEST_DEFINITIONS[requestType];

  test('happy path: each question in turn, a summary, then the request is stored with a reference', async () => {
    const resident = new Resident(requestType);
    const first = await resident.start();
    expect(first.text).toContain(definition.intro);
    for (const [index, step] of script.entries()) {
      const asked = index === 0 ? first : undefined;
      if (asked) expectPrompt(asked, step.field);
      const [reply] = await resident.say(step.answer);
      const next = script[index + 1];
      if (next) expectPrompt(reply ?? {}, next.field);
      else {
        expect(metaOf(reply ?? {})).toMatchObject({ action: 'requestSummary', requestType });
        expect(buttonsOf(reply ?? {})).toEqual(['Yes, send it', 'Change something', 'Cancel']);
        for (const shownStep of script) if (shownStep.shown) expect(reply?.text).toContain(shownStep.shown);
      }
    }
    const [confirmation] = await resident.say('Yes, send it');
    const meta = metaOf(confirmation ?? {});
    expect(meta).toMatchObject({ action: 'requestSubmitted', requestType, alreadySubmitted: false });
    expect(meta.reference).toMatch(/^SR-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(meta.responseDueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(confirmation?.text).toContain(String(meta.reference));
    expect(resident.status).toBe('complete');
    const stored = await services.repositories.requests.findByReference(String(meta.reference));
    expect(stored).toMatchObject({ requestType, status: 'submitted', responseDueBy: meta.responseDueBy });
  });

  test('changing one answer at the summary, then back to the summary and sending', async () => {
    const resident = new Resident(requestType);
    await resident.answerUntil(undefined);
    const [which] = await resident.say('Change something');
    expectPrompt(which ?? {}, 'change');
    const target = script.find((step) => typeof step.answer === 'string' && step.field !== 'contactBy') as ScriptStep;
    const label = definition.fields.find((field) => field.id === target.field)?.label ?? '';
    expect(buttonsOf(which ?? {})).toContain(label);
    const [asked] = await resident.say(label);
    expectPrompt(asked ?? {}, target.field);
    expect(asked?.text).toMatch(/Your answer was/);
    const replacement = alternativeAnswer(target);
    const [summary] = await resident.say(replacement.answer);
    expect(metaOf(summary ?? {})).toMatchObject({ action: 'requestSummary' });
    expect(summary?.text).toContain(replacement.shown);
    const [confirmation] = await resident.say('Yes, send it');
    const stored = await services.repositories.requests.findByReference(String(metaOf(confirmation ?? {}).reference));
    expect(JSON.stringify(stored)).toContain(replacement.stored);
  });

  test('cancel part-way ends the dialog and stores nothing', async () => {
    const stored = async () =>
      (await services.repositories.requests.listInStatus('submitted', FAR_FUTURE, 1000)).length;
    const before = await stored();
    const resident = new Resident(requestType);
    await resident.answerUntil(script[2]?.field);
    const [reply] = await resident.say('cancel');
    expect(metaOf(reply ?? {}).action).toBe('cancelled');
    expect(resident.status).toBe('complete');
    expect(await stored()).toBe(before);
  });

  test('an interruption mid-way (help, then an emergency) keeps the dialog at the same question', async () => {
    const resident = new Resident(requestType);
    const second = script[1] as ScriptStep;
    await resident.answerUntil(second.field);
    const helped = await resident.say('help');
    expect(helped.map((reply) => metaOf(reply).action)).toEqual(['help', 'prompt']);
    expectPrompt(helped[1] ?? {}, second.field);
    const [urgent] = await resident.say('there is a fire in the flat next door');
    expect(metaOf(urgent ?? {})).toMatchObject({ action: 'urgent', urgent: true });
    const [next] = await resident.say(second.answer);
    expectPrompt(next ?? {}, (script[2] as ScriptStep).field);
  });
});

const handingOffWhenStuck = byType.filter(([type]) => REQUEST_DEFINITIONS[type].whenStuck !== 'offerAnotherWay');

describe.each(handingOffWhenStuck)('the %s dialog, stuck at a question', (requestType) => {
  const script = SCRIPTS[requestType];

  test('two bad answers in a row at one question hand the conversation to a person', async () => {
    const resident = new Resident(requestType);
    const step = script.find((candidate) => candidate.invalid.length > 0) as ScriptStep;
    await resident.answerUntil(step.field);
    const [firstRetry] = await resident.say(step.invalid[0] ?? '');
    expectPrompt(firstRetry ?? {}, step.field, true);
    const second = await resident.say(step.invalid[0] ?? '');
    expect(second.map((reply) => metaOf(reply).action)).toEqual(['handoff']);
    expect(metaOf(second[0] ?? {})).toMatchObject({ handoffState: 'queued', reason: 'repeatedInvalidAnswers' });
    expect(services.handoff.requests.at(-1)).toMatchObject({ reason: 'repeatedInvalidAnswers' });
  });

  test('out of hours, two bad answers offer the other routes and ask again', async () => {
    services.handoff.next = { kind: 'closed', nextOpening: undefined };
    const resident = new Resident(requestType);
    const step = script.find((candidate) => candidate.invalid.length > 0) as ScriptStep;
    await resident.answerUntil(step.field);
    await resident.say(step.invalid[0] ?? '');
    const second = await resident.say(step.invalid[0] ?? '');
    expect(second.map((reply) => metaOf(reply).action)).toEqual(['handoff', 'prompt']);
    expect(second[0]?.text).toMatch(/customer\.services@eastmere\.example/);
    expectPrompt(second[1] ?? {}, step.field, true);
  });
});

test.each(invalidCases)('%s: "%s" refuses %j and asks again with the reason', async (requestType, field, invalid) => {
  const resident = new Resident(requestType);
  await resident.answerUntil(field);
  const [retry] = await resident.say(invalid);
  expectPrompt(retry ?? {}, field, true);
  const question = REQUEST_DEFINITIONS[requestType].fields.find((candidate) => candidate.id === field)?.question;
  expect(retry?.text).toContain(question);
  expect((retry?.text ?? '').length).toBeGreaterThan((question ?? '').length + 10);
  const step = SCRIPTS[requestType].find((candidate) => candidate.field === field) as ScriptStep;
  const [next] = await resident.say(step.answer);
  expect(metaOf(next ?? {}).field).not.toBe(field);
});

test.each(optionalCases)('%s: "%s" accepts "I don\'t know"', async (requestType, field) => {
  const resident = new Resident(requestType);
  await resident.answerUntil(field);
  const [next] = await resident.say("I don't know");
  expect(metaOf(next ?? {}).field).not.toBe(field);
  const script = SCRIPTS[requestType];
  const after = script.slice(script.findIndex((step) => step.field === field) + 1);
  let reply = next ?? {};
  for (const step of after) reply = last(await resident.say(step.answer));
  expect(metaOf(reply)).toMatchObject({ action: 'requestSummary' });
  const label = REQUEST_DEFINITIONS[requestType].fields.find((candidate) => candidate.id === field)?.label;
  expect(reply.text).toContain(`**${label}:** Not known`);
});

test.each(requiredCases)('%s: the required "%s" does not accept "I don\'t know"', async (requestType, field) => {
  const resident = new Resident(requestType);
  await resident.answerUntil(field);
  const [retry] = await resident.say("I don't know");
  expectPrompt(retry ?? {}, field, true);
  expect(retry?.text).toMatch(/need an answer/);
});

/** Another valid answer to a question, how the summary shows it, and how it is stored. */
function alternativeAnswer(step: ScriptStep): { answer: string; shown: string; stored: string } {
  const alternatives: Record<string, { answer: string; shown: string; stored: string }> = {
    postcode: { answer: 'ZZ9 9ZZ', shown: 'ZZ9 9ZZ', stored: 'ZZ9 9ZZ' },
    location: { answer: 'Corner of Low Street', shown: 'Corner of Low Street', stored: 'Corner of Low Street' },
    problem: { answer: 'Litter', shown: 'Litter', stored: 'Litter' },
    bin: { answer: 'Brown', shown: 'Brown (garden waste)', stored: 'Brown (garden waste)' },
    source: { answer: 'Alarm', shown: 'Alarm', stored: 'Alarm' },
    topic: { answer: 'Housing', shown: 'Housing', stored: 'Housing' },
  };
  const alternative = alternatives[step.field];
  if (!alternative) throw new Error(`no alternative answer for ${step.field}`);
  return alternative;
}

describe('the callback form', () => {
  const answerUntilPhone = async (resident: Resident) => {
    await resident.start();
    await resident.say('Council tax');
    await resident.say('Sam Resident');
    return last(await resident.say('Phone'));
  };

  test('accepts the phone number its own example gives', async () => {
    const resident = new Resident('callback');
    const question = await answerUntilPhone(resident);
    expectPrompt(question, 'phone');
    const [refused] = await resident.say('12345');
    const example = /like ([0-9 ]{11,13})\b/.exec(refused?.text ?? '')?.[1];
    expect(example).toBeDefined();
    const [next] = await resident.say(example ?? '');
    expectPrompt(next ?? {}, 'preferredTime');
  });

  test.each(['01632 960000', '07700 900123', '+44 7700 900123', '0113 496 0000'])('accepts %s', async (number) => {
    const resident = new Resident('callback');
    await answerUntilPhone(resident);
    const [next] = await resident.say(number);
    expectPrompt(next ?? {}, 'preferredTime');
  });

  test('after two numbers it cannot read, it offers email and the number to ring, never a handoff', async () => {
    services.handoff.next = { kind: 'closed', nextOpening: undefined };
    const resident = new Resident('callback');
    await answerUntilPhone(resident);
    await resident.say('call me');
    const second = await resident.say('not sure of it');
    expect(second.map((reply) => metaOf(reply).action)).toEqual(['prompt']);
    expectPrompt(second[0] ?? {}, 'email');
    expect(second[0]?.text).toMatch(/email you instead/);
    expect(second[0]?.text).toMatch(/01632 960000/);
    expect(services.handoff.requests).toEqual([]);
    const [next] = await resident.say('sam@example.org');
    expectPrompt(next ?? {}, 'preferredTime');
    const summary = last(await resident.say('Any time'));
    expect(summary.text).toContain('**Contact by:** Email');
  });

  test('names the request once: "your callback request", not "callback request request"', async () => {
    const resident = new Resident('callback');
    let reply = await resident.start();
    for (const step of SCRIPTS.callback) reply = last(await resident.say(step.answer));
    expect(reply.text).toContain('Please check your callback request:');
    const sent = await resident.say('Yes, send it');
    const text = sent.map((activity) => activity.text).join('\n');
    expect(text).toContain('your callback request has been sent');
    expect(text).not.toMatch(/request request/);
  });
});

describe('a postcode already given', () => {
  test('fly-tipping: a location with a postcode in it answers the postcode question too', async () => {
    const resident = new Resident('fly-tipping');
    await resident.start();
    const [next] = await resident.say('12 High Street, Eastmere SG6 3JF');
    expectPrompt(next ?? {}, 'waste');
    let reply = next ?? {};
    for (const step of SCRIPTS['fly-tipping'].slice(2)) reply = last(await resident.say(step.answer));
    expect(reply.text).toContain('**Postcode:** SG6 3JF');
  });

  test('a location without a postcode still asks for one', async () => {
    const resident = new Resident('fly-tipping');
    await resident.start();
    const [next] = await resident.say('Back lane behind the garages');
    expectPrompt(next ?? {}, 'postcode');
  });
});
