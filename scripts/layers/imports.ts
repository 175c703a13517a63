// The imports of a TypeScript source, read with the compiler's parser (not a regular
// expression: an import inside a comment or a string is not an import).

import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** the specifier as written */
  specifier: string;
  /** for a relative specifier: the imported file, relative to the project root, `.ts` */
  target?: string;
  /** erased at build (`import type`, `export type`, or every name marked `type`) */
  typeOnly: boolean;
  line: number;
}

/** The static, re-exported and dynamic imports of `text`, the file at `path` (project-relative). */
export function readImports(path: string, text: string): Import[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Import[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteral(literal)) return;
    const specifier = literal.text;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const entry: Import = { specifier, typeOnly, line };
    if (specifier.startsWith('.')) entry.target = resolveTs(path, specifier);
    found.push(entry);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, importIsTypeOnly(node));
    } else if (ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1
    ) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(node, arg.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** `./x.js` from `a/b.ts` → `a/x.ts` (NodeNext: sources import their compiled names). */
function resolveTs(from: string, specifier: string): string {
  const joined = normalize(join(dirname(from), specifier));
  return joined.replace(/\.js$/, '.ts');
}
