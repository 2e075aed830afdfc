import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/config';

describe('configuration', () => {
  test('an empty environment gives the documented defaults', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      PORT: 3978,
      DATA_DIR: './data',
      KNOWLEDGE_DIR: './knowledge',
      MONGODB_DB: 'councilbot',
      RETENTION_DAYS: 90,
      LOG_LEVEL: 'info',
    });
    expect(result.config.MONGODB_URI).toBeUndefined();
    expect(result.config.MicrosoftAppId).toBeUndefined();
  });

  test('empty strings count as unset, as in a copied .env.example', () => {
    const result = loadConfig({ MONGODB_URI: '', MicrosoftAppId: '', OPENAI_BASE_URL: '', CONTACT_CENTRE_HOURS: '' });
    expect(result.ok).toBe(true);
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://localhost/db' }, 'MONGODB_URI'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ CONTACT_CENTRE_HOURS: 'weekdays' }, 'CONTACT_CENTRE_HOURS'],
    [{ CONTACT_CENTRE_HOURS: 'Mon-Fri 17:00-09:00' }, 'CONTACT_CENTRE_HOURS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DIRECTLINE_SECRET: 'short' }, 'DIRECTLINE_SECRET'],
    [{ CONSOLE_ADMIN_EMAIL: 'not-an-email' }, 'CONSOLE_ADMIN_EMAIL'],
    [{ RETENTION_DAYS: '0' }, 'RETENTION_DAYS'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
  ])('a bad value %j is refused, naming %s', (env, variable) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
  });

  test('every problem is listed at once', () => {
    const result = loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(2);
  });

  test('valid opening hours and an Azure registration are accepted', () => {
    const result = loadConfig({
      CONTACT_CENTRE_HOURS: 'Mon-Thu 08:30-17:00, Fri 08:30-16:30',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000000',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(result.ok).toBe(true);
  });

  test('.env.example lists exactly the variables the server reads', () => {
    const example = readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
    const listed = example
      .split('\n')
      .filter((line) => /^[A-Za-z0-9_]+=/.test(line))
      .map((line) => line.slice(0, line.indexOf('=')))
      .sort();
    const schemaKeys = [...CONFIG_VARIABLES].sort();
    expect(listed).toEqual(schemaKeys);
  });
});
