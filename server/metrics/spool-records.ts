// How many records wait in the spool. The writer knows its units and bytes; the records are
// counted here from the unit files, each read once: a unit file never changes once in place,
// and is gone once replayed or set aside.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SPOOL_FILE } from '../../store/index.js';

export class SpoolRecordCount {
  /** records per unit file, for the files seen at the last count */
  private readonly known = new Map<string, number>();

  constructor(private readonly dir: string) {}

  async count(): Promise<number> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => SPOOL_FILE.test(f));
    } catch {
      return 0; // no spool folder yet: nothing was ever spooled
    }
    const present = new Set(files);
    for (const file of this.known.keys()) if (!present.has(file)) this.known.delete(file);
    let total = 0;
    for (const file of files) {
      let records = this.known.get(file);
      if (records === undefined) {
        records = await recordsIn(join(this.dir, file));
        if (records === undefined) continue; // replayed since the listing
        this.known.set(file, records);
      }
      total += records;
    }
    return total;
  }
}

/** A unit file's record count; undefined when the file is gone. */
async function recordsIn(path: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const unit = JSON.parse(text) as { records?: unknown };
    return Array.isArray(unit.records) ? unit.records.length : 0;
  } catch {
    return 0; // unreadable: the replay sets it aside, and its records were never countable
  }
}
