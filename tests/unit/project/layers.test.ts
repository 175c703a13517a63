import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../core/project-root.js';
import { checkLayers, type Import, readImports, SOURCE_ROOTS } from '../../../scripts/layers/index.js';

const graphOf = (files: Record<string, string>) =>
  new Map(Object.entries(files).map(([path, text]) => [path, readImports(path, text)]));

describe('the layering check', () => {
  it('reads static, re-exported, dynamic and type imports, not those in comments or strings', () => {
    const imports = readImports(
      'analytics/a.ts',
      [
        "import { x } from '../core/index.js';",
        "import type { S } from '../store/index.js';",
        "import { type T, type U } from './t.js';",
        "export { y } from './y.js';",
        "// import { z } from '../server/app.js';",
        'const s = "import { z } from \'../server/app.js\'";',
        "const m = await import('../store/client.js');",
        "type Q = import('../ingest/validate.js').Q;",
      ].join('\n'),
    );
    expect(imports.map((i) => [i.target, i.typeOnly, i.line])).toEqual([
      ['core/index.ts', false, 1],
      ['store/index.ts', true, 2],
      ['analytics/t.ts', true, 3],
      ['analytics/y.ts', false, 4],
      ['store/client.ts', false, 7],
      ['ingest/validate.ts', true, 8],
    ]);
  });

  it('fails on an import against the layers, naming the file, line and what is allowed', () => {
    const violations = checkLayers(
      graphOf({
        'store/client.ts': "import { Config } from '../server/config.js';",
        'server/config.ts': '',
        'analytics/flags.ts': "\nimport { ingest } from '../ingest/validate.js';",
        'ingest/validate.ts': '',
      }),
    );
    expect(violations).toEqual([
      {
        file: 'store/client.ts',
        line: 1,
        message: 'store must not import server (../server/config.js): store may import core',
      },
      {
        file: 'analytics/flags.ts',
        line: 2,
        message: 'analytics must not import ingest (../ingest/validate.js): analytics may import core, store',
      },
    ]);
  });

  it('lets the browser app import types, not code, from the store', () => {
    const files = {
      'dashboard/web/a.ts': "import type { Store } from '../../store/client.js';",
      'store/client.ts': '',
    };
    expect(checkLayers(graphOf(files))).toEqual([]);
    const code = { ...files, 'dashboard/web/a.ts': "import { createStore } from '../../store/client.js';" };
    expect(checkLayers(graphOf(code)).map((v) => v.message)).toEqual([
      'dashboard/web must not import store (../../store/client.js): dashboard/web may import core, analytics',
    ]);
  });

  it('fails on a cycle of run-time imports, not on one of types', () => {
    const ring = {
      'analytics/a.ts': "import { b } from './b.js';",
      'analytics/b.ts': "import { c } from './c.js';",
      'analytics/c.ts': "import { a } from './a.js';",
    };
    expect(checkLayers(graphOf(ring))).toEqual([
      {
        file: 'analytics/a.ts',
        line: 1,
        message: 'import cycle: analytics/a.ts → analytics/b.ts → analytics/c.ts',
      },
    ]);
    const typed = { ...ring, 'analytics/c.ts': "import type { A } from './a.js';" };
    expect(checkLayers(graphOf(typed))).toEqual([]);
  });

  it('follows what the browser app reaches: Node or an unlisted package is refused, with the path', () => {
    const violations = checkLayers(
      graphOf({
        'dashboard/web/view.ts':
          "import { window } from '../../analytics/rules/window.js';\nimport * as d3 from 'd3';",
        'analytics/rules/window.ts': "import { days } from './days.js';",
        'analytics/rules/days.ts': "import { readFileSync } from 'node:fs';\nimport pino from 'pino';",
      }),
    );
    expect(violations.map((v) => `${v.file}:${v.line} ${v.message}`)).toEqual([
      'analytics/rules/days.ts:1 dashboard/web runs in a browser but reaches node:fs (through dashboard/web/view.ts → analytics/rules/window.ts → analytics/rules/days.ts)',
      'analytics/rules/days.ts:2 dashboard/web runs in a browser but reaches pino (through dashboard/web/view.ts → analytics/rules/window.ts → analytics/rules/days.ts)',
    ]);
  });

  it('passes on the project itself', () => {
    const root = projectRoot();
    const graph = new Map<string, Import[]>();
    for (const top of SOURCE_ROOTS) {
      for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const path = relative(root, join(entry.parentPath, entry.name));
        graph.set(path, readImports(path, readFileSync(join(root, path), 'utf8')));
      }
    }
    expect(graph.size).toBeGreaterThan(300);
    expect(checkLayers(graph)).toEqual([]);
  }, 60_000); // parsing every source file: seconds on a busy machine, never a timing check
});
