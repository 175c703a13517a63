// Validation failures are data: a path into the record and a message an operator understands.
// Wording is decided here once; callers collect issues and render them at the edge.

export interface Issue {
  path: string;
  message: string;
  /** Where a client may word the issue itself: the reason as a code, and the figures it needs. */
  code?: string;
  params?: Readonly<Record<string, unknown>>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(issues: Issue[]): Result<T> => ({ ok: false, issues });

/** "customersAffected: must be a whole number ≥ 0; end: ..." */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** Render a zod-style path (array of keys) as `restorations[1].at`. */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
