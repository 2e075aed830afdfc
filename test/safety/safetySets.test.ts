import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { answerQuestion } from '../../src/knowledge/answerQuestion';
import { shippedKnowledge } from '../support/testBot';

/** One line of a safety file: `LABEL<TAB>CATEGORY<TAB>message`, or `SOURCE<TAB>message` (every line a crisis). */
interface SafetyLine {
  urgent: boolean;
  category?: string;
  message: string;
}

function readSafetyFile(file: string): SafetyLine[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map((fields) =>
      fields.length >= 3
        ? { urgent: fields[0] === 'URGENT', category: fields[1], message: fields[2] ?? '' }
        : { urgent: true, message: fields[1] ?? '' },
    );
}

interface Figures {
  urgent: number;
  rightlyFlagged: number;
  routine: number;
  falseAlarms: number;
  missed: string[];
}

async function score(lines: readonly SafetyLine[]): Promise<Figures> {
  const { knowledge, search } = (await shippedKnowledge()).current();
  const figures: Figures = { urgent: 0, rightlyFlagged: 0, routine: 0, falseAlarms: 0, missed: [] };
  for (const line of lines) {
    const outcome = answerQuestion(line.message, knowledge, search);
    const flagged = outcome.kind === 'urgent' ? outcome.category : undefined;
    if (!line.urgent) {
      figures.routine++;
      if (flagged) figures.falseAlarms++;
      continue;
    }
    figures.urgent++;
    if (flagged && (line.category === undefined || flagged === line.category)) figures.rightlyFlagged++;
    else figures.missed.push(`${line.category ?? 'crisis'} got ${flagged ?? 'nothing'}: ${line.message}`);
  }
  return figures;
}

const SHARED = path.resolve(__dirname, '../../../shared');
const sets = [
  { name: 'safety-dev', file: path.join(SHARED, 'eval/safety-dev.tsv'), minRecall: 1, maxFalseAlarms: 0.02 },
  { name: 'crisis', file: path.join(SHARED, 'external/crisis.tsv'), minRecall: 1, maxFalseAlarms: 0.02 },
];

describe('the development safety sets: every emergency flagged in its category, few false alarms', () => {
  test.each(sets)('$name', async ({ file, minRecall, maxFalseAlarms }) => {
    if (!existsSync(file)) {
      console.warn(`skipped: ${file} is absent (the shared development sets are not on this machine)`);
      return;
    }
    const figures = await score(readSafetyFile(file));
    expect(figures.missed).toEqual([]);
    expect(figures.rightlyFlagged / figures.urgent).toBeGreaterThanOrEqual(minRecall);
    if (figures.routine > 0) expect(figures.falseAlarms / figures.routine).toBeLessThanOrEqual(maxFalseAlarms);
  });
});

describe('the tuning set written while building the detector: what it learnt stays learnt', () => {
  test('test/fixtures/safety-tuning.tsv', async () => {
    const figures = await score(readSafetyFile(path.resolve(__dirname, '../fixtures/safety-tuning.tsv')));
    expect(figures.rightlyFlagged / figures.urgent).toBeGreaterThanOrEqual(0.97);
    expect(figures.falseAlarms / figures.routine).toBeLessThanOrEqual(0.03);
  });
});

describe('the held-out safety set (never used to train or tune): a floor, so a change cannot quietly lose ground', () => {
  test('test/fixtures/safety-validation.tsv', async () => {
    const figures = await score(readSafetyFile(path.resolve(__dirname, '../fixtures/safety-validation.tsv')));
    expect(figures.rightlyFlagged / figures.urgent).toBeGreaterThanOrEqual(0.95);
    expect(figures.falseAlarms / figures.routine).toBeLessThanOrEqual(0.03);
  });
});

describe('the second held-out safety set (written before the second round of changes): a floor', () => {
  test('test/fixtures/safety-validation-2.tsv', async () => {
    const figures = await score(readSafetyFile(path.resolve(__dirname, '../fixtures/safety-validation-2.tsv')));
    // Every emergency flagged; nearly all in the category that decides the contacts.
    expect(figures.missed.filter((miss) => miss.includes('got nothing'))).toEqual([]);
    expect(figures.rightlyFlagged / figures.urgent).toBeGreaterThanOrEqual(0.97);
    expect(figures.falseAlarms / figures.routine).toBeLessThanOrEqual(0.02);
  });
});
