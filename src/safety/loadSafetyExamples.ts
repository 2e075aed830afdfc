import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from '../knowledge/knowledgeBase';
import { SAFETY_LABELS, type SafetyExample, type SafetyLabel, safetyExamplesSchema } from './safetyExampleSchema';

/** Folder of the knowledge base holding the safety classifier's example messages. */
export const SAFETY_DIR = 'safety';

/**
 * Reads every `safety/*.yaml` file of the knowledge folder. Problems are added to `problems` with the file named,
 * as for articles; a knowledge base without the folder has no examples (the lexicon still works).
 */
export async function loadSafetyExamples(dir: string, problems: KnowledgeProblem[]): Promise<SafetyExample[]> {
  const folder = path.join(dir, SAFETY_DIR);
  let files: string[];
  try {
    files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return [];
  }
  const examples: SafetyExample[] = [];
  for (const name of files) {
    const file = path.join(SAFETY_DIR, name);
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(folder, name), 'utf8'));
    } catch (error) {
      problems.push({
        file,
        problem: `is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`,
      });
      continue;
    }
    const parsed = safetyExamplesSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ file, problem: `${issue.path.join('.') || 'file'}: ${issue.message}` });
      continue;
    }
    for (const [label, texts] of Object.entries(parsed.data)) {
      const known = SAFETY_LABEL_SET.get(label);
      if (known && texts) for (const text of texts) examples.push({ label: known, text });
    }
  }
  return examples;
}

const SAFETY_LABEL_SET = new Map<string, SafetyLabel>(SAFETY_LABELS.map((label) => [label, label]));
