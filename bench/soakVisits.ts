import { HELPFUL_NO, HELPFUL_YES, REPORT_IT_NOW } from '../dialogs/replies/answerReply';
import { CONFIRM_BUTTON } from '../dialogs/replies/requestReplies';
import type { RequestType } from '../src/requests/requestTypes';
import type { BotReply } from './residentConnection';

/** Uniform in [0, 1): seeded, so a soak's mix of visits can be repeated. */
export type Random = () => number;

/** mulberry32: a small, fast seeded generator (statistical quality is ample for choosing what residents say). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A turn whose reply was not one of those expected: the visit cannot carry on sensibly. */
export class UnexpectedReply extends Error {}

/** What a visit does with the conversation: say something (after thinking) and expect one of these actions back. */
export interface VisitTurns {
  random: Random;
  say(text: string, expected: readonly string[]): Promise<BotReply>;
}

export type VisitKind = 'questions' | 'clarification' | 'request' | 'smallTalk';

/** One resident's visit to the chat, start to finish, in one conversation. */
export type Visit = (turns: VisitTurns) => Promise<void>;

/** Questions the knowledge base answers outright (a clarification is accepted too: the knowledge base changes). */
const QUESTIONS = [
  'what day are the bins collected',
  'how do I pay my council tax',
  'where is the nearest tip',
  'how do I apply for a parking permit',
  'can I get a single person discount on council tax',
  'when is the garden waste collected',
  'how do I register to vote',
  'what can I put in my recycling bin',
  'how do I get a bulky item collected',
  'I got a parking ticket how do I appeal',
  'do I need planning permission for a fence',
  'how do I join the housing register',
  'what are the opening times of the leisure centre',
  'there are rats in my garden',
  'the street light outside my house is broken',
  'how do I report a pothole',
  'how do I apply for housing benefit',
  "I'm moving house what about council tax",
  'what council tax band is my house in',
];
/** One or two words that fit several articles: the bot asks which one, with buttons. */
const AMBIGUOUS = ['parking', 'council tax', 'bins', 'licence', 'planning'];
const GREETINGS = ['hello', 'hi there', 'good morning'];
const SMALL_TALK = ['who are you', 'what can you do', 'are you a real person'];
const GOODBYES = ['bye', 'goodbye'];
const NONE_OF_THESE = 'None of these';

/** How residents start each request: saying so, or asking about it first and choosing "Report it now". */
const REQUEST_STARTS: Record<RequestType, { weight: number; say: string[]; askFirst?: string }> = {
  'missed-bin': {
    weight: 30,
    say: ['I want to report a missed bin', 'my bin was not collected, report it'],
    askFirst: "my bin wasn't collected",
  },
  'new-bin': {
    weight: 15,
    say: ['I need a new bin', 'I would like to order a replacement bin'],
    askFirst: 'my bin is broken',
  },
  'fly-tipping': {
    weight: 15,
    say: ['report fly tipping', 'I want to report dumped rubbish'],
    askFirst: 'how do I report fly tipping',
  },
  'street-cleansing': {
    weight: 12,
    say: ['I want to report graffiti', 'report litter'],
    askFirst: 'there is graffiti on the bus shelter',
  },
  callback: { weight: 12, say: ['can someone call me back', 'please call me back'] },
  noise: { weight: 8, say: ['I want to report noise from my neighbours'], askFirst: 'noise' },
  'abandoned-vehicle': {
    weight: 8,
    say: ['report an abandoned car'],
    askFirst: 'there is an abandoned car on my street',
  },
};

/** Typed answers by form question; questions not here are answered with one of the reply's buttons. */
const TYPED: Record<string, string[]> = {
  postcode: ['EM1 1AA', 'EM2 3CD', 'EM3 4EF', 'em4 5gh', 'EM1 2AB'],
  address: ['12 Mill Lane', '3 Church Street', 'Rose Cottage, Station Road', '41 Park Avenue'],
  location: ['Back lane behind 4 Mill Road', 'Bus shelter on Station Road', 'Outside 9 Park Avenue'],
  vehicle: ['Silver Ford Focus', 'Blue Vauxhall Corsa', 'white van'],
  registration: ['AB12 CDE', 'XY63 ZZA'],
  name: ['Sam Resident', 'Alex Taylor', 'Priya Shah'],
  phone: ['0113 496 0000', '0161 496 0123', '020 7946 0321'],
  email: ['sam.resident@example.org', 'alex.taylor@example.com', 'p.shah@example.net'],
  description: ['Tags all over the glass', 'A lot of litter around the bins', 'On the wall by the shop'],
  // The address step (a missed bin): postcodes in the shipped gazetteer, and house numbers each of them has.
  'address:postcode': ['EM1 1AB', 'em2 3ca', 'EM3 5EA', 'EM2 4DB', 'EM1 1AA'],
  'address:premises': ['1', '2', '3'],
};
/** The replies that ask the resident something in a request: a form question or the address step's. */
const QUESTIONS_ASKED = ['prompt', 'addressPrompt'];
const SKIPS = ['Skip', "I don't know"];
/** A form never needs more turns than this; more means the resident is stuck in a loop. */
const MAX_FORM_TURNS = 20;

/** The visits and how often each happens: mostly questions, often a request, some small talk. */
export const VISITS: ReadonlyArray<{ kind: VisitKind; weight: number; visit: Visit }> = [
  { kind: 'questions', weight: 35, visit: askQuestions },
  { kind: 'clarification', weight: 20, visit: askSomethingAmbiguous },
  { kind: 'request', weight: 35, visit: makeRequest },
  { kind: 'smallTalk', weight: 10, visit: makeSmallTalk },
];

export function chooseVisit(random: Random): (typeof VISITS)[number] {
  return weighted(VISITS, random);
}

async function askQuestions(turns: VisitTurns): Promise<void> {
  if (turns.random() < 0.3) await turns.say(pick(GREETINGS, turns.random), ['smallTalk']);
  const count = 1 + Math.floor(turns.random() * 3);
  for (let i = 0; i < count; i++) await ask(turns, pick(QUESTIONS, turns.random));
  if (turns.random() < 0.3) await turns.say(pick(GOODBYES, turns.random), ['smallTalk']);
}

async function askSomethingAmbiguous(turns: VisitTurns): Promise<void> {
  await ask(turns, pick(AMBIGUOUS, turns.random));
  if (turns.random() < 0.3) await ask(turns, pick(QUESTIONS, turns.random));
}

async function makeSmallTalk(turns: VisitTurns): Promise<void> {
  await turns.say(pick(GREETINGS, turns.random), ['smallTalk']);
  await turns.say(pick(SMALL_TALK, turns.random), ['smallTalk']);
  await turns.say(pick(GOODBYES, turns.random), ['smallTalk']);
}

/** A question: the answer, or a clarification answered with one of its buttons; then, often, "Was this helpful?". */
async function ask(turns: VisitTurns, question: string): Promise<void> {
  let reply = await turns.say(question, ['answer', 'clarify']);
  if (reply.action === 'clarify') {
    const topics = reply.buttons.filter((button) => button !== NONE_OF_THESE);
    if (topics.length === 0) throw new UnexpectedReply(`a clarification of "${question}" without topics`);
    reply = await turns.say(pick(topics, turns.random), ['answer']);
  }
  if (turns.random() < 0.5) {
    await turns.say(turns.random() < 0.75 ? HELPFUL_YES : HELPFUL_NO, ['feedbackRecorded']);
  }
}

/**
 * A service request carried through: each question the bot asks is answered (typed, a button, or sometimes "Skip"),
 * the summary confirmed and the reference received. A few residents cancel or simply leave half-way.
 */
async function makeRequest(turns: VisitTurns): Promise<void> {
  const type = weighted(
    Object.entries(REQUEST_STARTS).map(([requestType, start]) => ({ requestType, ...start })),
    turns.random,
  );
  let reply: BotReply;
  if (type.askFirst && turns.random() < 0.3) {
    const answer = await turns.say(type.askFirst, ['answer']);
    if (!answer.buttons.includes(REPORT_IT_NOW)) throw new UnexpectedReply(`no "${REPORT_IT_NOW}" after an answer`);
    reply = await turns.say(REPORT_IT_NOW, QUESTIONS_ASKED);
  } else {
    reply = await turns.say(pick(type.say, turns.random), QUESTIONS_ASKED);
  }
  const leaveAt = turns.random() < 0.08 ? 1 + Math.floor(turns.random() * 3) : undefined;
  const cancel = turns.random() < 0.5;
  for (let turn = 0; turn < MAX_FORM_TURNS; turn++) {
    if (reply.action === 'requestSummary') {
      await turns.say(CONFIRM_BUTTON, ['requestSubmitted']);
      if (turns.random() < 0.3) await turns.say(pick(GOODBYES, turns.random), ['smallTalk']);
      return;
    }
    if (reply.retry) throw new UnexpectedReply(`${type.requestType}: the answer to "${reply.field}" was refused`);
    if (turn === leaveAt) {
      if (cancel) await turns.say('cancel', ['cancelled']);
      return;
    }
    reply = await turns.say(answerFor(reply, turns.random), [...QUESTIONS_ASKED, 'requestSummary']);
  }
  throw new UnexpectedReply(`${type.requestType}: no summary after ${MAX_FORM_TURNS} answers`);
}

/** How a resident answers a form question: sometimes "Skip" where allowed, else typed or a button. */
function answerFor(prompt: BotReply, random: Random): string {
  const skips = prompt.buttons.filter((button) => SKIPS.includes(button));
  const choices = prompt.buttons.filter((button) => !SKIPS.includes(button));
  const question = prompt.action === 'addressPrompt' ? `address:${prompt.step ?? ''}` : (prompt.field ?? '');
  const typed = TYPED[question];
  if (skips.length > 0 && (random() < 0.25 || (choices.length === 0 && !typed))) return pick(skips, random);
  if (typed && (choices.length === 0 || random() < 0.5)) return pick(typed, random);
  if (choices.length > 0) return pick(choices, random);
  throw new UnexpectedReply(`no answer for the question "${question}"`);
}

function pick<T>(items: readonly T[], random: Random): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('nothing to pick from');
  return item;
}

function weighted<T extends { weight: number }>(items: readonly T[], random: Random): T {
  let left = random() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    left -= item.weight;
    if (left < 0) return item;
  }
  return pick(items, random);
}
