// Reading JSON text into records, with failures worded for an operator. Engine messages
// differ between Node versions, so only the position is taken from them.

import { quote } from '../schemas/fields.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 bytes to text (BOM dropped), or undefined when they are not valid UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

export function readJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: describeJsonError(text, e) };
  }
}

const EXCERPT = 40;

function describeJsonError(text: string, e: unknown): string {
  const position = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!position) return `is not valid JSON: ${excerpt(text, 0)}`;
  const at = Math.min(Number(position[1]), text.length);
  return `is not valid JSON at character ${at + 1}: ${excerpt(text, at)}`;
}

/** Up to 40 characters of `text` ending a little after `at`, with "…" where it was cut. */
function excerpt(text: string, at: number): string {
  const from = Math.max(0, Math.min(at - EXCERPT + 10, text.length - EXCERPT));
  const piece = text.slice(from, from + EXCERPT);
  return `${from > 0 ? '…' : ''}${piece}${from + EXCERPT < text.length ? '…' : ''}`;
}

/** The record if `value` is a JSON object, else the message saying what it is. */
export function asRecord(value: unknown): Record<string, unknown> | string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  const what = Array.isArray(value) ? `an array ${quote(value)}` : quote(value);
  return `must be a JSON object (one record), got ${what}`;
}
