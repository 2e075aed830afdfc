import type { RequestStatus } from '../storage/repositories/requestRepository';
import { type FieldDefinition, type FieldOutcome } from './requestFields';
import type { FormDefinition } from './requestTypes';
import { emailAddressSchema } from './validation/emailAddress';
import { requestReferenceSchema } from './validation/requestReference';
import { ukPhoneNumberSchema } from './validation/ukPhoneNumber';
import { ukPostcodeSchema } from './validation/ukPostcode';

export const STATUS_FORM_ID = 'requestStatus';

const reference: FieldDefinition = {
  id: 'reference',
  label: 'Reference',
  question: 'What is your reference? It starts with SR, like SR-7K3M9QXA.',
  suggestions: [],
  optional: false,
  read: (input) => {
    const parsed = requestReferenceSchema.safeParse(input.text);
    return parsed.success
      ? { kind: 'answered', value: parsed.data, display: parsed.data }
      : { kind: 'invalid', problem: parsed.error.issues[0]?.message ?? 'Please check the reference.' };
  },
};

/** The postcode, email or phone number given with the request: whichever the resident types, validated as such. */
const proof: FieldDefinition = {
  id: 'proof',
  label: 'Postcode or email',
  question:
    'To keep your details private, what is the postcode or the email address you gave with the request? (For a callback request, the phone number works too.)',
  suggestions: [],
  optional: false,
  read: (input): FieldOutcome => {
    const text = input.text.trim();
    const schema = text.includes('@')
      ? emailAddressSchema
      : /^[+\d][\d\s()-]{6,}$/.test(text)
        ? ukPhoneNumberSchema
        : ukPostcodeSchema;
    const parsed = schema.safeParse(text);
    if (parsed.success) return { kind: 'answered', value: parsed.data, display: parsed.data };
    return {
      kind: 'invalid',
      problem: `${parsed.error.issues[0]?.message ?? 'Sorry, I could not read that.'} Please give the postcode or email address you gave with your request.`,
    };
  },
};

/** "Check my request": the reference, then the proof that it is the resident's own. */
export const STATUS_FORM: FormDefinition = {
  id: STATUS_FORM_ID,
  title: 'Request status',
  intro: "I can tell you where your request has got to. I'll need its reference and the details you gave with it.",
  fields: [reference, proof],
  confirm: false,
};

/** How each status is put to residents. */
export const STATUS_NAMES: Readonly<Record<RequestStatus, string>> = {
  submitted: 'Received',
  forwarded: 'Passed to the service team',
  inProgress: 'In progress',
  resolved: 'Resolved',
  cancelled: 'Closed',
};
