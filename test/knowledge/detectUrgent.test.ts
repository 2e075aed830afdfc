import { detectUrgent } from '../../src/knowledge/detectUrgent';

describe('emergency detection', () => {
  test.each([
    ['I want to kill myself', 'selfHarm'],
    ["i don't want to be here anymore", 'selfHarm'],
    ['I took too many pills', 'selfHarm'],
    ['my mate says he is going to end his life', 'selfHarm'],
    ['my husband hits me', 'abuse'],
    ["he'll hurt me if I leave", 'abuse'],
    ['domestic violence', 'abuse'],
    ['the kids next door are left home alone for days', 'child'],
    ['I think a child is being abused', 'child'],
    ["I'm homeless tonight", 'homelessTonight'],
    ['nowhere to sleep tonight', 'homelessTonight'],
    ['sleeping rough', 'homelessTonight'],
    ['sleeping in my car tonight', 'homelessTonight'],
    ['I can smell gas', 'gas'],
    ['gas leak in the flat', 'gas'],
    ['carbon monoxide alarm going off', 'gas'],
    ["there's a fire in the flats", 'fire'],
    ['someone is threatening to kill me', 'danger'],
    ['a man with a knife outside', 'danger'],
    ['my neighbour collapsed and is not breathing', 'medical'],
  ])('"%s" is %s', (text, category) => {
    expect(detectUrgent(text)?.category).toBe(category);
  });

  test.each([
    'i think i am going to be made homeless',
    'I will be homeless next month',
    'homelessness advice',
    'fire safety certificate for my HMO',
    'my gas bill is too high',
    'neighbour bonfire smoke',
    'my tooth is killing me',
    'kids playground is broken',
    'how do I kill weeds on my allotment',
    'the bin men hurt my bin',
    'nobody came to empty the black bin',
    'council tax is killing me',
  ])('"%s" is not an emergency', (text) => {
    expect(detectUrgent(text)).toBeUndefined();
  });
});
