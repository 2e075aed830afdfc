import type { ServiceRequest } from '../storage/repositories/requestRepository';
import { isOverdue } from './memberEnquiry';

/** Days of service requests `Your ward` looks back over. */
export const WARD_SUMMARY_DAYS = 90;

/** One kind of request in a ward: counts only, never who made them. */
export interface WardSummaryRow {
  requestType: string;
  total: number;
  open: number;
  resolved: number;
  overdue: number;
}

/** Counts per request type (most first, then by name) of the requests given, which are all in one ward. */
export function summariseWard(requests: readonly ServiceRequest[], now: Date): WardSummaryRow[] {
  const rows = new Map<string, WardSummaryRow>();
  for (const request of requests) {
    const row = rows.get(request.requestType) ?? {
      requestType: request.requestType,
      total: 0,
      open: 0,
      resolved: 0,
      overdue: 0,
    };
    row.total++;
    if (request.status === 'resolved') row.resolved++;
    else if (request.status !== 'cancelled') row.open++;
    if (isOverdue(request, now)) row.overdue++;
    rows.set(request.requestType, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.requestType.localeCompare(b.requestType));
}
