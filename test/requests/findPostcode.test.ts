import { findPostcode } from '../../src/requests/validation/findPostcode';

describe('finding a postcode inside an answer', () => {
  test.each([
    ['12 High Street, Eastmere SG6 3JF', 'SG6 3JF'],
    ['outside no 4, em11aa', 'EM1 1AA'],
    ['by the garages (EM2 8NW) on the left', 'EM2 8NW'],
    ['corner of sw1a 1aa', 'SW1A 1AA'],
  ])('%s -> %s', (text, postcode) => {
    expect(findPostcode(text)).toBe(postcode);
  });

  test.each(['Back lane behind the garages', 'flat 12b, block 3', 'AB12 CDE registration'])('none in %s', (text) => {
    expect(findPostcode(text)).toBeUndefined();
  });
});
