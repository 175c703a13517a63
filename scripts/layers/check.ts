// The layering check as a pure function of the import graph: an import against the layers, a
// cycle of run-time imports, and a browser module reaching what a browser does not have.

import { builtinModules } from 'node:module';
import type { Import } from './imports.js';
import { LAYERS, type Layer, layerOf } from './rules.js';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export type ImportGraph = ReadonlyMap<string, readonly Import[]>;

export function checkLayers(graph: ImportGraph): Violation[] {
  return [...againstLayers(graph), ...cycles(graph), ...browserReach(graph)];
}

function againstLayers(graph: ImportGraph): Violation[] {
  const out: Violation[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    if (!from) continue;
    const rule = LAYERS[from];
    for (const i of imports) {
      if (!i.target) continue;
      const to = layerOf(i.target);
      if (!to) {
        if (!graph.has(i.target) && !i.target.startsWith('..'))
          out.push({ file, line: i.line, message: `imports ${i.specifier}, which is not a source file` });
        continue;
      }
      if (to === from || rule.imports.includes(to)) continue;
      if (i.typeOnly && rule.types?.includes(to)) continue;
      out.push({
        file,
        line: i.line,
        message: `${from} must not import ${to} (${i.specifier})${i.typeOnly ? ' even for types' : ''}: ${from} may import ${describe(rule.imports)}`,
      });
    }
  }
  return out;
}

const describe = (layers: readonly Layer[]) => (layers.length ? layers.join(', ') : 'nothing of the project');

/** Strongly connected components of the run-time import graph with more than one file. */
function cycles(graph: ImportGraph): Violation[] {
  const edges = (file: string) =>
    (graph.get(file) ?? [])
      .filter((i) => i.target && !i.typeOnly && graph.has(i.target))
      .map((i) => i.target!);
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: Violation[] = [];
  // Iterative Tarjan: the tree is deep enough that recursion is a needless risk.
  for (const root of [...graph.keys()].sort()) {
    if (order.has(root)) continue;
    const work: { file: string; next: string[] }[] = [];
    const enter = (file: string) => {
      order.set(file, index);
      low.set(file, index);
      index += 1;
      stack.push(file);
      onStack.add(file);
      work.push({ file, next: edges(file) });
    };
    enter(root);
    while (work.length > 0) {
      const top = work.at(-1)!;
      const next = top.next.shift();
      if (next !== undefined) {
        if (!order.has(next)) enter(next);
        else if (onStack.has(next)) low.set(top.file, Math.min(low.get(top.file)!, order.get(next)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(top.file)!));
      if (low.get(top.file) !== order.get(top.file)) continue;
      const component: string[] = [];
      for (;;) {
        const f = stack.pop()!;
        onStack.delete(f);
        component.push(f);
        if (f === top.file) break;
      }
      if (component.length > 1) {
        const files = component.sort();
        out.push({ file: files[0]!, line: 1, message: `import cycle: ${files.join(' → ')}` });
      }
    }
  }
  return out;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Every file a browser layer reaches at run time stays free of Node and of unlisted packages. */
function browserReach(graph: ImportGraph): Violation[] {
  const out: Violation[] = [];
  for (const [layer, rule] of Object.entries(LAYERS) as [Layer, (typeof LAYERS)[Layer]][]) {
    if (!rule.browser) continue;
    const allowed = rule.browser.packages;
    const seen = new Set<string>();
    const via = new Map<string, string>();
    const queue = [...graph.keys()].filter((f) => layerOf(f) === layer);
    for (const f of queue) seen.add(f);
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const i of graph.get(file) ?? []) {
        if (i.typeOnly) continue;
        if (i.target) {
          if (graph.has(i.target) && !seen.has(i.target)) {
            seen.add(i.target);
            via.set(i.target, file);
            queue.push(i.target);
          }
          continue;
        }
        const pkg = packageName(i.specifier);
        if (NODE_BUILTINS.has(i.specifier) || !allowed.includes(pkg)) {
          const chain = [file];
          for (let at = via.get(file); at; at = via.get(at)) chain.unshift(at);
          out.push({
            file,
            line: i.line,
            message: `${layer} runs in a browser but reaches ${i.specifier} (through ${chain.join(' → ')})`,
          });
        }
      }
    }
  }
  return out;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
