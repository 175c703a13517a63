// npm run lint's layering step: reads every source file's imports and fails on an import against
// the layers (scripts/layers/rules.ts), a cycle, or a browser module reaching Node.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkLayers, type Import, readImports, SOURCE_ROOTS } from './layers/index.js';

const root = join(import.meta.dirname, '..');
const graph = new Map<string, Import[]>();
for (const top of SOURCE_ROOTS) {
  for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    graph.set(path, readImports(path, readFileSync(join(root, path), 'utf8')));
  }
}
const violations = checkLayers(graph);
for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
if (violations.length > 0) {
  console.error(`layers: ${violations.length} problem(s) in ${graph.size} files`);
  process.exit(1);
}
console.log(`layers: ${graph.size} files, no import against the layers, no cycle`);
