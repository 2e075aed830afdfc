import { z } from 'zod';
import { REQUEST_TYPES } from '../knowledge/articleSchema';

/** Values in GeoReport v2 JSON may be strings or numbers (ids especially); read both as text. */
const textOrNumber = z.union([z.string(), z.number()]).transform(String);
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** `GET services.json`: the service types the back office accepts. */
export const servicesSchema = z.array(z.object({ service_code: textOrNumber, service_name: optionalText }).loose());

/** `POST requests.json` accepted: an id at once, or a token to exchange for one later. */
export const postResponseSchema = z
  .array(
    z
      .object({
        service_request_id: textOrNumber.nullish(),
        token: textOrNumber.nullish(),
        service_notice: optionalText,
      })
      .loose(),
  )
  .min(1);

/** `GET tokens/{token}.json`: the request id once the back office has made one. */
export const tokenResponseSchema = z.array(
  z.object({ service_request_id: textOrNumber.nullish(), token: textOrNumber.nullish() }).loose(),
);

/** `GET requests.json?service_request_id=...`: each request's status (`open` or `closed`) and notes. */
export const requestsResponseSchema = z.array(
  z
    .object({
      service_request_id: textOrNumber,
      status: z.string(),
      status_notes: optionalText,
      updated_datetime: optionalText,
    })
    .loose(),
);

/** An error answer: `[{ code, description }]`. */
export const errorsSchema = z.array(z.object({ code: textOrNumber.optional(), description: z.string() }).loose());

/** `knowledge/open311.yaml`: which Open311 service code each request type goes to. */
export const serviceCodesSchema = z.strictObject({
  /** True while the codes are the sample's (each equal to its request type). */
  example: z.boolean().default(false),
  serviceCodes: z.partialRecord(z.enum(REQUEST_TYPES), z.string().trim().min(1)),
});
export type ServiceCodes = z.infer<typeof serviceCodesSchema>;
