import type { Address } from './address';

export type { Address };

/** A look-up's result: the addresses found (possibly none), or the source could not be asked. */
export type AddressLookupOutcome = { ok: true; addresses: Address[] } | { ok: false; problem: string };

/**
 * The address lookup port: what the conversation and other services ask of a gazetteer. Adapters: the embedded
 * gazetteer CSV (`GazetteerAddressLookup`, the default) and the Ordnance Survey Places API
 * (`OsPlacesAddressLookup`). Postcodes may be given as typed (`em11aa`); addresses come back in street order.
 */
export interface AddressLookup {
  /** The addresses at a postcode (none when the postcode is unknown). */
  findByPostcode(postcode: string): Promise<AddressLookupOutcome>;
  /** The address with this UPRN, or undefined when there is none. */
  findByUprn(uprn: string): Promise<{ ok: true; address: Address | undefined } | { ok: false; problem: string }>;
}
