// Reading a mapping file from disk: the one place this folder touches the file system.

import { readFileSync } from 'node:fs';
import { fail, type Result } from '../../core/issues.js';
import type { RecordKind } from '../schemas/kinds.js';
import { type Mapping, parseMapping } from './compile.js';

/**
 * Read, check and compile the mapping file at `path` for an import of `kind` records, with
 * local times read in `zone` when the file names none, and `idPrefix` before every id.
 */
export function loadMapping(
  path: string,
  kind?: RecordKind,
  zone?: string,
  options: { idPrefix?: string } = {},
): Result<Mapping> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e);
    return fail([{ path, message: `cannot be read (${why})` }]);
  }
  return parseMapping(text, {
    source: path,
    ...(kind ? { kind } : {}),
    ...(zone ? { zone } : {}),
    ...(options.idPrefix ? { idPrefix: options.idPrefix } : {}),
  });
}
