/**
 * One addressable property, as the council's gazetteer (LLPG) or AddressBase describes it. Personal data only in
 * the sense that a resident chose it: the gazetteer itself is public reference data.
 */
export interface Address {
  /** Unique Property Reference Number: up to 12 digits. */
  uprn: string;
  /** `1 Market Square, Eastmere EM1 1AA`: how the bot shows it. */
  label: string;
  /** The house number or name part (`Flat 2, 3`), to match what a resident types. */
  premises: string;
  street: string;
  town: string;
  postcode: string;
  usrn?: string;
  latitude?: number;
  longitude?: number;
  /** A ward id of `wards.yaml`, when known. */
  ward?: string;
  /** A collection round id of `places/collections.yaml`, when known. */
  round?: string;
}
