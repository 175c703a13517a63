// "Before" in a before/after benchmark: a product module as it stood at an earlier commit, read
// from git and loaded beside today's, so both are measured on the same database in the same run.
// Its relative imports are pointed at today's tree (only the module itself is the old one).

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/** Imports `path` (relative to the repository) as it was at `commit`. */
export async function importAt<T>(commit: string, path: string): Promise<T> {
  const text = execFileSync('git', ['show', `${commit}:${path}`], { cwd: root, encoding: 'utf8' });
  const from = dirname(join(root, path));
  const rewritten = text.replace(/from '(\.\.?\/[^']+)'/g, (_m, rel: string) => {
    const target = resolve(from, rel).replace(/\.js$/, '.ts');
    return `from '${pathToFileURL(target).href}'`;
  });
  const dir = join(root, '.local', 'bench', 'before', commit);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, path.replaceAll('/', '__'));
  writeFileSync(file, rewritten);
  return (await import(pathToFileURL(file).href)) as T;
}
