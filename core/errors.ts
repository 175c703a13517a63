import type { Issue } from './issues.js';

/**
 * The one error type the HTTP layer turns into an answer. Anything else thrown is logged and
 * answered as a bare 500, so no stack trace, SQL or internal detail ever reaches a client.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly issues: readonly Issue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    options: { issues?: readonly Issue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }

  toJSON(): { error: string; issues?: readonly Issue[] } {
    return this.issues.length > 0 ? { error: this.message, issues: this.issues } : { error: this.message };
  }
}

export const badRequest = (message: string, issues?: readonly Issue[]): HttpError =>
  new HttpError(400, message, issues ? { issues } : {});
export const notFound = (message: string): HttpError => new HttpError(404, message);
