import { readStaffAnswers } from '../../src/requests/readStaffAnswers';
import { REQUEST_DEFINITIONS } from '../../src/requests/requestTypes';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('a request filled in by a CSA', () => {
  test('is read with the residents’ validation, and only the questions that apply are asked', () => {
    const outcome = readStaffAnswers(
      REQUEST_DEFINITIONS.callback,
      {
        topic: 'Council tax',
        name: 'Sam Resident',
        contactBy: 'Email',
        email: 'SAM@example.org',
        phone: 'not used',
        preferredTime: 'Any time',
      },
      NOW,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.answers.email).toMatchObject({ value: 'sam@example.org' });
    expect(outcome.answers.phone).toBeUndefined();
    expect(outcome.answers.preferredTime).toMatchObject({ display: 'Any time' });
  });

  test('every problem is named by its question, and photos are left to the resident', () => {
    const outcome = readStaffAnswers(REQUEST_DEFINITIONS['fly-tipping'], { location: '' }, NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((error) => error.field)).toContain('location');
    expect(outcome.errors.map((error) => error.field)).not.toContain('photo');
  });

  test('a bad postcode gets the residents’ helpful message', () => {
    const outcome = readStaffAnswers(REQUEST_DEFINITIONS['missed-bin'], { postcode: 'not a postcode' }, NOW);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.find((error) => error.field === 'postcode')?.message).toMatch(/postcode/i);
  });
});
