import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/** How one browser script is built: its TypeScript entry (from the project root) and its module format. */
export interface BrowserScriptOptions {
  /** The entry file, relative to the project root, e.g. `src/web/browser/embed.ts`. */
  entry: string;
  /** `esm` for a `<script type="module">`, `iife` for a classic script. */
  format: 'esm' | 'iife';
  /** Imports left as they are for the browser to load (e.g. a file served beside the script). */
  external?: string[];
}

const built = new Map<string, string>();

/**
 * A browser script built from its TypeScript source by esbuild (bundled, ES2020), once per process and then kept in
 * memory. The sources are typechecked against the DOM by `tsconfig.browser.json`; they are not compiled into `dist/`,
 * so they are found from the project root whether the server runs from `src/` (tsx, ts-jest) or from `dist/`.
 */
export function browserScript(options: BrowserScriptOptions): string {
  const key = `${options.format}:${options.entry}`;
  const cached = built.get(key);
  if (cached !== undefined) return cached;
  const root = projectRoot(options.entry);
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [options.entry],
    bundle: true,
    write: false,
    format: options.format,
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    external: options.external ?? [],
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${options.entry}`);
  built.set(key, output.text);
  return output.text;
}

/** The nearest folder above this file that holds the entry: the checkout, from `src/` or from `dist/src/`. */
function projectRoot(entry: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, entry))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`The browser script ${entry} was not found above ${__dirname}.`);
  }
}
