// The API client: the session (an HttpOnly cookie the browser sends by itself, so every tab is
// signed in; changes carry its CSRF token), JSON for small answers, Arrow IPC for large tables,
// a short-lived cache so a language switch re-renders without refetching, and the server-sent
// event stream read with fetch().

import { tableFromIPC } from 'apache-arrow';
import { rowsOf } from './arrow-rows.js';

const ARROW = 'application/vnd.apache.arrow.stream';
const CACHE_MS = 5 * 60_000;

export type Params = Record<string, string | number | boolean | undefined | null>;
export type Row = Record<string, unknown>;

/** An issue of a refusal: English words, and (for case changes) a code and params to word it by. */
export interface Issue {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** Who is signed in (GET/POST /api/v1/session). */
export interface SessionInfo {
  name: string;
  roles: string[];
  expiresAt: string;
  csrfToken: string;
}

async function refusal(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`;
  let issues: Issue[] = [];
  try {
    const body = (await res.json()) as { error?: string; message?: string; issues?: Issue[] };
    message = body.message ?? body.error ?? message;
    issues = body.issues ?? [];
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(res.status, message, issues);
}

/** The token given once is exchanged for the session cookie; the token itself is not kept. */
export async function signIn(token: string, base = '/api/v1'): Promise<SessionInfo> {
  const res = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as SessionInfo;
}

/** The session this browser already has (another tab signed in), or null. */
export async function currentSession(base = '/api/v1'): Promise<SessionInfo | null> {
  const res = await fetch(`${base}/session`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw await refusal(res);
  const body = (await res.json()) as { signedIn: boolean } & SessionInfo;
  return body.signedIn ? body : null;
}

export async function signOutSession(base = '/api/v1'): Promise<void> {
  await fetch(`${base}/session`, { method: 'DELETE' }).catch(() => undefined);
}

export function query(params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface LiveMessage {
  type: string;
  kind: string;
  count: number;
  at: string;
}
export type LiveState = 'connecting' | 'open' | 'closed';

export interface RequestOptions {
  /** Skip the cache (and refresh it). */
  fresh?: boolean;
}

export class Api {
  private readonly cache = new Map<string, { at: number; value: Promise<unknown> }>();
  /** Called once per refused session (401), so the shell can ask to sign in again. */
  onUnauthorized: (() => void) | undefined;

  /** `csrfToken`: the session's, sent with every change. */
  constructor(
    private readonly csrfToken: string,
    private readonly base = '/api/v1',
  ) {}

  private async request(path: string, accept: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = this.csrfToken;
    }
    const res = await fetch(`${this.base}${path}`, {
      headers,
      ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      if (res.status === 401) this.onUnauthorized?.();
      throw await refusal(res);
    }
    return res;
  }

  private cached<T>(key: string, options: RequestOptions, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (!options.fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  json<T>(path: string, params: Params = {}, options: RequestOptions = {}): Promise<T> {
    const url = path + query(params);
    return this.cached(`json ${url}`, options, async () =>
      (await this.request(url, 'application/json')).json(),
    );
  }

  /** A list endpoint's rows as an Arrow IPC stream, turned into plain objects. */
  arrowRows(path: string, params: Params = {}, options: RequestOptions = {}): Promise<Row[]> {
    const url = path + query(params);
    return this.cached(`arrow ${url}`, options, async () => {
      const res = await this.request(url, ARROW);
      return rowsOf(tableFromIPC(new Uint8Array(await res.arrayBuffer())));
    });
  }

  /** A POST with a JSON body; never cached. Refusals throw ApiError with the API's issues. */
  async post<T>(path: string, body: unknown): Promise<T> {
    return (await (await this.request(path, 'application/json', body)).json()) as T;
  }

  /**
   * A file the API makes (CSV, XLSX), fetched and handed to the browser as a download (a blob),
   * so a failure shows in the page. The name is the one the server's Content-Disposition gives.
   */
  async file(path: string, params: Params, fallbackName: string): Promise<{ blob: Blob; name: string }> {
    const res = await this.request(path + query(params), '*/*');
    const disposition = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
    return { blob: await res.blob(), name };
  }

  /** Drops cached answers whose path starts with one of these prefixes. */
  invalidate(...prefixes: string[]): void {
    for (const key of [...this.cache.keys()]) {
      const path = key.slice(key.indexOf(' ') + 1);
      if (prefixes.some((p) => path.startsWith(p))) this.cache.delete(key);
    }
  }

  /**
   * Reads GET /live until `signal` aborts, reconnecting after a pause when the stream ends or
   * fails. Each `event: ingest` frame is handed to onMessage.
   */
  async live(
    onMessage: (m: LiveMessage) => void,
    onState: (s: LiveState) => void,
    signal: AbortSignal,
  ): Promise<void> {
    let retryMs = 3_000;
    while (!signal.aborted) {
      onState('connecting');
      try {
        const res = await fetch(`${this.base}/live`, {
          headers: { accept: 'text/event-stream' },
          signal,
        });
        if (res.status === 401) {
          this.onUnauthorized?.();
          return;
        }
        if (!res.ok || !res.body) throw new Error(`live: ${res.status}`);
        onState('open');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value.replaceAll('\r\n', '\n');
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = parseFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (frame.retry !== undefined) retryMs = frame.retry;
            if (frame.event === 'ingest' && frame.data) {
              try {
                onMessage(JSON.parse(frame.data) as LiveMessage);
              } catch {
                // a malformed frame is skipped; the next one refreshes anyway
              }
            }
            end = buffer.indexOf('\n\n');
          }
        }
      } catch (err) {
        if (signal.aborted) return;
        void err;
      }
      if (signal.aborted) return;
      onState('closed');
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }
}

export interface Frame {
  event?: string;
  data?: string;
  retry?: number;
}

/** One server-sent event frame (text between blank lines). Comments (":") are ignored. */
export function parseFrame(text: string): Frame {
  const frame: Frame = {};
  const data: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'event') frame.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
  }
  if (data.length > 0) frame.data = data.join('\n');
  return frame;
}
