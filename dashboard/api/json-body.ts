// JSON request bodies of the API's few writes: size-limited by express.json, then refused when
// nested deeper than any request of ours needs (formatting an error about a value 30,000 levels
// deep overflows the stack: a 500 where the client deserves a 400).

import express, { type RequestHandler } from 'express';
import { HttpError } from '../../core/index.js';

/** Deeper than any body the API takes (a case transition's changes are 3 levels). */
export const MAX_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion; stops past `limit`. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** express.json with `limit`, then the depth check. */
export function jsonBody(limit: string): RequestHandler[] {
  return [
    express.json({ limit }),
    (req, _res, next) => {
      next(
        depthOf(req.body, MAX_DEPTH) > MAX_DEPTH
          ? new HttpError(400, 'invalid body', {
              issues: [{ path: 'body', message: `nested deeper than ${MAX_DEPTH} levels` }],
            })
          : undefined,
      );
    },
  ];
}
