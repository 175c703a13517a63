// The bundled QuestDB's login. QuestDB's own default (admin/quest, or no HTTP login at all) would
// let any local user read and change every table, so the first start on a data folder makes a
// random password and keeps it in `credentials.json` there, readable by its owner only (0600).
// The same login guards QuestDB's HTTP API (queries, ILP over HTTP, exports) and PostgreSQL wire.

import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Credentials {
  user: string;
  password: string;
}

export const CREDENTIALS_FILE = 'credentials.json';

/** Letters, digits, '-' and '_': safe in the Node client's `key=value;` configuration string. */
const SAFE = /^[A-Za-z0-9_-]{1,128}$/;

/** The data folder's login, made on first use. */
export function credentialsFor(dataDir: string): Credentials {
  const file = join(dataDir, CREDENTIALS_FILE);
  const existing = readCredentials(dataDir);
  if (existing) {
    // A copy restored from a backup may have lost its mode.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return existing;
  }
  const made: Credentials = { user: 'outage', password: randomBytes(24).toString('base64url') };
  // 'wx': two processes starting at once cannot overwrite each other's password.
  try {
    writeFileSync(file, `${JSON.stringify(made)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const other = readCredentials(dataDir);
    if (other) return other;
    throw err;
  }
  return made;
}

/** The data folder's login if it has one; a malformed file is an error, never replaced. */
export function readCredentials(dataDir: string): Credentials | undefined {
  const file = join(dataDir, CREDENTIALS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<Credentials>;
  if (typeof parsed.user !== 'string' || !SAFE.test(parsed.user)) {
    throw new Error(`${file}: "user" must be 1–128 letters, digits, '-' or '_'`);
  }
  if (typeof parsed.password !== 'string' || !SAFE.test(parsed.password)) {
    throw new Error(`${file}: "password" must be 1–128 letters, digits, '-' or '_'`);
  }
  return { user: parsed.user, password: parsed.password };
}

/** The QuestDB settings (environment variables) that require this login. */
export const credentialSettings = (c: Credentials): Record<string, string> => ({
  QDB_HTTP_USER: c.user,
  QDB_HTTP_PASSWORD: c.password,
  QDB_PG_USER: c.user,
  QDB_PG_PASSWORD: c.password,
});

/** The Node client configuration entries for this login. */
export const credentialConf = (c: Credentials): string => `username=${c.user};password=${c.password};`;

export const basicAuthorization = (c: Credentials): string =>
  `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;
