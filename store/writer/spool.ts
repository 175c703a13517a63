// A durable FIFO of write units on local disk, for when QuestDB cannot be reached. A unit is
// written to a temporary file, fsynced and renamed into place before the caller is told it is
// durable; the sequence number in the file name keeps the order across restarts.

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
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
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
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
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

  /** Removes the oldest unit once it has been written. */
  shift(): void {
    const file = this.files.shift();
    if (file === undefined) return;
    const path = join(this.dir, file);
    this.bytes -= statSync(path).size;
    rmSync(path);
  }
}
