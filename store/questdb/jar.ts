// The QuestDB server jar, fetched from Maven Central by Maven into a project-local cache.
// 9.3.5 (the version first planned) is not published on Maven Central; 9.3.4 is the newest
// 9.3.x there and the newest that runs on Java 17 (9.4+ needs Java 25).

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const QUESTDB_VERSION = '9.3.4';
const run = promisify(execFile);

export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';
}

async function which(tool: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run(tool, args, { timeout: 30_000 });
    return `${stdout}${stderr}`;
  } catch {
    return undefined;
  }
}

/** Java 17 or newer must be on PATH; the message says what to install when it is not. */
export async function checkJava(): Promise<void> {
  const out = await which('java', ['-version']);
  if (out === undefined) {
    throw new MissingToolError(
      'Java is not installed: the local QuestDB needs Java 17 or newer. Install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) or set QDB_CLIENT_CONF to an external QuestDB.',
    );
  }
  const major = Number(/version "(\d+)/.exec(out)?.[1] ?? 0);
  if (major < 17) {
    throw new MissingToolError(`Java ${major} found; the local QuestDB needs Java 17 or newer.`);
  }
}

/** Path of the server jar in `cacheDir`, downloading it with Maven when it is not there yet. */
export async function ensureJar(cacheDir: string, version = QUESTDB_VERSION): Promise<string> {
  const jar = join(cacheDir, `questdb-${version}.jar`);
  if (existsSync(jar)) return jar;
  if ((await which('mvn', ['-v'])) === undefined) {
    throw new MissingToolError(
      `Maven is not installed: it fetches the QuestDB server jar (org.questdb:questdb:${version}) from Maven Central. Install it (Debian/Ubuntu: apt-get install maven) or put the jar at ${jar}.`,
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  const staging = join(cacheDir, `staging-${process.pid}`);
  try {
    await run(
      'mvn',
      [
        '-q',
        '-B',
        '-U',
        'dependency:copy',
        `-Dartifact=org.questdb:questdb:${version}`,
        `-DoutputDirectory=${staging}`,
      ],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (err) {
    const detail =
      (err as { stdout?: string }).stdout?.split('\n').find((l) => l.includes('ERROR')) ?? String(err);
    throw new Error(`could not fetch org.questdb:questdb:${version} with Maven: ${detail}`);
  }
  // Rename into place so a concurrent or interrupted fetch never leaves a partial jar.
  renameSync(join(staging, `questdb-${version}.jar`), jar);
  return jar;
}
