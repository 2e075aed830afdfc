import type { Activity } from 'botbuilder';
import { emergencyContactsFor } from '../../src/knowledge/emergencyContactsSchema';
import type { UrgentCategory } from '../../src/safety/urgentCategory';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';
import { emergencyContactLines } from './emergencyContactLines';

export const TALK_TO_A_PERSON = 'Talk to a person';

/** The first thing to do, before any number: what keeps people safe in the next minute. */
const FIRST_STEP: Record<UrgentCategory, string> = {
  danger: 'If you or someone else is in danger right now, **call 999** and ask for the police.',
  selfHarm:
    "I'm so sorry you're feeling like this. You don't have to deal with it alone. If you have hurt yourself or might act on these thoughts, **call 999** now.",
  abuse:
    "If you are in danger now, **call 999**. If you can't talk, call 999, listen, then press 55 when asked. What's happening is not your fault.",
  child:
    "If a child is in immediate danger, **call 999**. If you are worried about a child, tell the county's children's services now: they will act on it.",
  adultWelfare:
    "If someone may be hurt or at risk right now, **call 999**. If you're worried about someone who hasn't been seen, ask the police for a welfare check on **101**.",
  homelessTonight:
    'If you have nowhere safe to sleep tonight, please **call our emergency housing line** now. We will help you find somewhere to stay.',
  gas: "Leave the building now and get everyone out. Don't use light switches, flames or anything electrical; open doors and windows on your way if you can. Then **call the National Gas Emergency Service on 0800 111 999**. If anyone has headaches, dizziness or sickness (signs of carbon monoxide), get them into fresh air and call 999.",
  fire: '**Call 999** now and get everyone out. Do not go back inside.',
  medical:
    'If someone is seriously ill or injured, **call 999** for an ambulance now. For urgent medical advice, call **111**.',
  structure:
    'Keep everyone well away: from a dangerous wall or building, fallen cables (assume they are live), flood water or an open hole. If anyone is hurt or in danger right now, **call 999**.',
};

/** Emergency signposting: the first step, then 999 and the category's own numbers in order, then the way to a person. */
export function urgentReply(category: UrgentCategory, services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const text = [
    FIRST_STEP[category],
    emergencyContactLines(emergencyContactsFor(profile.emergencyContacts, category)),
    `I'm a bot and can't call anyone for you. When you are safe, type **talk to a person** to reach our team, or ${phoneLine(profile, services)}.`,
  ].join('\n\n');
  return botMessage(text, { action: 'urgent', urgent: true, urgentCategory: category }, [TALK_TO_A_PERSON]);
}
