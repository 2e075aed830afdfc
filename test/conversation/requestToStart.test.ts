import { requestToStart } from '../../src/conversation/requestToStart';
import { shippedKnowledge } from '../support/testBot';

async function intentOf(text: string) {
  return requestToStart(text, (await shippedKnowledge()).current().knowledge);
}

describe('which messages start a request form', () => {
  test.each([
    ['report fly tipping', 'fly-tipping'],
    ['i want to report a missed bin', 'missed-bin'],
    ['i want to report a missed bin, can you do that for me', 'missed-bin'],
  ])('"%s" starts the %s form', async (text, requestType) => {
    expect(await intentOf(text)).toEqual({ kind: 'report', requestType });
  });

  test.each([
    'Report a missed bin collection',
    'Order a new or replacement bin',
    'Report fly-tipping',
    'i want to report fly tipping in the lane, and when is my garden waste collected?',
  ])('"%s" is answered (the answer offers the form)', async (text) => {
    expect(await intentOf(text)).toBeUndefined();
  });
});
