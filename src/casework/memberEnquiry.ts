import { londonDate } from '../calendar/londonTime';
import type { RequestStatus, ServiceRequest, StatusChange } from '../storage/repositories/requestRepository';

/** The request type of a case a councillor raises for a constituent (a "member enquiry"). */
export const MEMBER_ENQUIRY_TYPE = 'member-enquiry';

/**
 * The details a member enquiry keeps beside the constituent's contact (which the request's `contact` holds, so it is
 * exported, erased and purged with every other resident's request). Staff see them on the request page.
 */
export const CASE_DETAILS = {
  serviceArea: 'serviceArea',
  problem: 'problem',
  councillor: 'councillor',
  councillorAccount: 'councillorAccount',
  ward: 'ward',
  wardId: 'wardId',
  consent: 'consent',
} as const;

/** Who wrote an entry of a case's history: `councillor:<account id>` marks the councillor's own updates. */
export const COUNCILLOR_AUTHOR_PREFIX = 'councillor:';

/** A case as its councillor sees it: no ids of staff, no other councillors' anything. */
export interface CouncillorCase {
  reference: string;
  serviceArea: string;
  problem: string;
  status: RequestStatus;
  /** `YYYY-MM-DD`: when a full reply is due. */
  dueBy: string | undefined;
  /** Due date passed without the case being resolved or cancelled. */
  overdue: boolean;
  raisedAt: Date;
  lastUpdate: Date;
  constituent: { name?: string; email?: string; phone?: string; address?: string };
  history: CaseHistoryEntry[];
}

export type CaseHistoryEntry =
  | { kind: 'status'; status: RequestStatus; at: Date; note?: string }
  | { kind: 'councillorUpdate'; at: Date; text: string };

export function isMemberEnquiry(request: ServiceRequest): boolean {
  return request.requestType === MEMBER_ENQUIRY_TYPE;
}

/** Whether this request is a case raised by the councillor with this account id. */
export function isCaseOf(request: ServiceRequest, councillorAccountId: string): boolean {
  return isMemberEnquiry(request) && request.details[CASE_DETAILS.councillorAccount] === councillorAccountId;
}

/** Still open on a day after its due date (UK time). */
export function isOverdue(request: ServiceRequest, now: Date): boolean {
  if (request.status === 'resolved' || request.status === 'cancelled' || !request.responseDueBy) return false;
  return londonDate(now) > request.responseDueBy;
}

export function toCouncillorCase(request: ServiceRequest, now: Date): CouncillorCase {
  return {
    reference: request.reference,
    serviceArea: request.details[CASE_DETAILS.serviceArea] ?? '',
    problem: request.details[CASE_DETAILS.problem] ?? '',
    status: request.status,
    dueBy: request.responseDueBy,
    overdue: isOverdue(request, now),
    raisedAt: request.createdAt,
    lastUpdate: request.updatedAt,
    constituent: { ...request.contact },
    history: request.statusHistory.map(historyEntry),
  };
}

function historyEntry(change: StatusChange): CaseHistoryEntry {
  if (change.by.startsWith(COUNCILLOR_AUTHOR_PREFIX)) {
    return { kind: 'councillorUpdate', at: change.at, text: change.note ?? '' };
  }
  return { kind: 'status', status: change.status, at: change.at, ...(change.note && { note: change.note }) };
}
