import type { Address } from '../places/address';
import type { RequestDefinition } from '../requests/requestTypes';
import type { ServiceRequest } from '../storage/repositories/requestRepository';

/** Detail fields that are the request's place or its photo, sent in their own Open311 fields rather than as attributes. */
const OWN_FIELDS = new Set(['photo', 'uprn']);

/**
 * A request as GeoReport v2 `POST requests.json` fields: `service_code`; where (`lat`/`long` when the UPRN's
 * coordinates are known, else `address_string`; `address_id` is the UPRN); a `description` of every answer with its
 * question's label; the contact (`email`, `first_name`, `last_name`, `phone`); the first photo as `media_url`; and
 * each answer again as `attribute[<field id>]`. Empty values are left out. `jurisdiction_id` and `api_key` are added
 * when sending, so the key is never stored.
 */
export function open311RequestFields(input: {
  request: ServiceRequest;
  definition: RequestDefinition;
  serviceCode: string;
  photoUrl: (contentUrl: string, reference: string) => string;
  /** The gazetteer's address for the request's UPRN, when it has one. */
  address?: Address;
}): Record<string, string> {
  const { request, definition, address } = input;
  const details = request.details;
  const answered = definition.fields.filter((field) => details[field.id] !== undefined && !OWN_FIELDS.has(field.id));
  const description = [
    `${definition.title} (${request.reference})`,
    ...answered.map((field) => `${field.label}: ${details[field.id] ?? ''}`),
  ].join('\n');
  const [firstName, ...rest] = (request.contact.name ?? '').trim().split(/\s+/);
  const photo = (details.photo ?? '').split('\n').find((link) => link !== '');
  const fields: Record<string, string | undefined> = {
    service_code: input.serviceCode,
    description,
    address_id: details.uprn,
    email: request.contact.email,
    first_name: firstName || undefined,
    last_name: rest.join(' ') || undefined,
    phone: request.contact.phone,
    media_url: photo ? input.photoUrl(photo, request.reference) : undefined,
  };
  if (address?.latitude !== undefined && address.longitude !== undefined) {
    fields.lat = String(address.latitude);
    fields.long = String(address.longitude);
  } else {
    const place = address?.label ?? [details.address ?? details.location, details.postcode].filter(Boolean).join(', ');
    fields.address_string = place || undefined;
  }
  for (const field of answered) fields[`attribute[${field.id}]`] = details[field.id];
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
