import type { Activity } from 'botbuilder';
import type { RequestType } from '../../src/requests/requestTypes';

/** One question of a request dialog as a resident answers it, with answers it must refuse. */
export interface ScriptStep {
  field: string;
  answer: string | Partial<Activity>;
  /** What the summary shows for the answer. */
  shown: string;
  invalid: string[];
  optional: boolean;
}

/** A photo uploaded in the test conversation (TestAdapter's `Convo1`): the channel stores it and the activity links to it. */
export const PHOTO_MESSAGE: Partial<Activity> = {
  type: 'message',
  text: '',
  attachments: [
    { contentType: 'image/png', contentUrl: '/v3/directline/attachments/Convo1/photo-1', name: 'lane.png' },
  ],
};

const step = (
  field: string,
  answer: string | Partial<Activity>,
  shown: string,
  invalid: string[] = [],
  optional = false,
): ScriptStep => ({ field, answer, shown, invalid, optional });

const email = step('email', 'Sam.Resident@Example.org', 'sam.resident@example.org', ['sam at example', 'sam@'], true);

/** Every request dialog's questions, in the order a resident meets them on the happy path. */
export const SCRIPTS: Record<RequestType, ScriptStep[]> = {
  'missed-bin': [
    step('postcode', 'em1 1aa', 'EM1 1AA', ['12345', 'my house']),
    step('address', '12 Mill Lane', '12 Mill Lane', ['x']),
    step('bin', 'blue', 'Blue (recycling)', ['purple']),
    step('collectionDate', 'yesterday', '', ['banana', 'tomorrow', '1 January 2020']),
    step('binLocation', 'At the kerb', 'At the kerb', [], true),
    email,
  ],
  'fly-tipping': [
    step('location', 'Back lane behind 4 Mill Road', 'Back lane behind 4 Mill Road', ['x']),
    step('postcode', 'EM1 2AB', 'EM1 2AB', ['EM1'], true),
    step('waste', 'Furniture or mattresses', 'Furniture or mattresses', ['x']),
    step('amount', 'A car boot load', 'A car boot load', ['loads']),
    step('photo', PHOTO_MESSAGE, '1 photo', ['here it is'], true),
    email,
  ],
  'street-cleansing': [
    step('problem', 'Graffiti', 'Graffiti', ['potholes']),
    step('offensive', 'no', 'No', ['maybe']),
    step('location', 'Bus shelter on Station Road', 'Bus shelter on Station Road', ['x']),
    step('postcode', 'EM2 3CD', 'EM2 3CD', ['not one'], true),
    step('description', 'Tags all over the glass', 'Tags all over the glass', [], true),
    email,
  ],
  'new-bin': [
    step('bin', 'Food caddy', 'Food caddy', ['a bucket']),
    step('reason', 'Lost or stolen', 'Lost or stolen', ['because']),
    step('postcode', 'EM1 1AA', 'EM1 1AA', ['EM1']),
    step('address', '3 Church Street', '3 Church Street', ['x']),
    email,
  ],
  'abandoned-vehicle': [
    step('location', 'Outside 9 Park Avenue', 'Outside 9 Park Avenue', ['x']),
    step('postcode', 'EM3 4EF', 'EM3 4EF', ['123'], true),
    step('vehicle', 'Silver Ford Focus', 'Silver Ford Focus', ['x']),
    step('registration', 'AB12 CDE', 'AB12 CDE', ['x'], true),
    step('howLong', '1 to 4 weeks', '1 to 4 weeks', ['ages'], true),
    email,
  ],
  noise: [
    step('source', 'Barking dog', 'Barking dog', ['x']),
    step('location', '14 Elm Close', '14 Elm Close', ['x']),
    step('postcode', 'EM4 5GH', 'EM4 5GH', ['nowhere'], true),
    step('when', 'Most nights', 'Most nights', ['sometimes']),
    step('name', 'Sam Resident', 'Sam Resident', ['x']),
    step('contactBy', 'Phone', 'Phone', ['pigeon']),
    step('phone', '0113 496 0000', '0113 496 0000', ['12345', '0161 1234']),
  ],
  callback: [
    step('topic', 'Council tax', 'Council tax', ['x']),
    step('name', 'Sam Resident', 'Sam Resident', ['x']),
    step('contactBy', 'Email', 'Email', ['pigeon']),
    step('email', 'sam@example.org', 'sam@example.org', ['sam@', 'not an email']),
    step('preferredTime', 'Any time', 'Any time', ['banana', 'Saturday']),
  ],
};
