import { z } from 'zod';
import { ukPostcodeSchema } from '../requests/validation/ukPostcode';

/** The columns of the gazetteer extract, as in the LLPG / AddressBase (`EXAMPLE` marks the fictional sample's rows). */
export const GAZETTEER_COLUMNS = [
  'UPRN',
  'SAO',
  'PAO',
  'STREET',
  'LOCALITY',
  'TOWN',
  'POSTCODE',
  'USRN',
  'LATITUDE',
  'LONGITUDE',
  'WARD',
  'ROUND',
] as const;

const optionalNumber = (min: number, max: number, name: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return undefined;
      const number = Number(value);
      if (!Number.isFinite(number) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message: `must be a ${name} between ${min} and ${max}` });
        return z.NEVER;
      }
      return number;
    });

const text = (max: number) => z.string().trim().max(max);

/** One row of `knowledge/places/gazetteer.csv`, keyed by column name. */
export const gazetteerRowSchema = z.object({
  UPRN: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,11}$/, 'must be a UPRN: 1 to 12 digits, not starting with 0'),
  SAO: text(100),
  PAO: text(100).min(1, 'needs the house number or name (PAO)'),
  STREET: text(100).min(2, 'needs the street'),
  LOCALITY: text(100),
  TOWN: text(60).min(2, 'needs the town'),
  POSTCODE: ukPostcodeSchema,
  USRN: z
    .string()
    .trim()
    .regex(/^(?:\d{1,8})?$/, 'must be a USRN: up to 8 digits'),
  LATITUDE: optionalNumber(49, 61, 'latitude'),
  LONGITUDE: optionalNumber(-9, 2.5, 'longitude'),
  WARD: text(60),
  ROUND: text(60),
  EXAMPLE: z.enum(['yes', 'no', '']),
});

export type GazetteerRow = z.infer<typeof gazetteerRowSchema>;
