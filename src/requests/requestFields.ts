import { z } from 'zod';
import { normaliseText } from '../knowledge/textAnalyzer';
import { parseAttachmentPath } from '../server/http/attachmentUrls';
import { formatLongDate } from '../calendar/dateLabels';
import { addDays, londonDate } from '../calendar/londonTime';
import { emailAddressSchema } from './validation/emailAddress';
import { readDate, recentDateSchema } from './validation/residentDate';
import { ukPhoneNumberSchema } from './validation/ukPhoneNumber';
import { ukPostcodeSchema } from './validation/ukPostcode';
import { isWorkingDay } from '../calendar/workingDays';

/** A file that came with a resident's message (an upload through the web chat, or a channel's attachment). */
export interface ReceivedAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
}

/** What a resident sent in answer to a question. */
export interface FieldInput {
  text: string;
  attachments: readonly ReceivedAttachment[];
  /** The conversation the message came in: a photo is accepted only from its own uploads (none when unset). */
  conversationId?: string;
}

/** How an answer was read: a value to keep (and how to show it back), or a helpful problem. */
export type FieldOutcome =
  { kind: 'answered'; value: string; display: string } | { kind: 'skipped' } | { kind: 'invalid'; problem: string };

/** The answers so far, by field id: the stored value, or `null` when the resident did not know. */
export type Answers = Readonly<Record<string, { value: string; display: string } | null>>;

/** One question of a form. Definitions are code; only answers are kept in dialog state. */
export interface FieldDefinition {
  id: string;
  /** Short name in the summary and on the "change" buttons: `Postcode`. */
  label: string;
  question: string;
  /** Buttons offered with the question (typing is always allowed). */
  suggestions: readonly string[];
  /** When true, "skip" and "I don't know" are accepted. */
  optional: boolean;
  /** Where a required answer goes: into the resident's contact details rather than the request's details. */
  contact?: 'email' | 'phone' | 'name';
  /** Asked only when this holds for the answers so far (e.g. an email only when the resident chose email). */
  askWhen?: (answers: Answers) => boolean;
  /** Reads an answer that is not a skip. */
  read(input: FieldInput, now: Date): FieldOutcome;
  /**
   * An answer that also answers later questions ("How should we contact you?" answered with a phone number): the
   * answers it gives, this field's included, or undefined to read the answer as usual.
   */
  answersAhead?: (input: FieldInput, now: Date) => Record<string, { value: string; display: string }> | undefined;
}

type FieldBase = Pick<FieldDefinition, 'id' | 'label' | 'question' | 'askWhen' | 'contact' | 'answersAhead'> & {
  optional?: boolean;
  suggestions?: readonly string[];
  /** The button that skips an optional question (default `Skip`; `I don't know` where that reads better). */
  skipLabel?: string;
};

const SKIP =
  /^(?:skip|skip (?:this|it|that)|pass|next|i dont know|dont know|i do not know|not sure|im not sure|no idea|unknown|dunno|dont know it|i dont know it|not known|cant remember|i cant remember|no photo|no photos|no thanks|none)$/;

/** Whether a message says "I don't know" or "skip". */
export function isSkip(text: string): boolean {
  return SKIP.test(normaliseText(text));
}

/** Reads the text with a zod schema; the first issue's message is the re-ask. */
function fromSchema(schema: z.ZodType<string, string>, display: (value: string) => string = (value) => value) {
  return (input: FieldInput): FieldOutcome => {
    if (input.text.trim() === '') return { kind: 'invalid', problem: 'Please type your answer.' };
    const parsed = schema.safeParse(input.text);
    if (parsed.success) return { kind: 'answered', value: parsed.data, display: display(parsed.data) };
    return { kind: 'invalid', problem: parsed.error.issues[0]?.message ?? 'Sorry, I could not read that.' };
  };
}

/** Free text, e.g. a location or a description. */
export function textField(base: FieldBase & { min?: number; max?: number; tooShort?: string }): FieldDefinition {
  const min = base.min ?? 2;
  const max = base.max ?? 500;
  const schema = z
    .string()
    .trim()
    .min(min, base.tooShort ?? 'Please tell me a little more.')
    .max(max, `Please keep it shorter: at most ${max} characters.`);
  return { ...common(base), read: fromSchema(schema) };
}

/** One of a few choices, offered as buttons; typing the choice, its first words or its number works too. */
export function choiceField(base: FieldBase & { choices: readonly string[]; allowOther?: boolean }): FieldDefinition {
  const schema = z.string().transform((text, ctx) => {
    const chosen = matchChoice(text, base.choices);
    if (chosen) return chosen;
    const other = text.trim();
    if (base.allowOther && other.length >= 2 && other.length <= 200) return other;
    ctx.addIssue({ code: 'custom', message: `Please choose one of: ${base.choices.join(', ')}.` });
    return z.NEVER;
  });
  return { ...common({ suggestions: base.choices, ...base }), read: fromSchema(schema) };
}

const YES = /^(?:y|yes|yeah|yep|yup|it is|correct|true)$/;
const NO = /^(?:n|no|nope|nah|it isnt|it is not|false|not really)$/;

export function yesNoField(base: FieldBase): FieldDefinition {
  const schema = z.string().transform((text, ctx) => {
    const normalised = normaliseText(text);
    if (YES.test(normalised)) return 'Yes';
    if (NO.test(normalised)) return 'No';
    ctx.addIssue({ code: 'custom', message: 'Please answer Yes or No.' });
    return z.NEVER;
  });
  return { ...common({ suggestions: ['Yes', 'No'], ...base }), read: fromSchema(schema) };
}

export function postcodeField(base: FieldBase): FieldDefinition {
  return { ...common(base), read: fromSchema(ukPostcodeSchema) };
}

export function emailField(base: FieldBase): FieldDefinition {
  return { ...common(base), read: fromSchema(emailAddressSchema) };
}

export function phoneField(base: FieldBase): FieldDefinition {
  return { ...common(base), read: fromSchema(ukPhoneNumberSchema) };
}

/** A date in the last `maxDaysAgo` days, such as when a bin was due; kept as `YYYY-MM-DD`. */
export function recentDateField(base: FieldBase & { maxDaysAgo: number }): FieldDefinition {
  return {
    ...common({ suggestions: ['Today', 'Yesterday'], ...base }),
    read: (input, now) =>
      fromSchema(
        recentDateSchema(() => now, base.maxDaysAgo),
        formatLongDate,
      )(input),
  };
}

const PART_OF_DAY = /\b(morning|afternoon|evening|am|pm)\b/;
const ANY_TIME = 'Any time';

/**
 * When the resident would like a call: any working day in the next four weeks, with a part of the day if they give
 * one ("Tuesday afternoon"), or one of the suggestions.
 */
export function preferredTimeField(base: FieldBase): FieldDefinition {
  const suggestions = [ANY_TIME, 'Weekday mornings', 'Weekday afternoons'];
  return {
    ...common({ suggestions, ...base }),
    read: (input, now) => {
      const chosen = matchChoice(input.text, suggestions);
      if (chosen) return { kind: 'answered', value: chosen, display: chosen };
      const schema = z.string().transform((text, ctx) => {
        const date = readDate(text, now, 'future');
        const today = londonDate(now);
        const problem = !date
          ? `Please give a day, like "tomorrow" or "Tuesday afternoon", or choose ${ANY_TIME}.`
          : date < today || date > addDays(today, 28)
            ? 'Please choose a day in the next four weeks.'
            : !isWorkingDay(date)
              ? 'We make calls Monday to Friday, except bank holidays. Please choose a working day.'
              : undefined;
        if (problem || !date) {
          ctx.addIssue({ code: 'custom', message: problem ?? 'Please give a day.' });
          return z.NEVER;
        }
        const part = PART_OF_DAY.exec(normaliseText(text))?.[1];
        const partName = part === 'am' ? 'morning' : part === 'pm' ? 'afternoon' : part;
        return partName ? `${date} ${partName}` : date;
      });
      return fromSchema(schema, (value) => {
        const [date = '', part] = value.split(' ');
        return part ? `${formatLongDate(date)}, ${part}` : formatLongDate(date);
      })(input);
    },
  };
}

/**
 * Photos sent with the message: images uploaded in this same conversation only. Another conversation's upload path
 * would be served to staff under this request, and an outside link would be passed to the CRM as the resident's.
 * The value is their stored paths, one per line.
 */
export function photoField(base: FieldBase): FieldDefinition {
  return {
    ...common(base),
    read: (input) => {
      const photos = input.attachments.filter(
        (attachment) =>
          attachment.contentType.startsWith('image/') && isOwnUpload(attachment.contentUrl, input.conversationId),
      );
      if (photos.length === 0) {
        const problem =
          input.attachments.length > 0
            ? 'Please send a photo (a JPEG, PNG, GIF, WebP or HEIC image) with the paperclip button, or choose Skip.'
            : 'Please send a photo with the paperclip button, or choose Skip.';
        return { kind: 'invalid', problem };
      }
      const value = photos.map((photo) => photo.contentUrl ?? '').join('\n');
      return { kind: 'answered', value, display: photos.length === 1 ? '1 photo' : `${photos.length} photos` };
    },
  };
}

function isOwnUpload(contentUrl: string | undefined, conversationId: string | undefined): boolean {
  if (!contentUrl || !conversationId) return false;
  return parseAttachmentPath(contentUrl)?.conversationId === conversationId;
}

/** The choice the text names: the whole choice, its words before a bracket, a prefix, or its number. */
export function matchChoice(text: string, choices: readonly string[]): string | undefined {
  const typed = normaliseText(text);
  if (typed === '') return undefined;
  const number = Number(typed);
  if (Number.isInteger(number) && number >= 1 && number <= choices.length) return choices[number - 1];
  const exact = choices.find((choice) => normaliseText(choice) === typed);
  if (exact) return exact;
  const matches = choices.filter((choice) => {
    const short = normaliseText(choice.split('(')[0] ?? choice);
    return short === typed || (typed.length >= 3 && (short.startsWith(typed) || ` ${typed} `.includes(` ${short} `)));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function common(base: FieldBase): Omit<FieldDefinition, 'read'> {
  const optional = base.optional ?? false;
  const suggestions = [...(base.suggestions ?? []), ...(optional ? [base.skipLabel ?? 'Skip'] : [])];
  return {
    id: base.id,
    label: base.label,
    question: base.question,
    askWhen: base.askWhen,
    contact: base.contact,
    answersAhead: base.answersAhead,
    optional,
    suggestions,
  };
}
