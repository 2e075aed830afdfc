import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The shipped knowledge base, as `testBot.ts` has it: not imported from there, since its jest hooks would stop
 * `npm run bench`, which uses this class outside jest.
 */
const SHIPPED_KNOWLEDGE = path.resolve(__dirname, '../../knowledge');

/** A throwaway knowledge folder: the shipped council profile and vocabulary, plus whatever articles a test writes. */
export class TempKnowledge {
  readonly dir: string;

  constructor(options: { copyArticles?: boolean } = {}) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    if (options.copyArticles) cpSync(SHIPPED_KNOWLEDGE, this.dir, { recursive: true });
    else {
      for (const file of ['council.yaml', 'vocabulary.yaml'])
        cpSync(path.join(SHIPPED_KNOWLEDGE, file), path.join(this.dir, file));
    }
  }

  write(relativePath: string, text: string): string {
    const file = path.join(this.dir, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A valid article; `overrides` replaces front matter lines by key, `null` drops a key. */
export function articleText(overrides: Record<string, string | null> = {}, body = DEFAULT_BODY): string {
  const defaults: Record<string, string> = {
    title: 'Allotments',
    summary:
      'You can rent an allotment plot from the council. Plots cost £40 a year. Join the waiting list online at our allotments page or phone us.',
    questions: '\n  - How do I get an allotment?\n  - Allotment waiting list\n  - Rent a plot to grow vegetables',
    keywords: '[allotment, plot]',
    url: 'https://www.eastmere.example/allotments',
    service: 'Parks and open spaces',
    lastReviewed: '2026-06-01',
  };
  const fields = Object.entries({ ...defaults, ...overrides }).filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );
  const yaml = fields.map(([key, value]) => `${key}: ${value}`).join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}

const DEFAULT_BODY =
  '# Allotments\n\nWe have 200 allotment plots across the district. Join the waiting list online; we offer plots in order.';
