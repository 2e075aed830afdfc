import type { EmergencyContact } from '../../src/knowledge/emergencyContactsSchema';

/** The contacts as a markdown list, in the order given: "- Samaritans, to talk to someone: **116 123** (any time, free)". */
export function emergencyContactLines(contacts: readonly EmergencyContact[]): string {
  return contacts.map(contactLine).join('\n');
}

function contactLine(contact: EmergencyContact): string {
  const how = contact.text ? `text **${contact.text}** to **${contact.phone}**` : `**${contact.phone}**`;
  const note = contact.note ? ` (${contact.note})` : '';
  return `- ${contact.label}: ${how}${note}`;
}
