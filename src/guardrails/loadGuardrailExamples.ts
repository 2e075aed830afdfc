import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from '../knowledge/knowledgeBase';
import {
  GUARDRAIL_LABELS,
  type GuardrailExample,
  type GuardrailLabel,
  guardrailExamplesSchema,
} from './guardrailExampleSchema';

/** Folder of the knowledge base holding the message guard's example messages. */
export const GUARDRAILS_DIR = 'guardrails';

/**
 * Reads every `guardrails/*.yaml` file of the knowledge folder; problems are added with the file named. Without the
 * folder there are no examples (the patterns still work).
 */
export async function loadGuardrailExamples(dir: string, problems: KnowledgeProblem[]): Promise<GuardrailExample[]> {
  const folder = path.join(dir, GUARDRAILS_DIR);
  let files: string[];
  try {
    files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    return [];
  }
  const examples: GuardrailExample[] = [];
  for (const name of files) {
    const file = path.join(GUARDRAILS_DIR, name);
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(folder, name), 'utf8'));
    } catch (error) {
      const first = error instanceof Error ? error.message.split('\n')[0] : '';
      problems.push({ file, problem: `is not valid YAML: ${first}` });
      continue;
    }
    const parsed = guardrailExamplesSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ file, problem: `${issue.path.join('.') || 'file'}: ${issue.message}` });
      continue;
    }
    for (const [label, texts] of Object.entries(parsed.data)) {
      const known = LABELS.get(label);
      if (known && texts) for (const text of texts) examples.push({ label: known, text });
    }
  }
  return examples;
}

const LABELS = new Map<string, GuardrailLabel>(GUARDRAIL_LABELS.map((label) => [label, label]));
