import type { CouncilProfile } from '../../src/knowledge/councilProfileSchema';
import type { ConversationServices } from '../conversationServices';

type ContactServices = Pick<ConversationServices, 'contactCentre'>;

/** "call 01632 960000 (Monday to Friday, 9am to 5pm)": the traditional route offered at every dead end. */
export function phoneLine(profile: CouncilProfile, services: ContactServices): string {
  return `call ${profile.phone} (${services.contactCentre.describeHours(profile)})`;
}

/** Every way to reach the council: phone, email, text relay and the office address. */
export function allContactLines(profile: CouncilProfile, services: ContactServices): string {
  const lines = [
    `- **Phone:** ${profile.phone}, ${services.contactCentre.describeHours(profile)}`,
    `- **Email:** ${profile.email} (we reply within ${profile.responseTarget.workingDays} working days)`,
  ];
  if (profile.textRelay) lines.push(`- **Text relay:** ${profile.textRelay}`);
  lines.push(`- **In person:** ${profile.address.slice(1).join(', ')}`);
  return lines.join('\n');
}
