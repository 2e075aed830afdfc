import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ARTICLE_ID_PATTERN, type Article, articleFrontMatterSchema, SHORT_TITLE_MAX } from './articleSchema';
import { type CouncilProfile, councilProfileSchema } from './councilProfileSchema';
import { createKnowledgeBase, type KnowledgeBase, type KnowledgeProblem } from './knowledgeBase';
import { type SignpostDirectory, signpostDirectorySchema } from './signpostSchema';
import { type Vocabulary, vocabularySchema } from './vocabularySchema';
import { loadSafetyExamples } from '../safety/loadSafetyExamples';
import { type WardDirectory, wardDirectorySchema } from '../places/wardSchema';
import { loadPlaces } from '../places/loadPlaces';
import { loadGuardrailExamples } from '../guardrails/loadGuardrailExamples';

export const PROFILE_FILE = 'council.yaml';
export const VOCABULARY_FILE = 'vocabulary.yaml';
/** Optional: without it nothing is signposted and everything out of scope gets the honest no-match. */
export const SIGNPOSTS_FILE = 'signposts.yaml';
/** Optional: without it the bot cannot say who a resident's councillor is. */
export const WARDS_FILE = 'wards.yaml';

export type LoadKnowledgeResult =
  | { ok: true; knowledge: KnowledgeBase; warnings: KnowledgeProblem[] }
  | { ok: false; problems: KnowledgeProblem[]; warnings: KnowledgeProblem[] };

/**
 * Reads and validates the whole knowledge folder. Either every file is good and a new snapshot is returned, or
 * every problem is listed with its file, so an editor can fix them all in one go.
 */
export async function loadKnowledgeBase(dir: string, today: Date = new Date()): Promise<LoadKnowledgeResult> {
  const problems: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  const profile = await readYamlFile(dir, PROFILE_FILE, councilProfileSchema, problems);
  const vocabulary = await readYamlFile(dir, VOCABULARY_FILE, vocabularySchema, problems);
  const directory = await readYamlFile(dir, SIGNPOSTS_FILE, signpostDirectorySchema, problems, { optional: true });
  const wardDirectory = await readYamlFile(dir, WARDS_FILE, wardDirectorySchema, problems, { optional: true });
  const articles: Article[] = [];
  const files = await listMarkdownFiles(dir, problems);
  for (const file of files) {
    const article = await readArticle(dir, file, problems);
    if (article) articles.push(article);
  }
  const safetyExamples = await loadSafetyExamples(dir, problems);
  const wardIds = new Set(wardDirectory?.wards.map((ward) => ward.id) ?? []);
  const places = await loadPlaces(dir, wardIds, problems, warnings, today);
  const guardrailExamples = await loadGuardrailExamples(dir, problems);
  checkIdsAreUnique(articles, problems);
  checkLinks(articles, warnings);
  checkReviewDates(articles, today, warnings);
  checkButtonLabels(articles, warnings);
  if (articles.length === 0 && files.length === 0) problems.push({ file: dir, problem: 'has no articles (*.md)' });
  if (problems.length > 0 || !profile || !vocabulary) return { ok: false, problems, warnings };
  return {
    ok: true,
    knowledge: createKnowledgeBase(articles, profile, vocabulary, {
      signposts: directory?.signposts ?? [],
      safetyExamples,
      wards: wardDirectory?.wards ?? [],
      places,
      guardrailExamples,
    }),
    warnings,
  };
}

async function readYamlFile<T extends CouncilProfile | Vocabulary | SignpostDirectory | WardDirectory>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  problems: KnowledgeProblem[],
  { optional = false } = {},
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, name), 'utf8');
  } catch (error) {
    if (optional && isMissingFile(error)) return undefined;
    problems.push({ file: name, problem: 'is missing' });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    problems.push({ file: name, problem: `is not valid YAML: ${firstLine(error)}` });
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file: name, problem: describeIssue(issue) });
    return undefined;
  }
  return parsed.data;
}

async function listMarkdownFiles(dir: string, problems: KnowledgeProblem[]): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    problems.push({ file: dir, problem: `cannot be read: ${firstLine(error)}` });
    return [];
  }
}

async function readArticle(dir: string, file: string, problems: KnowledgeProblem[]): Promise<Article | undefined> {
  const id = path.basename(file, '.md');
  if (!ARTICLE_ID_PATTERN.test(id)) {
    problems.push({ file, problem: 'file name must be the article id: lower-case words joined by hyphens' });
    return undefined;
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // YAML 1.2 core schema (the `yaml` package): dates stay text, so "2026-13-45" is caught, not rolled over.
    // A fresh options object also stops gray-matter returning a cached parse of identical text.
    parsed = matter(await readFile(path.join(dir, file), 'utf8'), {
      engines: { yaml: (text) => parseYaml(text) ?? {} },
    });
  } catch (error) {
    problems.push({ file, problem: `front matter is not valid YAML: ${firstLine(error)}` });
    return undefined;
  }
  if (Object.keys(parsed.data).length === 0) {
    problems.push({ file, problem: 'has no front matter (it must start with a --- block)' });
    return undefined;
  }
  const frontMatter = articleFrontMatterSchema.safeParse(parsed.data);
  if (!frontMatter.success) {
    for (const issue of frontMatter.error.issues) problems.push({ file, problem: describeIssue(issue) });
    return undefined;
  }
  const body = parsed.content.trim();
  if (body.length < 50) {
    problems.push({ file, problem: 'body is empty or too short: write the full page below the front matter' });
    return undefined;
  }
  return { ...frontMatter.data, id, body, file };
}

function checkIdsAreUnique(articles: Article[], problems: KnowledgeProblem[]): void {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const other = seen.get(article.id);
    if (other) problems.push({ file: article.file, problem: `has the same id as ${other}` });
    else seen.set(article.id, article.file);
  }
}

function checkLinks(articles: Article[], warnings: KnowledgeProblem[]): void {
  const ids = new Set(articles.map((article) => article.id));
  for (const article of articles) {
    for (const related of article.related) {
      if (!ids.has(related))
        warnings.push({ file: article.file, problem: `related article "${related}" does not exist` });
    }
  }
}

function checkReviewDates(articles: Article[], today: Date, warnings: KnowledgeProblem[]): void {
  for (const article of articles) {
    const due = new Date(`${article.lastReviewed}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + article.reviewEveryMonths);
    if (due.getTime() < today.getTime()) {
      warnings.push({ file: article.file, problem: `review was due on ${due.toISOString().slice(0, 10)}` });
    }
  }
}

/** A title too long for a button on a phone needs a `shortTitle` for the clarification buttons. */
function checkButtonLabels(articles: Article[], warnings: KnowledgeProblem[]): void {
  for (const article of articles) {
    if (article.shortTitle === undefined && article.title.length > SHORT_TITLE_MAX) {
      warnings.push({
        file: article.file,
        problem: `title is longer than ${SHORT_TITLE_MAX} characters: add a shortTitle for buttons on phones`,
      });
    }
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'file';
  return `${where}: ${issue.message}`;
}

function isMissingFile(error: unknown): boolean {
  // Not `instanceof Error`: errors from node:fs may come from another realm (a test runner's sandbox).
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
