import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import type { ServiceRequest } from '../storage/repositories/requestRepository';
import { formatDateTime, formatLongDate } from '../calendar/dateLabels';
import { requestName } from './requestName';
import type { RequestDefinition } from './requestTypes';

/** The plain-text email acknowledging a request: its reference, what was asked for, the promise and how to chase. */
export function acknowledgementEmail(
  request: ServiceRequest,
  definition: RequestDefinition,
  profile: CouncilProfile,
): { subject: string; body: string } {
  const lines = definition.fields.flatMap((field) => {
    const value = request.details[field.id];
    if (value === undefined || field.id === 'photo') return [];
    return [`  ${field.label}: ${value}`];
  });
  if (request.details.photo) lines.push('  Photo: received');
  const due = request.responseDueBy ? formatLongDate(request.responseDueBy) : undefined;
  const body = [
    'Hello,',
    '',
    `Thank you for contacting ${profile.name}. We have received your ${requestName(definition.title)}.`,
    '',
    `Your reference: ${request.reference}`,
    `Received: ${formatDateTime(request.createdAt)}`,
    ...(due ? [`We will reply in full by: ${due}`] : []),
    '',
    'What you told us:',
    ...lines,
    '',
    `To check progress, type "check my request" in the chat on ${profile.website} and give your reference, or call ${profile.phone}.`,
    '',
    `${profile.name}`,
    'This email was sent automatically. Please do not reply to it.',
  ].join('\n');
  return { subject: `Your ${requestName(definition.title)} ${request.reference}`, body };
}
