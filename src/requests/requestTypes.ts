import { REQUEST_TYPES, type RequestType } from '../knowledge/articleSchema';
import {
  type Answers,
  choiceField,
  emailField,
  type FieldDefinition,
  phoneField,
  photoField,
  postcodeField,
  preferredTimeField,
  recentDateField,
  textField,
  yesNoField,
} from './requestFields';
import { emailAddressSchema } from './validation/emailAddress';
import { ukPhoneNumberSchema } from './validation/ukPhoneNumber';

export { REQUEST_TYPES, type RequestType };

/** A guided form: its questions in order; a request form also confirms a summary before it is sent. */
export interface FormDefinition {
  /** The request type, or another form's name (`requestStatus`). */
  id: string;
  /** `Missed bin collection` */
  title: string;
  /** What the resident is told when the form starts. */
  intro: string;
  fields: readonly FieldDefinition[];
  /** Show the answers and ask to confirm or change them before finishing. */
  confirm: boolean;
  /**
   * After two bad answers to one question: hand over to a person (the default), or, for a form that is itself the
   * way to a person (a callback), offer another way to answer (email instead of a phone number) and the number to
   * ring, never a handoff that would offer the same form again.
   */
  whenStuck?: 'handOff' | 'offerAnotherWay';
}

/** A kind of service request residents can make, and what it asks. */
export interface RequestDefinition extends FormDefinition {
  id: RequestType;
  /** The council service it goes to (for the CRM and the confirmation). */
  service: string;
  /** The verb phrase residents use to start it: `Report a missed bin` (buttons and menus). */
  startPhrase: string;
}

/** The bins, as the missed-bin form and `places/collections.yaml` name them. */
export const BINS = ['Black (general waste)', 'Blue (recycling)', 'Brown (garden waste)', 'Food caddy'];

const email = (purpose: string) =>
  emailField({
    id: 'email',
    label: 'Email',
    question: `What email address should we send ${purpose} to? If you'd rather not give one, choose Skip.`,
    optional: true,
    contact: 'email',
  });

const nearestPostcode = postcodeField({
  id: 'postcode',
  label: 'Postcode',
  question:
    "What is the nearest postcode, if you know it? It helps our team find the place. Choose I don't know if not.",
  optional: true,
  skipLabel: "I don't know",
});

const homePostcode = postcodeField({ id: 'postcode', label: 'Postcode', question: 'What is your postcode?' });

const homeAddress = textField({
  id: 'address',
  label: 'Address',
  question: 'What is the house number or name, and the street? For example: 12 Mill Lane.',
  min: 3,
  max: 200,
  tooShort: 'Please give the house number or name and the street.',
});

const location = (what: string) =>
  textField({
    id: 'location',
    label: 'Location',
    question: `Where is ${what}? Please give the street name and a nearby house number or landmark.`,
    min: 4,
    max: 300,
    tooShort: 'Please give a street name and a nearby house number or landmark, so our team can find it.',
  });

const chosen = (fieldId: string, value: string) => (answers: Answers) => answers[fieldId]?.value === value;

const contactChoice = choiceField({
  id: 'contactBy',
  label: 'Contact by',
  question: 'How should we contact you? You can type your phone number or email address here.',
  choices: ['Phone', 'Email'],
  answersAhead: ({ text }): Record<string, { value: string; display: string }> | undefined => {
    const email = emailAddressSchema.safeParse(text);
    if (email.success) {
      return { contactBy: { value: 'Email', display: 'Email' }, email: { value: email.data, display: email.data } };
    }
    const phone = /\d/.test(text) ? ukPhoneNumberSchema.safeParse(text) : undefined;
    if (phone?.success) {
      return { contactBy: { value: 'Phone', display: 'Phone' }, phone: { value: phone.data, display: phone.data } };
    }
    return undefined;
  },
});

const contactPhone = phoneField({
  id: 'phone',
  label: 'Phone',
  question: 'What phone number should we call? Please include the area code.',
  contact: 'phone',
  askWhen: chosen('contactBy', 'Phone'),
});

const contactEmail = emailField({
  id: 'email',
  label: 'Email',
  question: 'What is your email address?',
  contact: 'email',
  askWhen: chosen('contactBy', 'Email'),
});

const missedBin: RequestDefinition = {
  id: 'missed-bin',
  title: 'Missed bin collection',
  service: 'Waste and recycling',
  startPhrase: 'Report a missed bin',
  intro: "I'll take a few details about the missed bin. It takes about a minute. You can type **cancel** at any time.",
  confirm: true,
  fields: [
    homePostcode,
    homeAddress,
    // The property's UPRN, when the address was chosen from the gazetteer (never asked: it comes with the address).
    textField({
      id: 'uprn',
      label: 'Property reference (UPRN)',
      question: 'What is the property reference?',
      askWhen: (answers) => answers.uprn !== undefined,
    }),
    choiceField({ id: 'bin', label: 'Bin', question: 'Which bin was missed?', choices: BINS }),
    recentDateField({
      id: 'collectionDate',
      label: 'Collection day',
      question: 'Which day was it due to be collected? For example "today", "yesterday" or "Monday".',
      maxDaysAgo: 14,
    }),
    textField({
      id: 'binLocation',
      label: 'Where the bin is',
      question: 'Where did you leave the bin for collection?',
      suggestions: ['At the kerb', 'At the end of the drive', 'In the usual bin store'],
      optional: true,
    }),
    email('your reference and our reply'),
  ],
};

const flyTipping: RequestDefinition = {
  id: 'fly-tipping',
  title: 'Fly-tipping',
  service: 'Street scene',
  startPhrase: 'Report fly-tipping',
  intro:
    "I'll take a few details about the fly-tipping. Please don't touch it or confront anyone. You can type **cancel** at any time.",
  confirm: true,
  fields: [
    location('the fly-tipping'),
    nearestPostcode,
    choiceField({
      id: 'waste',
      label: 'What was dumped',
      question: 'What has been dumped? Choose one, or describe it in a few words.',
      choices: [
        'Household rubbish bags',
        'Furniture or mattresses',
        'Fridges, TVs or electricals',
        "Builders' rubble",
        'Garden waste',
        'Tyres',
        'Hazardous (asbestos, chemicals, needles)',
      ],
      allowOther: true,
    }),
    choiceField({
      id: 'amount',
      label: 'How much',
      question: 'Roughly how much is there?',
      choices: ['A single bag or item', 'A car boot load', 'A small van load', 'A lorry load or more'],
    }),
    photoField({
      id: 'photo',
      label: 'Photo',
      question:
        'If you can take one safely, please send a photo with the paperclip button. It helps our team find and clear it. Otherwise choose Skip.',
      optional: true,
    }),
    email('your reference and our reply'),
  ],
};

const streetCleansing: RequestDefinition = {
  id: 'street-cleansing',
  title: 'Street cleaning',
  service: 'Street scene',
  startPhrase: 'Report litter, graffiti or dog fouling',
  intro: "I'll take a few details so our street cleaning team can deal with it. You can type **cancel** at any time.",
  confirm: true,
  fields: [
    choiceField({
      id: 'problem',
      label: 'Problem',
      question: 'What would you like to report?',
      choices: ['Litter', 'Graffiti', 'Dog fouling'],
    }),
    yesNoField({
      id: 'offensive',
      label: 'Offensive',
      question: 'Is the graffiti offensive, for example racist or obscene? We remove offensive graffiti first.',
      askWhen: chosen('problem', 'Graffiti'),
    }),
    location('it'),
    nearestPostcode,
    textField({
      id: 'description',
      label: 'Details',
      question:
        'Anything else our team should know? For example how much there is, or what the graffiti is on. Choose Skip if not.',
      optional: true,
    }),
    email('your reference and our reply'),
  ],
};

const newBin: RequestDefinition = {
  id: 'new-bin',
  title: 'New or replacement bin',
  service: 'Waste and recycling',
  startPhrase: 'Order a new or replacement bin',
  intro:
    "I'll take your order for a bin. A new wheelie bin costs £30 including delivery; food caddies and repairs are free, and so is a bin our crew damaged. We'll confirm any charge before delivery. You can type **cancel** at any time.",
  confirm: true,
  fields: [
    choiceField({ id: 'bin', label: 'Bin', question: 'Which bin do you need?', choices: BINS }),
    choiceField({
      id: 'reason',
      label: 'Reason',
      question: 'Why do you need it?',
      choices: ['Lost or stolen', 'Damaged by the crew', 'Broken or worn out', 'Moved into a new home'],
    }),
    homePostcode,
    homeAddress,
    email('your reference and delivery details'),
  ],
};

const abandonedVehicle: RequestDefinition = {
  id: 'abandoned-vehicle',
  title: 'Abandoned vehicle',
  service: 'Street scene',
  startPhrase: 'Report an abandoned vehicle',
  intro:
    "I'll take a few details about the vehicle. If it is burnt out, dangerous or you think it is stolen, please also call the police on 101. You can type **cancel** at any time.",
  confirm: true,
  fields: [
    location('the vehicle'),
    nearestPostcode,
    textField({
      id: 'vehicle',
      label: 'Vehicle',
      question: 'What make, model and colour is it? For example: silver Ford Focus.',
      max: 100,
    }),
    textField({
      id: 'registration',
      label: 'Registration',
      question: "What is the registration number, if it has one? Choose I don't know if you can't see it.",
      optional: true,
      skipLabel: "I don't know",
      min: 2,
      max: 10,
      tooShort: 'Please type the registration number, for example AB12 CDE.',
    }),
    choiceField({
      id: 'howLong',
      label: 'There for',
      question: 'How long has it been there?',
      choices: ['Less than a week', '1 to 4 weeks', 'More than 4 weeks'],
      optional: true,
      skipLabel: "I don't know",
    }),
    email('your reference and our reply'),
  ],
};

const noise: RequestDefinition = {
  id: 'noise',
  title: 'Noise nuisance',
  service: 'Environmental health',
  startPhrase: 'Report a noise problem',
  intro:
    "I'll take a few details about the noise. An officer will contact you, so I'll ask how to reach you. You can type **cancel** at any time.",
  confirm: true,
  fields: [
    choiceField({
      id: 'source',
      label: 'Noise',
      question: 'What kind of noise is it? Choose one, or describe it in a few words.',
      choices: ['Music or parties', 'Barking dog', 'Alarm', 'Building work', 'A business or pub'],
      allowOther: true,
    }),
    location('the noise coming from'),
    nearestPostcode,
    choiceField({
      id: 'when',
      label: 'When',
      question: 'When does it happen?',
      choices: ['It is happening now', 'Most nights', 'Most days', 'Weekends', 'Now and then'],
    }),
    textField({ id: 'name', label: 'Your name', question: 'What is your name?', contact: 'name', max: 100 }),
    contactChoice,
    contactPhone,
    contactEmail,
  ],
};

const callback: RequestDefinition = {
  id: 'callback',
  title: 'Callback request',
  service: 'Customer services',
  startPhrase: 'Ask for a callback',
  intro: "I'll arrange for someone from our team to contact you. You can type **cancel** at any time.",
  confirm: true,
  whenStuck: 'offerAnotherWay',
  fields: [
    textField({
      id: 'topic',
      label: 'Topic',
      question: 'What would you like to talk to us about?',
      suggestions: ['Council tax', 'Bins and recycling', 'Housing', 'Benefits', 'Planning'],
      max: 300,
    }),
    textField({ id: 'name', label: 'Your name', question: 'What name should we ask for?', contact: 'name', max: 100 }),
    contactChoice,
    contactPhone,
    contactEmail,
    preferredTimeField({ id: 'preferredTime', label: 'Best time', question: 'When is a good time to contact you?' }),
  ],
};

/** Every request type the bot takes, by type. */
export const REQUEST_DEFINITIONS: Readonly<Record<RequestType, RequestDefinition>> = {
  'missed-bin': missedBin,
  'fly-tipping': flyTipping,
  'street-cleansing': streetCleansing,
  'new-bin': newBin,
  'abandoned-vehicle': abandonedVehicle,
  noise,
  callback,
};

export function isRequestType(value: string): value is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(value);
}
