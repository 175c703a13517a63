// What an ingest answers its caller: how many records were made durable, and each reject and
// warning by the line it came from; and the rows as the pipeline carries them to that answer.

import type { Issue } from '../../core/index.js';

export interface Rejected {
  line: number;
  id?: string;
  errors: Issue[];
}

/** A record stored as sent, with what its sender should know (a planned outage announced late). */
export interface Warned {
  line: number;
  id?: string;
  issues: Issue[];
}

export interface IngestSummary {
  /** Records made durable (written or spooled). */
  accepted: number;
  /** Of those, how many wait in the spool for QuestDB. */
  spooled: number;
  rejectedCount: number;
  /** The rejects, in line order, up to `maxListed`. */
  rejected: Rejected[];
  /** Of the accepted records, how many came with warnings. */
  warningCount: number;
  /** The accepted records with warnings, in line order, up to `maxListed`. */
  warnings: Warned[];
  batchId: string;
}

/** A row of a batch: its line, the record read from it, and the row as it came. */
export interface BatchRow<T> {
  line: number;
  record: T;
  raw: Record<string, unknown>;
}

/** A rejected row, with the row as it came (null: it could not be read). */
export type Refusal = Rejected & { raw: unknown };
