// `npm ci` installs exactly what package-lock.json says and refuses a lock file that does not
// describe every package a platform may need: the native packages of DuckDB, Biome and esbuild
// are optional dependencies, one per platform, and all of them must be in the lock file (an
// `npm install` on one platform once left the others out, so `npm ci` failed elsewhere).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** `node_modules/<name>` entries every package's optional dependencies need but the lock lacks. */
function missingOptional(packages: Record<string, LockEntry>): string[] {
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      const nested = `${path === '' ? '' : `${path}/`}node_modules/${name}`;
      if (!(nested in packages) && !(`node_modules/${name}` in packages))
        missing.push(`${path || '(root)'} → ${name}`);
    }
  }
  return missing;
}

describe('package-lock.json', () => {
  it('names every platform package an optional dependency may need, with its version and integrity', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(missingOptional(lock.packages)).toEqual([]);
    for (const name of [
      '@duckdb/node-bindings-darwin-arm64',
      '@biomejs/cli-win32-x64',
      '@esbuild/darwin-arm64',
    ]) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version, name).toMatch(/^\d+\.\d+\.\d+/);
      expect(entry?.integrity, name).toMatch(/^sha512-/);
    }
  });

  it('finds a platform package left out', () => {
    const { ['node_modules/@duckdb/node-bindings-darwin-arm64']: _left, ...rest } = lock.packages;
    expect(missingOptional(rest)).toEqual([
      'node_modules/@duckdb/node-bindings → @duckdb/node-bindings-darwin-arm64',
    ]);
  });
});
