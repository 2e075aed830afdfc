import type { Address } from './address';
import type { AddressLookup, AddressLookupOutcome } from './addressLookup';
import type { GazetteerRow } from './gazetteerRowSchema';
import { normalisePostcode } from '../requests/validation/ukPostcode';

/**
 * The council's gazetteer extract, indexed by postcode and UPRN. A snapshot: a reload builds a new one. It is also
 * the embedded adapter of the address lookup port (see `GazetteerAddressLookup` for one that follows reloads).
 */
export class Gazetteer {
  private readonly byPostcode = new Map<string, Address[]>();
  private readonly byUprn = new Map<string, Address>();

  constructor(readonly addresses: readonly Address[]) {
    for (const address of [...addresses].sort(compareAddresses)) {
      const list = this.byPostcode.get(address.postcode) ?? [];
      list.push(address);
      this.byPostcode.set(address.postcode, list);
      this.byUprn.set(address.uprn, address);
    }
  }

  /** Every address at the postcode, in street and house-number order. */
  atPostcode(postcode: string): Address[] {
    return [...(this.byPostcode.get(normalisePostcode(postcode)) ?? [])];
  }

  withUprn(uprn: string): Address | undefined {
    return this.byUprn.get(uprn.trim());
  }

  get size(): number {
    return this.byUprn.size;
  }
}

/** The embedded adapter: the gazetteer of the current knowledge snapshot, so an editor's reload takes effect. */
export class GazetteerAddressLookup implements AddressLookup {
  constructor(private readonly gazetteer: () => Gazetteer) {}

  findByPostcode(postcode: string): Promise<AddressLookupOutcome> {
    return Promise.resolve({ ok: true, addresses: this.gazetteer().atPostcode(postcode) });
  }

  findByUprn(uprn: string): Promise<{ ok: true; address: Address | undefined }> {
    return Promise.resolve({ ok: true, address: this.gazetteer().withUprn(uprn) });
  }
}

/** A gazetteer row as an address: `Flat 2, 3 Market Square, Eastmere EM1 1AA`. */
export function addressOfRow(row: GazetteerRow): Address {
  const premises = [row.SAO, row.PAO].filter((part) => part !== '').join(', ');
  const street = titleCase(row.STREET);
  const town = titleCase(row.TOWN);
  const locality = row.LOCALITY ? `, ${titleCase(row.LOCALITY)}` : '';
  const numbered = /^\d+[a-z]?$/i.test(row.PAO);
  const firstLine = numbered ? `${premises} ${street}` : `${premises}, ${street}`;
  return {
    uprn: row.UPRN,
    label: `${firstLine}${locality}, ${town} ${row.POSTCODE}`,
    premises,
    street,
    town,
    postcode: row.POSTCODE,
    usrn: row.USRN || undefined,
    latitude: row.LATITUDE,
    longitude: row.LONGITUDE,
    ward: row.WARD || undefined,
    round: row.ROUND || undefined,
  };
}

/** `MARKET SQUARE` -> `Market Square` (gazetteers often hold streets in capitals). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function compareAddresses(a: Address, b: Address): number {
  return a.street.localeCompare(b.street) || a.premises.localeCompare(b.premises, 'en', { numeric: true });
}
