import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';

const T = 'admin-token-0123456789abcdef';

describe('secrets read from files (*_FILE, as Docker and Kubernetes mount them)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('takes the file text, trimmed, for the admin token, the token list and the QuestDB conf', () => {
    const c = loadConfig({
      OUTAGE_ADMIN_TOKEN_FILE: file('admin', `${T}\n`),
      OUTAGE_TOKENS_FILE: file('tokens', 'operator:李娜:operator-token-0123456789\n'),
      QDB_CLIENT_CONF_FILE: file('conf', 'http::addr=questdb:9000;username=u;password=p;\n'),
    });
    expect(c.adminToken).toBe(T);
    expect(c.tokens).toEqual([{ role: 'operator', name: '李娜', token: 'operator-token-0123456789' }]);
    expect(c.qdbClientConf).toBe('http::addr=questdb:9000;username=u;password=p;');
  });

  it('refuses a value and a file for the same setting, and a file it cannot read', () => {
    expect(() => loadConfig({ OUTAGE_ADMIN_TOKEN: T, OUTAGE_ADMIN_TOKEN_FILE: file('a2', T) })).toThrow(
      'OUTAGE_ADMIN_TOKEN and OUTAGE_ADMIN_TOKEN_FILE are both set: keep one',
    );
    expect(() => loadConfig({ OUTAGE_ADMIN_TOKEN_FILE: join(dir, 'missing') })).toThrow(
      `OUTAGE_ADMIN_TOKEN_FILE: cannot read ${join(dir, 'missing')} (ENOENT)`,
    );
    // Other settings have no file form: a misspelt one is still refused.
    expect(() => loadConfig({ OUTAGE_TZ_FILE: file('tz', 'UTC') })).toThrow(
      "unknown setting 'OUTAGE_TZ_FILE'",
    );
  });

  it('never echoes a secret in an error, only its length', () => {
    expect(() => loadConfig({ OUTAGE_ADMIN_TOKEN: 'short-secret' })).toThrow(
      'OUTAGE_ADMIN_TOKEN: must be at least 16 characters (12 characters given)',
    );
    expect(() => loadConfig({ OUTAGE_ADMIN_TOKEN: 'short-secret' })).not.toThrow('short-secret');
    // Other settings still show what was given.
    expect(() => loadConfig({ OUTAGE_RATE_LIMIT: 'lots' })).toThrow('(got "lots")');
  });
});
