import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emergencyContactsFor } from '../../src/knowledge/emergencyContactsSchema';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { URGENT_CATEGORIES } from '../../src/safety/urgentCategory';
import { articleText, TempKnowledge } from '../support/tempKnowledge';
import { SHIPPED_KNOWLEDGE } from '../support/testBot';

const shippedProfile = readFileSync(path.join(SHIPPED_KNOWLEDGE, 'council.yaml'), 'utf8');

describe("the council profile's emergency contacts", () => {
  let kb: TempKnowledge;
  beforeEach(() => {
    kb = new TempKnowledge();
    kb.write('allotments.md', articleText());
  });
  afterEach(() => kb.remove());

  async function problemsWith(profile: string): Promise<string[]> {
    kb.write('council.yaml', profile);
    const result = await loadKnowledgeBase(kb.dir);
    return result.ok ? [] : result.problems.filter((p) => p.file === 'council.yaml').map((p) => p.problem);
  }

  test('every kind of emergency has contacts, 999 first, in the shipped profile', async () => {
    const result = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    for (const category of URGENT_CATEGORIES) {
      const contacts = emergencyContactsFor(result.knowledge.profile.emergencyContacts, category);
      expect(contacts[0]?.phone).toBe('999');
      expect(emergencyContactsFor(result.knowledge.profile.emergencyContacts, category, false)).toEqual(
        contacts.slice(1),
      );
    }
  });

  test('the council\'s and county\'s own numbers are marked as examples; the national ones are not', async () => {
    const result = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const contacts = Object.values(result.knowledge.profile.emergencyContacts.contacts);
    for (const contact of contacts) expect(contact.example).toBe(contact.phone.startsWith('01632'));
  });

  test('a kind of emergency without contacts is refused, naming the kind', async () => {
    const without = shippedProfile.replace(/^ {4}structure: \[.*\]\n/m, '');
    expect(without).not.toBe(shippedProfile);
    expect(await problemsWith(without)).toEqual([expect.stringMatching(/no contacts are given for the "structure"/)]);
  });

  test('an empty list of contacts is refused too', async () => {
    const empty = shippedProfile.replace(/^ {4}fire: \[.*\]$/m, '    fire: []');
    expect(await problemsWith(empty)).toEqual([expect.stringMatching(/"fire"/)]);
  });

  test('a contact id that is not a contact is refused', async () => {
    const typo = shippedProfile.replace(/^ {4}medical: \[emergency, nhs111\]$/m, '    medical: [emergency, nhs112]');
    expect(await problemsWith(typo)).toEqual([expect.stringMatching(/"nhs112" is not one of the contacts/)]);
  });
});
