import type { ServiceRequest } from '../storage/repositories/requestRepository';
import type { RequestDefinition } from './requestTypes';

/** The event a CRM delivery announces. */
export const REQUEST_SUBMITTED_EVENT = 'serviceRequest.submitted';

/**
 * The JSON the council's CRM receives for a new request (README: "CRM webhook"). Stable field names; `details` keeps
 * the form's order with each question's label, so a CRM can show it without knowing the form.
 */
export interface CrmRequestPayload {
  event: typeof REQUEST_SUBMITTED_EVENT;
  request: {
    reference: string;
    type: string;
    title: string;
    service: string;
    status: string;
    submittedAt: string;
    responseDueBy: string | undefined;
    details: { id: string; label: string; value: string }[];
    photos: { url: string }[];
    contact: { name?: string; email?: string; phone?: string };
    conversationId: string | undefined;
  };
}

/** Builds the payload; `photoUrl` turns a stored upload's link into one the CRM can fetch. */
export function crmPayload(
  request: ServiceRequest,
  definition: RequestDefinition,
  photoUrl: (contentUrl: string, reference: string) => string,
): CrmRequestPayload {
  const details = definition.fields.flatMap((field) => {
    const value = request.details[field.id];
    return value === undefined || field.id === 'photo' ? [] : [{ id: field.id, label: field.label, value }];
  });
  const photos = (request.details.photo ?? '')
    .split('\n')
    .filter((link) => link !== '')
    .map((link) => ({ url: photoUrl(link, request.reference) }));
  return {
    event: REQUEST_SUBMITTED_EVENT,
    request: {
      reference: request.reference,
      type: request.requestType,
      title: definition.title,
      service: definition.service,
      status: request.status,
      submittedAt: request.createdAt.toISOString(),
      responseDueBy: request.responseDueBy,
      details,
      photos,
      contact: { name: request.contact.name, email: request.contact.email, phone: request.contact.phone },
      conversationId: request.conversationId,
    },
  };
}
