import { z } from 'zod';
import type { Address } from './address';
import type { AddressLookup, AddressLookupOutcome } from './addressLookup';
import { titleCase } from './gazetteer';
import { normalisePostcode } from '../requests/validation/ukPostcode';

export const OS_PLACES_URL = 'https://api.os.uk/search/places/v1';

const text = z.string().trim().optional();
/** One DPA (Royal Mail delivery point) result of the OS Places API, the fields used here. */
const dpaSchema = z.object({
  UPRN: z.string().regex(/^\d{1,12}$/),
  ORGANISATION_NAME: text,
  SUB_BUILDING_NAME: text,
  BUILDING_NAME: text,
  BUILDING_NUMBER: z.union([z.string(), z.number()]).optional(),
  THOROUGHFARE_NAME: text,
  DEPENDENT_THOROUGHFARE_NAME: text,
  DEPENDENT_LOCALITY: text,
  POST_TOWN: z.string().trim(),
  POSTCODE: z.string().trim(),
  LAT: z.number().optional(),
  LNG: z.number().optional(),
});
const responseSchema = z.object({ results: z.array(z.object({ DPA: dpaSchema })).default([]) });

export interface OsPlacesOptions {
  /** `OS_PLACES_API_KEY` */
  apiKey: string;
  /** The API's base address (default `OS_PLACES_URL`; tests give a local stand-in). */
  baseUrl?: string;
  /** The council's own data for an address OS Places knows nothing of: its ward and collection round, by UPRN. */
  councilData?: (uprn: string) => Pick<Address, 'ward' | 'round'> | undefined;
  timeoutMs?: number;
}

/**
 * The Ordnance Survey Places API adapter of the address lookup port (`/postcode` and `/uprn`, DPA dataset, WGS84
 * coordinates). Ward and collection round are not OS data: they come from the council's gazetteer by UPRN. A
 * failure (network, HTTP error, an answer that is not the documented shape) is an outcome, never a throw; the key is
 * sent as the `key` parameter and never logged.
 */
export class OsPlacesAddressLookup implements AddressLookup {
  constructor(private readonly options: OsPlacesOptions) {}

  async findByPostcode(postcode: string): Promise<AddressLookupOutcome> {
    const found = await this.get('postcode', { postcode: normalisePostcode(postcode) });
    if (found.ok === 'none') return { ok: true, addresses: [] };
    return found.ok ? { ok: true, addresses: found.addresses } : found;
  }

  async findByUprn(uprn: string): Promise<{ ok: true; address: Address | undefined } | { ok: false; problem: string }> {
    if (!/^\d{1,12}$/.test(uprn)) return { ok: true, address: undefined };
    const found = await this.get('uprn', { uprn });
    if (found.ok === 'none') return { ok: true, address: undefined };
    return found.ok ? { ok: true, address: found.addresses[0] } : found;
  }

  private async get(
    path: 'postcode' | 'uprn',
    query: Record<string, string>,
  ): Promise<{ ok: true; addresses: Address[] } | { ok: 'none' } | { ok: false; problem: string }> {
    const url = new URL(`${(this.options.baseUrl ?? OS_PLACES_URL).replace(/\/+$/, '')}/${path}`);
    for (const [name, value] of Object.entries({ ...query, dataset: 'DPA', output_srs: 'WGS84', maxresults: '100' }))
      url.searchParams.set(name, value);
    url.searchParams.set('key', this.options.apiKey);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch {
      return { ok: false, problem: 'OS Places could not be reached' };
    }
    // A postcode or UPRN OS Places does not accept is one with no addresses.
    if (response.status === 400 || response.status === 404) return { ok: 'none' };
    if (!response.ok) return { ok: false, problem: `OS Places answered HTTP ${response.status}` };
    const parsed = responseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) return { ok: false, problem: 'OS Places answered in an unexpected shape' };
    return { ok: true, addresses: parsed.data.results.map(({ DPA }) => this.addressOf(DPA)) };
  }

  private addressOf(dpa: z.infer<typeof dpaSchema>): Address {
    const number = dpa.BUILDING_NUMBER === undefined ? '' : String(dpa.BUILDING_NUMBER);
    const street = titleCase(dpa.THOROUGHFARE_NAME ?? dpa.DEPENDENT_THOROUGHFARE_NAME ?? '');
    const named = [dpa.ORGANISATION_NAME, dpa.SUB_BUILDING_NAME, dpa.BUILDING_NAME]
      .filter((part): part is string => Boolean(part))
      .map(titleCase);
    const premises = [...named, number].filter(Boolean).join(', ');
    const firstLine = number ? `${[...named, `${number} ${street}`].join(', ')}` : [...named, street].join(', ');
    const locality = dpa.DEPENDENT_LOCALITY ? `, ${titleCase(dpa.DEPENDENT_LOCALITY)}` : '';
    const town = titleCase(dpa.POST_TOWN);
    const postcode = normalisePostcode(dpa.POSTCODE);
    return {
      uprn: dpa.UPRN,
      label: `${firstLine}${locality}, ${town} ${postcode}`,
      premises,
      street,
      town,
      postcode,
      latitude: dpa.LAT,
      longitude: dpa.LNG,
      ...this.options.councilData?.(dpa.UPRN),
    };
  }
}
