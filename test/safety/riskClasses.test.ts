import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import type { UrgentDetector } from '../../src/safety/urgentDetector';

/**
 * Classes of message the detector once got wrong, each in both directions: the alarming word used figuratively,
 * in play, informationally, about the distant past, or as a plain fact in a service question is routine; the same
 * concern about a person now is flagged. Sentences written for this file, not taken from any evaluation set.
 */
let detector: UrgentDetector;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase(path.resolve(__dirname, '../../knowledge'));
  if (!loaded.ok) throw new Error(`shipped knowledge does not load: ${JSON.stringify(loaded.problems)}`);
  detector = loaded.knowledge.urgentDetector;
});

const routine = (messages: string[]) =>
  test.each(messages)('routine: %s', (message) => expect(detector.detect(message)).toBeUndefined());
const flagged = (cases: [string, string][]) =>
  test.each(cases)('flagged: %s (%s)', (message, category) =>
    expect(detector.detect(message)?.category).toBe(category),
  );

describe('idioms with violent verbs', () => {
  routine([
    'my bid for a market stall was shot down by the licensing team',
    'the committee killed off our plan for a cycle lane, can we object',
    'our pub quiz team got hammered in the final, is the hall free next month',
  ]);
  flagged([
    ['a lad has been shot outside the chip shop', 'danger'],
    ['my neighbour was stabbed on the stairs and is bleeding', 'danger'],
  ]);
});

describe('sport and play', () => {
  routine([
    'the teenagers kick a ball against my wall every night, who deals with that',
    'where can my daughter go shooting hoops after school',
    'the children had a battle with nerf guns at the party, can we hire the hall again',
  ]);
  flagged([['a gang of lads are kicking a man on the ground outside the shop', 'danger']]);
});

describe('information about a risk topic, with no person in danger now', () => {
  routine([
    'could we have some leaflets on domestic violence for the surgery waiting room',
    'is there a course on suicide awareness for volunteers',
    'our church wants training in spotting child neglect',
    'do landlords have to fit carbon monoxide alarms by law',
    'is there a grant for flood doors',
    'is there a group for families of teenagers with a self harm history',
  ]);
  flagged([
    ['my husband beats me, is there a leaflet about getting away', 'abuse'],
    ['i can smell gas, is there any information on what to do', 'gas'],
  ]);
});

describe('a plain fact about someone, inside a routine service question', () => {
  routine([
    'my father is 89 and lives on his own, can he have help putting his bins out',
    'my sister is disabled and lives alone, can she get a blue badge',
  ]);
  flagged([
    ['my father is 89 and lives on his own, his carer stopped coming and he has had no food for days', 'adultWelfare'],
    ['the old man upstairs lives alone and nobody has seen him for a week', 'adultWelfare'],
    ['my great uncle is 93, his carer quit on monday and his cupboards are bare', 'adultWelfare'],
  ]);
});

describe('water on a road versus water coming into a home', () => {
  routine([
    'the lane by the church floods whenever it rains, can it be looked at',
    'the drains on our road are blocked and overflowing',
  ]);
  flagged([
    ['flood water is coming in through the back door right now', 'structure'],
    ['the road flooded and now the water is pouring into our living room', 'structure'],
  ]);
});

describe('an attack long past versus now', () => {
  routine(['i was mugged in the underpass years ago, can it have better lighting']);
  flagged([['i was mugged a few minutes ago and they are still following me', 'danger']]);
});

describe('an intruder, without the words "break in"', () => {
  flagged([
    ['someone has forced the patio door and is inside now', 'danger'],
    ['i am hiding in the wardrobe, there is a man in the house', 'danger'],
    ['somebody has climbed in through the kitchen window', 'danger'],
    ['a stranger is inside the flat and i am on my own', 'danger'],
    ['a man just walked in through our side door and i have never seen him before', 'danger'],
  ]);
  routine(['who repairs a broken door on a council flat', 'the window in our hallway is broken, can it be fixed']);
});

describe('nowhere to go on a day still to come, against nowhere to go now', () => {
  routine([
    'my lease finishes next month and i have nowhere to go after that, what help is there',
    'the landlord served a section 21, we will have nowhere to go when it expires',
  ]);
  flagged([
    ['thrown out this morning, nowhere to go, housing said ring back next week', 'homelessTonight'],
    ['nowhere to go tonight, the hostel said try again in a few days', 'homelessTonight'],
  ]);
});

describe('real words are not read as misspelt risk words', () => {
  routine([
    'the tiles on the kitchen floor are cracked in my council house',
    'fed up with the service, had enough of waiting, how do i complain',
  ]);
  flagged([
    ['water is flooding the kitchen right now', 'structure'],
    ['gas leek in the hallway', 'gas'],
  ]);
});

describe('a vehicle that has not moved, against a person who has not moved', () => {
  routine(['an old transit van with no tax has not moved from outside the school since easter']);
  flagged([['grandad slipped on the ice and he has not moved since', 'medical']]);
});

describe('noise through the floor, against a ceiling coming down', () => {
  routine(['every night their speakers thump through the floor until 3am, what can be done']);
  flagged([['the ceiling in the spare room is sagging and cracking with water dripping', 'structure']]);
});

describe('"the death of me" as a figure of speech', () => {
  routine(['these roadworks will be the death of me, when do they finish']);
  flagged([['i keep thinking death is the only way out', 'selfHarm']]);
});
