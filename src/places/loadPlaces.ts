import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isBankHoliday } from '../calendar/bankHolidays';
import { addDays } from '../calendar/londonTime';
import type { KnowledgeProblem } from '../knowledge/knowledgeBase';
import type { Address } from './address';
import { type CollectionSchedule, collectionScheduleSchema } from './collectionScheduleSchema';
import { collectionsBetween } from './collectionsBetween';
import { addressOfRow, Gazetteer } from './gazetteer';
import { GAZETTEER_COLUMNS, gazetteerRowSchema } from './gazetteerRowSchema';
import type { Places } from './places';
import { readCsv } from './readCsv';

export const GAZETTEER_FILE = path.join('places', 'gazetteer.csv');
export const COLLECTIONS_FILE = path.join('places', 'collections.yaml');
/** Problems listed per file before the rest are counted: a broken export should not flood the editor's screen. */
const MAX_LISTED = 25;

/**
 * Reads and cross-checks `places/gazetteer.csv` and `places/collections.yaml` (both optional): every row's UPRN,
 * postcode and coordinates, a ward that `wards.yaml` knows, a round that the collections file knows, no UPRN twice.
 * Problems go in `problems` (the snapshot is then refused, so the last good one keeps serving); a bank holiday in
 * the next year on which a round collects with no change listed is a warning.
 */
export async function loadPlaces(
  dir: string,
  wardIds: ReadonlySet<string>,
  problems: KnowledgeProblem[],
  warnings: KnowledgeProblem[],
  today: Date,
): Promise<Places> {
  const collections = await readCollections(dir, problems);
  const addresses = await readGazetteer(dir, wardIds, collections, problems);
  if (collections) warnAboutBankHolidays(collections, today, warnings);
  return { gazetteer: new Gazetteer(addresses), collections };
}

async function readCollections(dir: string, problems: KnowledgeProblem[]): Promise<CollectionSchedule | undefined> {
  const text = await readOptional(dir, COLLECTIONS_FILE, problems);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    problems.push({ file: COLLECTIONS_FILE, problem: `is not valid YAML: ${firstLine(error)}` });
    return undefined;
  }
  const parsed = collectionScheduleSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'file';
    problems.push({ file: COLLECTIONS_FILE, problem: `${where}: ${issue.message}` });
  }
  return undefined;
}

async function readGazetteer(
  dir: string,
  wardIds: ReadonlySet<string>,
  collections: CollectionSchedule | undefined,
  problems: KnowledgeProblem[],
): Promise<Address[]> {
  const text = await readOptional(dir, GAZETTEER_FILE, problems);
  if (text === undefined) return [];
  const csv = readCsv(text.replace(/^\uFEFF/, ''));
  if (!csv.ok) {
    problems.push({ file: `${GAZETTEER_FILE}:${csv.line}`, problem: csv.problem });
    return [];
  }
  const [header = [], ...rows] = csv.rows;
  const columns = header.map((name) => name.trim().toUpperCase());
  const missing = GAZETTEER_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    problems.push({ file: GAZETTEER_FILE, problem: `the header lacks the column(s) ${missing.join(', ')}` });
    return [];
  }
  // Without a valid collections file its own problems are listed; every row's round is not also reported.
  const roundIds = collections && new Set(collections.rounds.map((round) => round.id));
  const found: KnowledgeProblem[] = [];
  const addresses: Address[] = [];
  const lineOf = new Map<string, number>();
  rows.forEach((fields, index) => {
    const line = index + 2;
    const file = `${GAZETTEER_FILE}:${line}`;
    const record = Object.fromEntries(columns.map((column, at) => [column, fields[at] ?? '']));
    const parsed = gazetteerRowSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        found.push({ file, problem: `${issue.path.join('.')}: ${issue.message}` });
      return;
    }
    const row = parsed.data;
    const earlier = lineOf.get(row.UPRN);
    if (earlier) found.push({ file, problem: `UPRN ${row.UPRN} is also on line ${earlier}` });
    lineOf.set(row.UPRN, line);
    if (row.WARD && !wardIds.has(row.WARD)) found.push({ file, problem: `WARD: unknown ward "${row.WARD}"` });
    if (row.ROUND && roundIds && !roundIds.has(row.ROUND))
      found.push({ file, problem: `ROUND: unknown round "${row.ROUND}"` });
    addresses.push(addressOfRow(row));
  });
  problems.push(...found.slice(0, MAX_LISTED));
  if (found.length > MAX_LISTED) {
    problems.push({ file: GAZETTEER_FILE, problem: `and ${found.length - MAX_LISTED} more problem(s)` });
  }
  return addresses;
}

/** A bank holiday in the coming year on which a round would collect, with no published change for that date. */
function warnAboutBankHolidays(schedule: CollectionSchedule, today: Date, warnings: KnowledgeProblem[]): void {
  const from = today.toISOString().slice(0, 10);
  const until = addDays(from, 365);
  for (const round of schedule.rounds) {
    const dates = new Set(collectionsBetween(schedule, round.id, from, until).map((collection) => collection.date));
    for (const date of [...dates].sort()) {
      if (!isBankHoliday(date)) continue;
      warnings.push({
        file: COLLECTIONS_FILE,
        problem: `the ${round.name} collects on ${date}, a bank holiday: add a change for that date`,
      });
    }
  }
}

async function readOptional(dir: string, file: string, problems: KnowledgeProblem[]): Promise<string | undefined> {
  try {
    return await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
    problems.push({ file, problem: `cannot be read: ${firstLine(error)}` });
    return undefined;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
