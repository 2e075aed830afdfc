import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TempKnowledge } from '../support/tempKnowledge';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function kb(args: string[], options: { input?: string; knowledgeDir?: string } = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OPENAI_')));
  const result = spawnSync(TSX, ['src/cli/kb.ts', ...args], {
    cwd: ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...env, KNOWLEDGE_DIR: options.knowledgeDir ?? path.join(ROOT, 'knowledge') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kb ask and kb check with the emergency detector', () => {
  test('ask --json marks a sure emergency, a check-band one, and leaves a look-alike alone', () => {
    const result = kb(['ask', '--json'], {
      input: 'smel gas in the hallway\ni am homeless\ni could kill for a parking space near the shops\n',
    });
    expect(result.code).toBe(0);
    const [gas, homeless, lookAlike] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(gas).toMatchObject({ action: 'urgent', urgent: true, urgentCategory: 'gas' });
    expect(gas.urgentCheck).toBeUndefined();
    expect(homeless).toMatchObject({ urgent: true, urgentCheck: true, urgentCategory: 'homelessTonight' });
    expect(lookAlike.urgent).toBe(false);
  });

  test('check names a safety examples file with an unknown label', () => {
    const temp = new TempKnowledge({ copyArticles: true });
    try {
      temp.write('safety/extra.yaml', 'earthquake:\n  - the ground is shaking\n');
      const result = kb(['check'], { knowledgeDir: temp.dir });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/safety\/extra\.yaml/);
    } finally {
      temp.remove();
    }
  });
});
