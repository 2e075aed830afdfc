import { REQUEST_SUBMITTED_EVENT } from '../requests/crmPayload';
import type { ServiceRequest } from '../storage/repositories/requestRepository';
import { CASE_DETAILS } from './memberEnquiry';

/**
 * The CRM delivery of a councillor's case: the same event and fields as any service request (README: "CRM webhook"),
 * flagged `councillorEnquiry: true` with the councillor and ward, and the consent recorded.
 */
export function memberEnquiryPayload(request: ServiceRequest): Record<string, unknown> {
  const detail = (key: string) => request.details[key];
  return {
    event: REQUEST_SUBMITTED_EVENT,
    request: {
      reference: request.reference,
      type: request.requestType,
      title: 'Member enquiry',
      service: detail(CASE_DETAILS.serviceArea),
      status: request.status,
      submittedAt: request.createdAt.toISOString(),
      responseDueBy: request.responseDueBy,
      details: [
        { id: 'serviceArea', label: 'Service area', value: detail(CASE_DETAILS.serviceArea) },
        { id: 'problem', label: 'What is the problem', value: detail(CASE_DETAILS.problem) },
        ...(request.contact.address ? [{ id: 'address', label: 'Their address', value: request.contact.address }] : []),
      ],
      photos: [],
      contact: { name: request.contact.name, email: request.contact.email, phone: request.contact.phone },
      conversationId: undefined,
      councillorEnquiry: true,
      councillor: { name: detail(CASE_DETAILS.councillor), ward: detail(CASE_DETAILS.ward) },
      consent: detail(CASE_DETAILS.consent),
    },
  };
}
