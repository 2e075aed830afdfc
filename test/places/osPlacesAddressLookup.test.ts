import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OsPlacesAddressLookup } from '../../src/places/osPlacesAddressLookup';

/** A local stand-in for the OS Places API: `/postcode` and `/uprn` with DPA results, as documented. */
const DPA = [
  {
    UPRN: '100091000001',
    ADDRESS: '1, MARKET SQUARE, EASTMERE, EM1 1AA',
    BUILDING_NUMBER: '1',
    THOROUGHFARE_NAME: 'MARKET SQUARE',
    POST_TOWN: 'EASTMERE',
    POSTCODE: 'EM1 1AA',
    LAT: 52.6302,
    LNG: 1.2973,
  },
  {
    UPRN: '100091000003',
    ADDRESS: 'FLAT 1, 3, MARKET SQUARE, EASTMERE, EM1 1AA',
    SUB_BUILDING_NAME: 'FLAT 1',
    BUILDING_NUMBER: '3',
    THOROUGHFARE_NAME: 'MARKET SQUARE',
    POST_TOWN: 'EASTMERE',
    POSTCODE: 'EM1 1AA',
  },
];

describe('the OS Places adapter of the address lookup port', () => {
  let server: Server;
  let baseUrl: string;
  const seen: URL[] = [];
  let failNext = false;

  beforeAll(async () => {
    // (restify, loaded by other tests in the same process, patches ServerResponse: writeHead is not chained.)
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      seen.push(url);
      if (failNext) {
        failNext = false;
        res.writeHead(503);
        res.end();
        return;
      }
      if (url.searchParams.get('key') !== 'test-key') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"error":{"statuscode":401}}');
        return;
      }
      const header = { totalresults: 0 };
      let results: unknown[] = [];
      if (url.pathname === '/search/places/v1/postcode') {
        const postcode = url.searchParams.get('postcode');
        if (postcode === 'NOT A POSTCODE') {
          res
            .writeHead(400)
            .end(
              '{"error":{"statuscode":400,"message":"Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1. Requested postcode was NOT A POSTCODE"}}',
            );
          return;
        }
        results = postcode === 'EM1 1AA' ? DPA.map((dpa) => ({ DPA: dpa })) : [];
      } else if (url.pathname === '/search/places/v1/uprn') {
        results = DPA.filter((dpa) => dpa.UPRN === url.searchParams.get('uprn')).map((dpa) => ({ DPA: dpa }));
      }
      const body = results.length > 0 ? { header: { ...header, totalresults: results.length }, results } : { header };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search/places/v1`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const lookup = () =>
    new OsPlacesAddressLookup({
      apiKey: 'test-key',
      baseUrl,
      councilData: (uprn) => (uprn === '100091000001' ? { ward: 'market', round: 'monday' } : undefined),
    });

  test('a postcode gives its addresses, labelled as residents read them, with the council’s ward and round', async () => {
    const found = await lookup().findByPostcode('em11aa');
    expect(found).toEqual({
      ok: true,
      addresses: [
        expect.objectContaining({
          uprn: '100091000001',
          label: '1 Market Square, Eastmere EM1 1AA',
          premises: '1',
          latitude: 52.6302,
          ward: 'market',
          round: 'monday',
        }),
        expect.objectContaining({ uprn: '100091000003', label: 'Flat 1, 3 Market Square, Eastmere EM1 1AA' }),
      ],
    });
    const asked = seen.at(-1);
    expect(asked?.searchParams.get('postcode')).toBe('EM1 1AA');
    expect(asked?.searchParams.get('dataset')).toBe('DPA');
    expect(asked?.searchParams.get('output_srs')).toBe('WGS84');
  });

  test('a postcode with no addresses, or one OS Places refuses, has none', async () => {
    expect(await lookup().findByPostcode('EM9 9ZZ')).toEqual({ ok: true, addresses: [] });
    expect(await lookup().findByPostcode('not a postcode')).toEqual({ ok: true, addresses: [] });
  });

  test('a UPRN gives its address, or none', async () => {
    expect(await lookup().findByUprn('100091000003')).toEqual({
      ok: true,
      address: expect.objectContaining({ label: 'Flat 1, 3 Market Square, Eastmere EM1 1AA' }),
    });
    expect(await lookup().findByUprn('999')).toEqual({ ok: true, address: undefined });
  });

  test('an outage or a wrong key is an outcome naming the HTTP status, not a throw', async () => {
    failNext = true;
    expect(await lookup().findByPostcode('EM1 1AA')).toEqual({ ok: false, problem: 'OS Places answered HTTP 503' });
    const wrongKey = new OsPlacesAddressLookup({ apiKey: 'wrong', baseUrl });
    expect(await wrongKey.findByPostcode('EM1 1AA')).toEqual({ ok: false, problem: 'OS Places answered HTTP 401' });
    const nowhere = new OsPlacesAddressLookup({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1' });
    expect(await nowhere.findByPostcode('EM1 1AA')).toEqual({ ok: false, problem: 'OS Places could not be reached' });
  });
});
