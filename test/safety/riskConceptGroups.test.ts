import { CHILD_CONCEPTS } from '../../src/safety/concepts/childConcepts';
import { CIRCUMSTANCE_CONCEPTS } from '../../src/safety/concepts/circumstanceConcepts';
import { CONTEXT_CONCEPTS } from '../../src/safety/concepts/contextConcepts';
import { HARM_CONCEPTS } from '../../src/safety/concepts/harmConcepts';
import { HAZARD_CONCEPTS } from '../../src/safety/concepts/hazardConcepts';
import { MEDICAL_CONCEPTS } from '../../src/safety/concepts/medicalConcepts';
import { RISK_CONCEPTS } from '../../src/safety/riskConcepts';

test('every risk concept is defined in exactly one group, so no group silently overrides another', () => {
  const groups = [
    HARM_CONCEPTS,
    CHILD_CONCEPTS,
    CIRCUMSTANCE_CONCEPTS,
    HAZARD_CONCEPTS,
    MEDICAL_CONCEPTS,
    CONTEXT_CONCEPTS,
  ];
  const names = groups.flatMap((group) => Object.keys(group));
  expect(new Set(names).size).toBe(names.length);
  expect(Object.keys(RISK_CONCEPTS).sort()).toEqual([...names].sort());
});
