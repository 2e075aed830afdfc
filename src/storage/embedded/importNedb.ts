import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import { isPlainObject } from '../plainObject';

export type NedbImportOutcome =
  | { ok: true; collections: Record<string, { imported: number; alreadyPresent: number }> }
  | { ok: false; problem: string };

const anyDocument = z.looseObject({ _id: z.string() });

/**
 * Moves an nedb data folder (the store before SQLite: one `<collection>.db` file per collection) into `store`. nedb's
 * format is read here: one JSON document per line, Dates as `{"$$date": ms}`, a later line for an `_id` replacing an
 * earlier one, `{"$$deleted": true}` removing it, `$$indexCreated` lines describing indexes (the repositories create
 * their own). A torn last line (a write cut off by a crash) is skipped; any other damaged line stops the import
 * before anything is written, naming the file and line. Documents already in the store are left as they are.
 */
export async function importNedbFolder(store: DocumentStore, dir: string): Promise<NedbImportOutcome> {
  const files = (await readdir(dir)).filter((name) => /^[A-Za-z][A-Za-z0-9_-]{0,63}\.db$/.test(name)).sort();
  const parsed = new Map<string, Record<string, unknown>[]>();
  for (const file of files) {
    const read = parseNedbFile(await readFile(path.join(dir, file), 'utf8'), file);
    if (!read.ok) return read;
    parsed.set(file.slice(0, -'.db'.length), read.documents);
  }
  const collections: Record<string, { imported: number; alreadyPresent: number }> = {};
  for (const [name, documents] of parsed) {
    const collection = store.collection(name, anyDocument);
    let imported = 0;
    let alreadyPresent = 0;
    for (const document of documents) {
      const outcome = await collection.insertOne(anyDocument.parse(document));
      if (outcome.ok) imported++;
      else alreadyPresent++;
    }
    collections[name] = { imported, alreadyPresent };
  }
  return { ok: true, collections };
}

/** The live documents of one nedb file, in the order they were last written. */
export function parseNedbFile(
  text: string,
  file: string,
): { ok: true; documents: Record<string, unknown>[] } | { ok: false; problem: string } {
  const live = new Map<string, Record<string, unknown>>();
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line, reviveNedbDate);
    } catch {
      if (index === lines.length - 1) continue;
      return { ok: false, problem: `${file} line ${index + 1} is not JSON; nothing was imported` };
    }
    if (!isPlainObject(value)) return { ok: false, problem: `${file} line ${index + 1} is not a document` };
    if ('$$indexCreated' in value) continue;
    const id = value._id;
    if (typeof id !== 'string') return { ok: false, problem: `${file} line ${index + 1} has no string _id` };
    live.delete(id);
    if (value.$$deleted !== true) live.set(id, value);
  }
  return { ok: true, documents: [...live.values()] };
}

function reviveNedbDate(_key: string, value: unknown): unknown {
  if (isPlainObject(value) && typeof value.$$date === 'number' && Object.keys(value).length === 1) {
    return new Date(value.$$date);
  }
  return value;
}
