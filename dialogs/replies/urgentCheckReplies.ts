import type { Activity } from 'botbuilder';
import { emergencyContactsFor } from '../../src/knowledge/emergencyContactsSchema';
import type { UrgentCategory } from '../../src/safety/urgentCategory';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { emergencyContactLines } from './emergencyContactLines';
import { TALK_TO_A_PERSON } from './urgentReply';

export const IN_DANGER_NOW = 'Yes, someone is in danger now';
export const NOT_IN_DANGER_NOW = 'No, not right now';

/** The middle band: one question before routing, with 999 shown so nobody in danger waits for the answer. */
export function urgentCheckReply(category: UrgentCategory): Partial<Activity> {
  return botMessage(
    'It sounds like someone may be at risk. Is anyone in danger right now?\n\nIf they are, **call 999** now.',
    { action: 'urgent', urgent: true, urgentCategory: category, urgentCheck: true },
    [IN_DANGER_NOW, NOT_IN_DANGER_NOW, TALK_TO_A_PERSON],
  );
}

/** Nobody is in danger right now: the category's own numbers (without 999), and a person offered. */
export function notInDangerReply(category: UrgentCategory, services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const contacts = emergencyContactsFor(profile.emergencyContacts, category, false);
  const text = [
    `Thank you for telling me. If that changes, **call 999** straight away.${contacts.length > 0 ? ' These can help:' : ''}`,
    contacts.length > 0 ? emergencyContactLines(contacts) : '',
    `If you'd like to talk to someone from our team about it, choose **${TALK_TO_A_PERSON}**.`,
  ]
    .filter((line) => line !== '')
    .join('\n\n');
  return botMessage(text, { action: 'urgent', urgent: true, urgentCategory: category }, [TALK_TO_A_PERSON]);
}
