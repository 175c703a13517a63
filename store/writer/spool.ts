// A durable FIFO of write units on local disk, for when QuestDB cannot be reached. A unit is
// written to a temporary file, fsynced and renamed into place before the caller is told it is
// durable; the sequence number in the file name keeps the order across restarts. A unit QuestDB
// refuses on replay is moved to refused/ (every unit in the spool was answered "accepted").

import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export class SpoolFullError extends Error {
  override readonly name = 'SpoolFullError';
}

export interface SpoolEntry<T> {
  seq: number;
  file: string;
  unit: T;
}

/** A unit QuestDB refused as a whole on replay: kept in `refused/`, never deleted by us. */
export interface RefusedEntry<T> {
  file: string;
  unit: T;
  /** when it was set aside (epoch ms) */
  at: number;
  /** QuestDB's or the encoder's words */
  reason: string;
}

/** Spool file names: a 12-digit sequence number (nothing else is ever read or moved). */
export const SPOOL_FILE = /^\d{12}\.json$/;

export class Spool<T> {
  private seq: number;
  private bytes = 0;
  private files: string[];

  constructor(
    readonly dir: string,
    readonly limitBytes: number,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.endsWith('.tmp')) rmSync(join(dir, f)); // torn writes
    this.files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const f of this.files) this.bytes += statSync(join(dir, f)).size;
    const last = this.files.at(-1);
    this.seq = last ? Number.parseInt(last, 10) : 0;
  }

  get depth(): number {
    return this.files.length;
  }

  get size(): number {
    return this.bytes;
  }

  /** Durably appends a unit; throws SpoolFullError past the limit (the caller answers 503). */
  append(unit: T): void {
    const data = Buffer.from(JSON.stringify(unit));
    if (this.bytes + data.length > this.limitBytes) {
      throw new SpoolFullError(`spool full (${this.bytes} of ${this.limitBytes} bytes)`);
    }
    this.seq += 1;
    const name = `${String(this.seq).padStart(12, '0')}.json`;
    const tmp = join(this.dir, `${name}.tmp`);
    try {
      writeDurably(tmp, data);
    } catch (err) {
      rmSync(tmp, { force: true });
      // A full disk is a full spool to the caller (503, try later), not an internal error.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        throw new SpoolFullError(`spool disk full (${code}) at ${this.bytes} bytes`, { cause: err });
      }
      throw err;
    }
    renameSync(tmp, join(this.dir, name));
    syncDir(this.dir);
    this.files.push(name);
    this.bytes += data.length;
  }

  /** The oldest unit, or undefined when empty. */
  peek(): SpoolEntry<T> | undefined {
    const file = this.files[0];
    if (file === undefined) return undefined;
    const unit = JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as T;
    return { seq: Number.parseInt(file, 10), file, unit };
  }

  /**
   * Moves the oldest unit to `refused/` with the reason, out of the queue (the units behind it
   * are not blocked) but kept: an operator lists it and puts it back once the cause is fixed.
   */
  setAside(reason: string, at: number): void {
    const file = this.files[0];
    if (file === undefined) return;
    const refused = this.refusedDir;
    mkdirSync(refused, { recursive: true });
    writeDurably(join(refused, `${file}.reason`), Buffer.from(JSON.stringify({ at, reason })));
    const size = statSync(join(this.dir, file)).size;
    renameSync(join(this.dir, file), join(refused, file));
    syncDir(refused);
    syncDir(this.dir);
    this.files.shift();
    this.bytes -= size;
  }

  /** How many units are set aside (a directory listing: cheap enough for every scrape). */
  get refusedCount(): number {
    try {
      return readdirSync(this.refusedDir).filter((f) => SPOOL_FILE.test(f)).length;
    } catch {
      return 0;
    }
  }

  /** The units set aside, oldest first. */
  refused(): RefusedEntry<T>[] {
    let names: string[];
    try {
      names = readdirSync(this.refusedDir).filter((f) => SPOOL_FILE.test(f));
    } catch {
      return [];
    }
    return names.sort().map((file) => {
      const unit = JSON.parse(readFileSync(join(this.refusedDir, file), 'utf8')) as T;
      let why = { at: 0, reason: 'unknown' };
      try {
        why = JSON.parse(readFileSync(join(this.refusedDir, `${file}.reason`), 'utf8'));
      } catch {
        // a reason lost to a crash between the two writes: the unit itself is what matters
      }
      return { file, unit, at: why.at, reason: why.reason };
    });
  }

  /** Puts a set-aside unit back at the end of the queue; false when there is no such unit. */
  requeue(file: string): boolean {
    if (!SPOOL_FILE.test(file)) return false;
    const path = join(this.refusedDir, file);
    let unit: T;
    try {
      unit = JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch {
      return false;
    }
    this.append(unit);
    rmSync(path);
    rmSync(`${path}.reason`, { force: true });
    syncDir(this.refusedDir);
    return true;
  }

  private get refusedDir(): string {
    return join(this.dir, 'refused');
  }

  /** Removes the oldest unit once it has been written. */
  shift(): void {
    const file = this.files.shift();
    if (file === undefined) return;
    const path = join(this.dir, file);
    this.bytes -= statSync(path).size;
    rmSync(path);
  }
}

function writeDurably(path: string, data: Buffer): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
