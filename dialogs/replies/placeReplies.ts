import type { Activity } from 'botbuilder';
import { longDateLabel } from '../../src/calendar/dateLabels';
import type { Article } from '../../src/knowledge/articleSchema';
import type { CouncilProfile } from '../../src/knowledge/councilProfileSchema';
import type { Address } from '../../src/places/address';
import { WEEKDAYS } from '../../src/places/collectionScheduleSchema';
import type { Collection } from '../../src/places/collectionsBetween';
import { weekdayOf } from '../../src/places/isoDate';
import type { Ward } from '../../src/places/wardSchema';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';
import { literalText } from './literalText';

/** The address step's question: the postcode, the house number or name, or which of a few addresses (buttons). */
export function addressPromptReply(
  step: 'postcode' | 'premises' | 'choose',
  choices: readonly string[],
  lead: { postcode?: string; problem?: string; intro?: string },
): Partial<Activity> {
  const question =
    step === 'postcode'
      ? 'What is your postcode? For example EM1 1AA.'
      : step === 'premises'
        ? `What is the house number or name at **${lead.postcode ?? ''}**?`
        : 'Which address is yours?';
  const text = [lead.intro, lead.problem, question].filter(Boolean).join('\n\n');
  return botMessage(
    text,
    {
      action: 'addressPrompt',
      step,
      retry: Boolean(lead.problem),
      ...(lead.postcode ? { postcode: lead.postcode } : {}),
    },
    choices,
  );
}

/** A date as residents say it: `Monday 7 December 2026`, with `today` or `tomorrow` when it is. */
export function collectionDayLabel(date: string, today: string, tomorrow: string): string {
  const day = `${WEEKDAYS[weekdayOf(date)] ?? ''} ${longDateLabel(date)}`;
  if (date === today) return `today, ${day}`;
  if (date === tomorrow) return `tomorrow, ${day}`;
  return day;
}

/** The next collection of each bin at the address, the calendar link and the recycling guide. */
export function collectionsReply(input: {
  address: Address;
  collections: readonly Collection[];
  binName: (id: string) => string;
  dayLabel: (date: string) => string;
  calendarUrl: string;
  guide: Article | undefined;
}): Partial<Activity> {
  const lines = input.collections.map(
    (collection) => `- ${input.binName(collection.bin)}: **${input.dayLabel(collection.date)}**`,
  );
  const parts = [
    `Your next collections at **${literalText(input.address.label)}**:`,
    lines.join('\n'),
    'Please put your bins out by 7am on collection day.',
    `[Add to my calendar](${input.calendarUrl}) (every collection for the next 12 months)`,
  ];
  if (input.guide) parts.push(`What goes in which bin: [${input.guide.title}](${input.guide.url})`);
  return botMessage(
    parts.join('\n\n'),
    {
      action: 'collections',
      collections: input.collections.map(({ bin, date }) => ({ bin, date })),
      uprn: input.address.uprn,
      calendarUrl: input.calendarUrl,
    },
    ['Report a missed bin'],
  );
}

/** The ward of the address and its councillors: name, party, email and surgeries. */
export function councillorsReply(address: Address, ward: Ward): Partial<Activity> {
  const people = ward.councillors.map((councillor) => {
    const lines = [`**${councillor.name}** (${councillor.party})`, `Email: ${councillor.email}`];
    if (councillor.phone) lines.push(`Phone: ${councillor.phone}`);
    for (const surgery of councillor.surgeries) lines.push(`Surgery: ${surgery}`);
    return lines.map((line, index) => (index === 0 ? `- ${line}` : `  ${line}`)).join('\n');
  });
  const text = [
    `**${literalText(address.label)}** is in **${ward.name}**. Its councillors are:`,
    people.join('\n'),
  ].join('\n\n');
  return botMessage(text, {
    action: 'councillors',
    uprn: address.uprn,
    ward: ward.id,
    councillors: ward.councillors.map((councillor) => councillor.name),
  });
}

/** No address, or nothing known about it: the general page when there is one, and the phone. */
export function addressNotFoundReply(
  reason: 'noAddresses' | 'unavailable' | 'noRound',
  postcode: string | undefined,
  fallback: Article | undefined,
  profile: CouncilProfile,
  services: Pick<ConversationServices, 'contactCentre'>,
): Partial<Activity> {
  const lead =
    reason === 'noAddresses'
      ? `I couldn't find that address${postcode ? ` at **${postcode}**` : ''} in our records. It may be outside our area, or very new.`
      : reason === 'unavailable'
        ? "Sorry, I can't look up addresses just now."
        : "Sorry, I don't have the details for that address.";
  const parts = [lead];
  if (fallback) parts.push(`${fallback.summary} [${fallback.title}](${fallback.url})`);
  parts.push(`You can also ${phoneLine(profile, services)}.`);
  return botMessage(parts.join('\n\n'), { action: 'addressNotFound', reason, ...(postcode ? { postcode } : {}) }, [
    'Talk to a person',
  ]);
}

/** A bin reported missed on its collection day: the crew is still due, so nothing is logged yet. */
export function crewDueReply(address: Address, binName: string, date: string, dayLabel: string): Partial<Activity> {
  const text = [
    `The ${binName} at **${literalText(address.label)}** is due to be collected **${dayLabel}**, and crews work until the end of the day.`,
    'Please leave it out. If it still has not been emptied by the morning after, report it and we will send the crew back.',
  ].join('\n\n');
  return botMessage(text, { action: 'crewDue', uprn: address.uprn, bin: binName, date });
}
