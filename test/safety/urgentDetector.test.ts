import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import type { UrgentDetector } from '../../src/safety/urgentDetector';

let detector: UrgentDetector;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase(path.resolve(__dirname, '../../knowledge'));
  if (!loaded.ok) throw new Error(`shipped knowledge does not load: ${JSON.stringify(loaded.problems)}`);
  detector = loaded.knowledge.urgentDetector;
});

describe('a resident reports an emergency, in their own words', () => {
  test.each([
    ['i really want to end it all tonight', 'selfHarm'],
    ['my flatmate says she is going to hurt herself', 'selfHarm'],
    ['im sorting out who gets my things, wont be around much longer', 'selfHarm'],
    ['i wish i could just stop existing', 'selfHarm'],
    ['my boyfriend slaps me when he is angry', 'abuse'],
    ['my daughter in law takes my pension and shoves me', 'abuse'],
    ['my stepdad hits me when nobody is home', 'child'],
    ['two little kids left on their own in the flat upstairs since this morning', 'child'],
    ['an older man keeps texting my 12 year old and telling her to keep it secret', 'child'],
    ['nobody has seen the old gentleman at number 3 for a week', 'adultWelfare'],
    ['my grandad has dementia and he has wandered off', 'adultWelfare'],
    ['my parents threw me out and i have nowhere to sleep', 'homelessTonight'],
    ['the landlord changed the locks today', 'homelessTonight'],
    ['really strong smell of gas by the meter', 'gas'],
    ['co alarm going off and my little one feels dizzy', 'gas'],
    ['the garage next door is on fire', 'fire'],
    ['smoke pouring out of the flat above', 'fire'],
    ['my dad has crushing chest pain', 'medical'],
    ['my husband is having a seizure on the floor', 'medical'],
    ['the chimney has collapsed onto the pavement', 'structure'],
    ['live cables dangling over the footpath', 'structure'],
    ['a man is waving a machete outside the shop', 'danger'],
    ['someone is trying to break into my flat right now', 'danger'],
  ])('"%s" is %s', (text, category) => {
    expect(detector.detect(text)?.category).toBe(category);
  });
});

describe('misspellings and text-speak', () => {
  test.each([
    ['feeling suicidel', 'selfHarm'],
    ['gonna kms 2nite', 'selfHarm'],
    ['domestik violence', 'abuse'],
    ['smel gas in kitchen', 'gas'],
    ['theres a fier in the hall', 'fire'],
    ['my nan cant breath', 'medical'],
    ['on the streets 2nite, no where to go', 'homelessTonight'],
  ])('"%s" is %s', (text, category) => {
    expect(detector.detect(text)?.category).toBe(category);
  });
});

describe('a concern inside a routine message', () => {
  test.each([
    ['what day is my recycling collected, also my partner punched me again yesterday', 'abuse'],
    [
      'please cancel my garden waste subscription and refund the rest of the year, thanks. i have left letters for my kids and i wont be around after friday',
      'selfHarm',
    ],
    [
      'can i get a parking permit for my street. by the way the old lady next door has not been seen for days',
      'adultWelfare',
    ],
  ])('"%s" is %s', (text, category) => {
    expect(detector.detect(text)?.category).toBe(category);
  });
});

describe('routine messages with alarming words are not emergencies', () => {
  test.each([
    'i would kill for a bigger recycling bin',
    'the price of parking nearly gave me a heart attack',
    'dying to know if the lido is open this weekend',
    'my dad had a stroke last year, can he get a blue badge',
    'where do i get a gas safety record for my rented flat',
    'does a shared house need a fire safety certificate',
    'dead hedgehog on the path by the school',
    'my tenancy ends soon and i will be homeless in two months',
    'the bonfire smoke from the allotments is awful',
    "how do i register my nan's death",
    'my son is 9, when does the swimming club meet',
    'the traffic on the high street is killing me',
    'we flooded last winter, can we get flood doors',
  ])('"%s" raises no alarm', (text) => {
    expect(detector.detect(text)).toBeUndefined();
  });
});

describe('a child in the care of an adult too drunk or high to look after them: asked about, with 999', () => {
  test.each([
    'im scared for my two boys, they are at their fathers and he is completely hammered',
    'the childminder is stoned and my toddler is with her till six',
    'my wife is legless and she is in charge of the baby tonight',
    'left the kids with my boyfriend and now he is off his head on something',
  ])('"%s" is a check for a child', (text) => {
    expect(detector.detect(text)).toEqual({ category: 'child', certainty: 'check' });
  });

  test.each([
    'gangs of drunk lads by the kids swings every weekend, who deals with that',
    'my daughter got drunk at her prom, can she still get a bus pass',
    'is there a licence needed to sell beer at the school summer fair for the kids',
  ])('"%s" raises no alarm: drunk people near children, not looking after them', (text) => {
    expect(detector.detect(text)).toBeUndefined();
  });
});

describe('threats of fire, children not fed, and homes left cold', () => {
  test.each([
    ['they shouted that they would torch our flat while we sleep', 'danger'],
    ['mum forgot to feed us again and theres nothing in the cupboards', 'child'],
    ['the gas and electric are cut off and my newborn is freezing', 'child'],
  ])('"%s" is flagged as %s', (text, category) => {
    expect(detector.detect(text)).toMatchObject({ category });
  });

  test.each([
    'my neighbour keeps forgetting to feed her cat',
    'how do i stop the kids burning leaves in the garden next door',
    'do you help families with kids with heating costs',
    'the fire pit next door nearly burnt my fence down',
  ])('"%s" raises no alarm', (text) => {
    expect(detector.detect(text)).toBeUndefined();
  });
});

describe('exploitation, hiding from someone, and a wall over the pavement', () => {
  test.each([
    ['her new fella is 27 and my niece is only 14', 'child'],
    ['my son is 13 and his girlfriend is 22, she buys him vapes', 'child'],
    ['i think my cousin is being pimped out for sex by the lads she lives with', 'abuse'],
    ['we are hiding in the bedroom and he is outside the door smashing things', 'danger'],
    ['the garden wall by the bus stop is bowing out over the footpath', 'structure'],
  ])('"%s" is flagged as %s', (text, category) => {
    expect(detector.detect(text)).toMatchObject({ category });
  });

  test.each([
    'my daughter is 15 and wants a saturday job at the leisure centre, her boyfriend is 16',
    'the children next door shriek on the trampoline every evening, can i complain about noise',
    'who fixes a cracked garden wall in a council house',
  ])('"%s" raises no alarm', (text) => {
    expect(detector.detect(text)).toBeUndefined();
  });
});

describe('emergencies told by their signs, not named', () => {
  test.each([
    ['my grandad cant get his words out and his mouth has dropped on one side', 'medical'],
    ['my flatmate is diabetic and is sweaty and confused and wont wake properly', 'medical'],
    ['my daughter got into the dishwasher capsules and swallowed one', 'medical'],
    ['he fell through the greenhouse and the blood is pumping out of his arm', 'medical'],
    ['my whole family have headaches and feel sick and the boiler is really old', 'gas'],
    ['thick smoke pouring out of a window on the third floor of the flats', 'fire'],
    ['the plug socket in the lounge is sparking and smells scorched', 'fire'],
    ['the tank in the loft burst and water is running into the fuse box', 'structure'],
    ['the drain cover is missing on the corner by the school gates', 'structure'],
    ['a lad is pinned under a van that rolled back in the yard', 'danger'],
    ['someone has been rattling our back door at 2am and i can see a torch', 'danger'],
    ['i can hear the old man upstairs shouting for help and his door is locked', 'adultWelfare'],
    ['a bloke keeps buying the year 9 girls vapes and giving them lifts', 'child'],
    ['they took my cousins passport and she is not allowed out of the house', 'abuse'],
    ['my brother texted goodbye and says he is on the roof of the car park', 'selfHarm'],
  ])('"%s" is flagged as %s', (text, category) => {
    expect(detector.detect(text)).toMatchObject({ category });
  });

  test.each([
    'my wife will kill me if i forget to put the bins out again lol',
    'the cats fighting sound like someone being murdered, can the council do anything',
    'saw on the news a block of flats had a fire, are our fire doors checked',
    'do vapes in the black bin cause fires in the bin lorry',
    'i self harmed years ago and want to volunteer with young people, do i need a dbs',
    'what does cuckooing mean, it was in the residents newsletter',
    'is there a group for families bereaved by suicide',
    'i was homeless in 2019 and now rent privately, can i join the housing register',
  ])('"%s" raises no alarm', (text) => {
    expect(detector.detect(text)).toBeUndefined();
  });
});

describe('the middle band: signals present but not clear', () => {
  test.each([
    ['i am homeless', 'homelessTonight'],
    ['i want to jump', 'selfHarm'],
  ])('"%s" is a check for %s, not a sure alarm', (text, category) => {
    expect(detector.detect(text)).toEqual({ category, certainty: 'check' });
  });

  test('a clear emergency is sure', () => {
    expect(detector.detect('my house is on fire')).toEqual({ category: 'fire', certainty: 'sure' });
  });
});
