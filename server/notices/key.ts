// The product's notices key, from which each subscription's signing secret is derived (so no
// secret is stored in QuestDB, where read-only logins could read it): OUTAGE_NOTICES_KEY, or a
// random key made on first use and kept in <OUTAGE_DATA_DIR>/notices-key (mode 0600). Every
// instance sharing a database must share the key.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const KEY_FILE = 'notices-key';

export function noticesKey(given: string | undefined, dataDir: string): string {
  if (given !== undefined) return given;
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
