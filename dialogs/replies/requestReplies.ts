import type { Activity } from 'botbuilder';
import type { CallbackWindow } from '../../src/contactCentre/callbackWindow';
import { clock } from '../../src/contactCentre/openingHours';
import type { CouncilProfile } from '../../src/knowledge/councilProfileSchema';
import { formatDateTime, formatLongDate } from '../../src/calendar/dateLabels';
import { canBeCheckedOnline } from '../../src/requests/requestDesk';
import type { Answers, FieldDefinition } from '../../src/requests/requestFields';
import {
  type FormDefinition,
  REQUEST_DEFINITIONS,
  REQUEST_TYPES,
  type RequestDefinition,
} from '../../src/requests/requestTypes';
import { STATUS_NAMES } from '../../src/requests/statusForm';
import { requestName } from '../../src/requests/requestName';
import type { ServiceRequest } from '../../src/requests/requestDesk';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';
import { literalText } from './literalText';

export const CONFIRM_BUTTON = 'Yes, send it';
export const CHANGE_BUTTON = 'Change something';
export const CANCEL_BUTTON = 'Cancel';
export const NOTHING_TO_CHANGE_BUTTON = "Nothing, it's right";

/** A form's question; after a bad answer, what was wrong first; when changing an answer, what it was. */
export function fieldPrompt(
  form: string,
  field: FieldDefinition,
  options: { problem?: string; intro?: string; current?: string | null } = {},
): Partial<Activity> {
  const parts = [];
  if (options.intro) parts.push(options.intro);
  if (options.problem) parts.push(options.problem);
  if (options.current !== undefined) {
    parts.push(
      options.current === null ? 'You said you did not know.' : `Your answer was: **${literalText(options.current)}**.`,
    );
  }
  parts.push(field.question);
  return botMessage(
    parts.join('\n\n'),
    { action: 'prompt', form, field: field.id, retry: Boolean(options.problem), optional: field.optional },
    field.suggestions,
  );
}

/** The answers as a list, to confirm before sending. */
export function summaryPrompt(definition: FormDefinition, answers: Answers, problem?: string): Partial<Activity> {
  const lines = definition.fields.flatMap((field) => {
    if (!(field.id in answers)) return [];
    const answer = answers[field.id];
    return [`- **${field.label}:** ${answer ? literalText(answer.display) : 'Not known'}`];
  });
  const text = [
    ...(problem ? [problem] : []),
    `Please check your ${requestName(definition.title)}:`,
    lines.join('\n'),
    'Shall I send it?',
  ].join('\n\n');
  return botMessage(text, { action: 'requestSummary', requestType: definition.id }, [
    CONFIRM_BUTTON,
    CHANGE_BUTTON,
    CANCEL_BUTTON,
  ]);
}

/** Which answer to change: the questions answered so far, as buttons. */
export function changeWhichPrompt(
  definition: FormDefinition,
  labels: readonly string[],
  problem?: string,
): Partial<Activity> {
  const text = [...(problem ? [problem] : []), 'What would you like to change?'].join('\n\n');
  return botMessage(
    text,
    { action: 'prompt', form: definition.id, field: 'change', retry: Boolean(problem), optional: false },
    [...labels, NOTHING_TO_CHANGE_BUTTON],
  );
}

/** The confirmation: the reference, the promised reply date and what happens next. */
export function requestSubmittedReply(
  request: ServiceRequest,
  definition: RequestDefinition,
  profile: CouncilProfile,
  alreadySubmitted: boolean,
  callback?: CallbackWindow,
): Partial<Activity> {
  const due = request.responseDueBy ? formatLongDate(request.responseDueBy) : undefined;
  const parts = [
    alreadySubmitted
      ? `That's already sent. Your reference is **${request.reference}**.`
      : `Thank you, your ${requestName(definition.title)} has been sent. Your reference is **${request.reference}**.`,
    callback
      ? callbackPromise(callback, request.contact.phone === undefined)
      : due
        ? `We will reply in full by **${due}** (within ${profile.responseTarget.workingDays} working days).`
        : `We will reply in full within ${profile.responseTarget.workingDays} working days.`,
  ];
  if (request.contact.email) parts.push(`We've also sent the reference to ${literalText(request.contact.email)}.`);
  parts.push(
    canBeCheckedOnline(request)
      ? 'To see how it is going, type **check my request** at any time.'
      : `To ask how it is going, call ${profile.phone} with your reference.`,
  );
  return botMessage(
    parts.join('\n\n'),
    {
      action: 'requestSubmitted',
      reference: request.reference,
      requestType: request.requestType,
      responseDueBy: request.responseDueBy,
      alreadySubmitted,
    },
    ['Check my request'],
  );
}

/** "We'll call you on **Monday 7 December** between 9am and 12pm." */
export function callbackPromise(window: CallbackWindow, byEmail: boolean): string {
  const day = formatLongDate(window.date).replace(/ \d{4}$/, '');
  const between = `between ${clock(window.startMinutes)} and ${clock(window.endMinutes)}`;
  return byEmail
    ? `We'll email you on **${day}** ${between}.`
    : `We'll call you on **${day}** ${between}. If we miss you, we'll try again and leave a message.`;
}

/** The status of a resident's request and its history. */
export function requestStatusReply(request: ServiceRequest, definition: RequestDefinition): Partial<Activity> {
  const history = request.statusHistory.map((change) => {
    const note = change.note ? `: ${literalText(change.note)}` : '';
    return `- ${formatDateTime(change.at)}: ${STATUS_NAMES[change.status]}${note}`;
  });
  const parts = [
    `**${request.reference}**, ${definition.title.toLowerCase()}: **${STATUS_NAMES[request.status]}**.`,
    history.join('\n'),
  ];
  const open = request.status !== 'resolved' && request.status !== 'cancelled';
  if (open && request.responseDueBy) {
    parts.push(`We promised a full reply by **${formatLongDate(request.responseDueBy)}**.`);
  }
  return botMessage(parts.join('\n\n'), {
    action: 'requestStatus',
    reference: request.reference,
    requestType: request.requestType,
    status: request.status,
  });
}

/** The same reply whether the reference or the proof was wrong. */
export function requestNotFoundReply(attemptsLeft: number, profile: CouncilProfile): Partial<Activity> {
  const text = [
    "Sorry, I couldn't find a request with that reference and those details.",
    `Please check the reference in your confirmation, and give the postcode or email address you used. You can also call ${profile.phone}.`,
  ].join('\n\n');
  return botMessage(text, { action: 'requestNotFound', attemptsLeft }, attemptsLeft > 0 ? ['Check my request'] : []);
}

/**
 * The request could not be stored (the store is unavailable): it was not sent, the answers are kept to send again,
 * and the phone is there now.
 */
export function requestNotSavedReply(
  definition: RequestDefinition,
  profile: CouncilProfile,
  services: Pick<ConversationServices, 'contactCentre'>,
): Partial<Activity> {
  return botMessage(
    [
      `I'm sorry: I couldn't save your ${definition.title.toLowerCase()} just now, so it has **not** been sent.`,
      `Your answers are kept. Choose **${CONFIRM_BUTTON}** again in a few minutes, or ${phoneLine(profile, services)} and we'll take it by phone.`,
    ].join('\n\n'),
    { action: 'requestNotSaved', requestType: definition.id },
    [CONFIRM_BUTTON],
  );
}

/** Too many references that did not match in this chat: no more checks here (a person is asked for next). */
export function statusCheckLockedReply(
  profile: CouncilProfile,
  services: Pick<ConversationServices, 'contactCentre'>,
): Partial<Activity> {
  return botMessage(
    [
      "I can't check any more references in this chat, to keep everyone's requests private.",
      `Please ${phoneLine(profile, services)} and we'll check it for you.`,
    ].join('\n\n'),
    { action: 'requestNotFound', attemptsLeft: 0 },
    ['Talk to a person'],
  );
}

/** The reference had too many wrong details from any chat: it can be checked by phone only for a while. */
export function referenceLockedReply(
  profile: CouncilProfile,
  services: Pick<ConversationServices, 'contactCentre'>,
): Partial<Activity> {
  return botMessage(
    [
      "Sorry, I can't check that reference in the chat just now: it has had too many wrong details, so it is locked for a while to keep it private.",
      `Please ${phoneLine(profile, services)} and we'll check it for you.`,
    ].join('\n\n'),
    { action: 'requestNotFound', attemptsLeft: 0 },
    ['Talk to a person'],
  );
}

/** The kinds of request, for "I want to report something". */
export function requestMenuReply(): Partial<Activity> {
  return botMessage(
    'What would you like to report or ask for?',
    { action: 'requestMenu' },
    REQUEST_TYPES.map((type) => REQUEST_DEFINITIONS[type].startPhrase),
  );
}
