import path from 'node:path';
import { Script } from 'node:vm';
import ts from 'typescript';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { ASSET_BASE } from '../../src/console/routes/assetRoutes';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';
import { TempKnowledge } from '../support/tempKnowledge';

const ROOT = path.resolve(__dirname, '../..');
const BROWSER_FILES = ['src/console/client/browser/console.ts', 'src/web/browser/embed.ts'];

/**
 * The browser scripts are TypeScript files under `src/**\/browser/`, built by esbuild when the server starts: they
 * are served with a script type, and they are typechecked against the DOM (and only they get the DOM).
 */
describe('the browser scripts', () => {
  let app: App;
  let url: string;
  let data: TempKnowledge;

  beforeAll(async () => {
    data = new TempKnowledge();
    const loaded = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
      DATA_DIR: data.dir,
      DIRECTLINE_SECRET: 'browser-scripts-secret-that-is-at-least-32-characters',
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const created = await createApp(loaded.config, silentLogger);
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    app = created.app;
    url = await app.listen();
  });

  afterAll(async () => {
    await app.close(100);
    data.remove();
  });

  test("the console's script is an ES module served as JavaScript, importing GOV.UK Frontend beside it", async () => {
    const response = await fetch(`${url}${ASSET_BASE}/console.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('etag')).toBeTruthy();
    const script = await response.text();
    expect(script).toContain('import { initAll } from "./govuk/govuk-frontend.min.js"');
    expect(script).toContain('data-console-send');
    // Types are gone: what is served is JavaScript.
    expect(script).not.toMatch(/\binterface\b|: HTMLFormElement/);
    const govuk = await fetch(new URL('./govuk/govuk-frontend.min.js', `${url}${ASSET_BASE}/console.js`));
    expect(govuk.status).toBe(200);
    expect(govuk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await govuk.text()).toContain('initAll');
  });

  test("the embed script is served as JavaScript with the council's settings, and parses as a classic script", async () => {
    const response = await fetch(`${url}/embed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    const script = await response.text();
    expect(script.startsWith('(function (EMBED_SETTINGS) {')).toBe(true);
    expect(script).toMatch(/"councilName":"[^"]+","brandColour":"#[0-9a-fA-F]{3,6}","bundlePath":"\/webchat\/webchat-/);
    expect(() => new Script(script, { filename: 'embed.js' })).not.toThrow();
  });

  test('typecheck covers the browser files with the DOM, and the server program gets neither', () => {
    const browser = parsedConfig('tsconfig.browser.json');
    const server = parsedConfig('tsconfig.json');
    const relative = (files: string[]): string[] => files.map((file) => path.relative(ROOT, file));
    expect(relative(browser.fileNames)).toEqual(expect.arrayContaining(BROWSER_FILES));
    expect(relative(server.fileNames).filter((file) => file.includes('/browser/'))).toEqual([]);
    expect(server.options.lib?.some((lib) => /dom/i.test(lib))).toBe(false);
    expect(diagnosticsOf(browser)).toEqual([]);
    // A wrong type in a browser file is caught: a form's action is a string, not a number.
    const wrong = diagnosticsOf(browser, {
      'src/console/client/browser/console.ts': (text) =>
        `${text}\nconst wrongType: number = new HTMLFormElement().action;\n`,
    });
    expect(wrong.join('\n')).toContain("Type 'string' is not assignable to type 'number'");
  });
});

function parsedConfig(file: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, file),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${file} could not be read`);
  return parsed;
}

/** The program's errors, with some files' text changed in memory (nothing is written). */
function diagnosticsOf(config: ts.ParsedCommandLine, edits: Record<string, (text: string) => string> = {}): string[] {
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = readFile(file);
    const edit = edits[path.relative(ROOT, file)];
    return text !== undefined && edit ? edit(text) : text;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
