import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/config.js';
import { type LocalQuestDB, startLocalQuestDB } from '../../store/index.js';

export const testRoot = (): string => join(projectRoot(), '.local', 'test');
export const jarCache = (): string => join(projectRoot(), '.local', 'questdb-jar');

/** A QuestDB of a test's own, on free loopback ports, in a fresh folder under .local/test. */
export async function startTestQuestDB(label: string, dataDir?: string): Promise<LocalQuestDB> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(testRoot(), { recursive: true });
  return startLocalQuestDB({
    dataDir: dataDir ?? mkdtempSync(join(testRoot(), `${label}-`)),
    cacheDir: jarCache(),
    heap: '512m',
  });
}

/** Polls until `check` returns true (WAL tables apply writes asynchronously). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
