// Reading JSON text into records, with failures worded for an operator. Engine messages
// differ between Node versions, so only the position is taken from them.

import { quote } from '../schemas/fields.js';
import { fieldWithNul, nulMessage } from './source.js';

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

/** Deepest nesting of arrays and objects a record may have; records are flat, a few lists deep. */
export const MAX_DEPTH = 32;

/**
 * Whether `value` nests arrays and objects deeper than `max` levels. Walked without recursion:
 * JSON.parse reads any depth, but JSON.stringify and the schemas recurse and would overflow the
 * stack on a line of a few hundred thousand brackets.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) if (typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** The record if `value` is a JSON object, else the message saying what it is. */
export function asRecord(value: unknown): Record<string, unknown> | string {
  if (nestedDeeperThan(value, MAX_DEPTH))
    return `nests arrays and objects more than ${MAX_DEPTH} levels deep; a record is one flat object`;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const nul = fieldWithNul(value as Record<string, unknown>);
    return nul === undefined ? (value as Record<string, unknown>) : nulMessage(nul);
  }
  const what = Array.isArray(value) ? `an array ${quote(value)}` : quote(value);
  return `must be a JSON object (one record), got ${what}`;
}
