import { CASE_DETAILS } from '../casework/memberEnquiry';
import type { ServiceRequest } from '../storage/repositories/requestRepository';

/**
 * A councillor's enquiry as Open311 `requests.json` fields: the description says it is a councillor's enquiry, for
 * which ward and service area, and what the problem is; the constituent's contact goes with it because their consent
 * to sharing it is recorded with every case (a case cannot be raised without it).
 */
export function memberEnquiryFields(request: ServiceRequest, serviceCode: string): Record<string, string> {
  const details = request.details;
  const description = [
    `Councillor enquiry (${request.reference}) from ${details[CASE_DETAILS.councillor] ?? 'a councillor'}, ${
      details[CASE_DETAILS.ward] ?? 'ward not known'
    }`,
    `Service area: ${details[CASE_DETAILS.serviceArea] ?? ''}`,
    `Problem: ${details[CASE_DETAILS.problem] ?? ''}`,
    `Consent: ${details[CASE_DETAILS.consent] ?? ''}`,
    ...(request.responseDueBy ? [`Full reply due by: ${request.responseDueBy}`] : []),
  ].join('\n');
  const [firstName, ...rest] = (request.contact.name ?? '').trim().split(/\s+/);
  const fields: Record<string, string | undefined> = {
    service_code: serviceCode,
    description,
    address_string: request.contact.address,
    email: request.contact.email,
    first_name: firstName || undefined,
    last_name: rest.join(' ') || undefined,
    phone: request.contact.phone,
    'attribute[councillor_enquiry]': 'true',
    'attribute[ward]': details[CASE_DETAILS.wardId],
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
