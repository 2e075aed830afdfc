import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { formatLongDate } from '../calendar/dateLabels';
import type { RequestStatus, ServiceRequest } from '../storage/repositories/requestRepository';
import { CASE_DETAILS } from './memberEnquiry';

const STATUS_WORDS: Record<RequestStatus, string> = {
  submitted: 'received',
  forwarded: 'passed to the service team',
  inProgress: 'in progress',
  resolved: 'resolved',
  cancelled: 'closed without action',
};

/**
 * The councillor's acknowledgement of a case they raised. It names the case by reference and service area only:
 * the constituent's details stay in the console, not in an inbox.
 */
export function caseAcknowledgementEmail(
  request: ServiceRequest,
  profile: CouncilProfile,
  caseUrl: string,
): { subject: string; body: string } {
  const due = request.responseDueBy ? formatLongDate(request.responseDueBy) : undefined;
  const body = [
    'Hello,',
    '',
    `Thank you. ${profile.name} has received the case you raised for a resident.`,
    '',
    `Reference: ${request.reference}`,
    `Service area: ${request.details[CASE_DETAILS.serviceArea] ?? ''}`,
    ...(due ? [`A full reply is due by: ${due}`] : []),
    '',
    `Follow it, and add updates, at ${caseUrl}`,
    '',
    `${profile.name}`,
    'This email was sent automatically. Please do not reply to it.',
  ].join('\n');
  return { subject: `Case ${request.reference} received`, body };
}

/** Tells the councillor their case's status changed, with the note staff left for them. */
export function caseStatusEmail(
  request: ServiceRequest,
  profile: CouncilProfile,
  caseUrl: string,
  note: string | undefined,
): { subject: string; body: string } {
  const body = [
    'Hello,',
    '',
    `Case ${request.reference} (${request.details[CASE_DETAILS.serviceArea] ?? ''}) is now ${STATUS_WORDS[request.status]}.`,
    ...(note ? ['', 'Note from the council:', note] : []),
    '',
    `See the case at ${caseUrl}`,
    '',
    `${profile.name}`,
    'This email was sent automatically. Please do not reply to it.',
  ].join('\n');
  return { subject: `Case ${request.reference}: ${STATUS_WORDS[request.status]}`, body };
}
