import { z } from 'zod';
import { REQUEST_STATUSES } from '../../storage/repositories/requestRepository';
import { requestReferenceSchema } from '../validation/requestReference';

/** Statuses staff may set (`submitted` is only ever the first). */
export const STAFF_STATUSES = REQUEST_STATUSES.filter((status) => status !== 'submitted');

export const referenceParamsSchema = z.object({ reference: requestReferenceSchema });

export const photoParamsSchema = z.object({
  reference: requestReferenceSchema,
  photo: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

/** `POST /api/requests/{reference}/status` */
export const statusUpdateSchema = z.strictObject({
  status: z.enum(STAFF_STATUSES),
  /** Shown to the resident with the status when they check their request. */
  note: z.string().trim().min(1).max(1000).optional(),
  /** Who made the change (a staff id or name in the council's system), for the audit log. */
  by: z
    .string()
    .trim()
    .regex(/^[\w .@'-]{1,100}$/, "letters, digits, spaces and . @ ' - only, at most 100")
    .optional(),
});
