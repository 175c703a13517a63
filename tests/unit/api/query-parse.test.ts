// A query read with its route's schema: the first problem's 400 (named by its parameter), or
// every problem at once for the reliability routes, in the order the route reads them.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CompiledRuleSet } from '../../../analytics/rules/index.js';
import { HttpError } from '../../../core/index.js';
import { int, text, time, timeOr } from '../../../dashboard/api/query/fields.js';
import {
  findRuleSet,
  parseParam,
  parseQuery,
  QueryProblems,
  QueryReader,
  queryValues,
  refuseUnknown,
  ruleSetParam,
  ruleSetReader,
} from '../../../dashboard/api/query/index.js';
import { choice, flag } from '../../../dashboard/api/query/reliability-fields.js';

/** What a throw says: status, error and issues. */
function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, error: e.message, issues: e.issues };
    throw e;
  }
  throw new Error('no refusal');
}

const query = z.object({
  from: timeOr('UTC', 'start'),
  limit: int('rows at most', 1, 10, 5),
  name: text('a name', 3),
});

describe('parseQuery', () => {
  it('gives every parameter, defaults in', () => {
    expect(parseQuery(query, { from: '2025-01-02', name: 'ab' })).toEqual({
      from: Date.UTC(2025, 0, 2),
      limit: 5,
      name: 'ab',
    });
  });

  it('answers the first parameter with a problem, in the schema’s order', () => {
    expect(refusal(() => parseQuery(query, { name: 'abcd', limit: '0' }))).toEqual({
      status: 400,
      error: 'invalid limit',
      issues: [{ path: 'limit', message: 'must be a whole number from 1 to 10 (got "0")' }],
    });
  });

  it('says a required parameter is missing', () => {
    const required = z.object({ to: time('UTC', 'end') });
    expect(refusal(() => parseQuery(required, {}))).toEqual({
      status: 400,
      error: 'to is required',
      issues: [{ path: 'to', message: 'is required' }],
    });
  });

  it('reads a parameter given twice as its values joined by commas', () => {
    expect(queryValues({ a: ['x', 'y'], b: '', c: undefined })).toEqual({ a: 'x,y', b: '' });
    expect(refusal(() => parseQuery(query, { limit: ['2', '3'] }))).toMatchObject({
      issues: [{ path: 'limit', message: 'must be a whole number from 1 to 10 (got "2,3")' }],
    });
  });

  it('one value read as a parameter names it', () => {
    expect(parseParam(text('x', 3), 'abc', 'id')).toBe('abc');
    expect(refusal(() => parseParam(text('x', 3), 'abcd', 'id'))).toEqual({
      status: 400,
      error: 'invalid id',
      issues: [{ path: 'id', message: 'longer than 3 characters' }],
    });
  });
});

describe('refuseUnknown', () => {
  it('names the first parameter not taken, and those taken (encoding always)', () => {
    expect(() => refuseUnknown({ from: 'x', limit: '1', encoding: 'gb18030' }, query)).not.toThrow();
    expect(refusal(() => refuseUnknown({ from: 'x', colour: 'red', size: '1' }, query))).toEqual({
      status: 400,
      error: 'invalid colour',
      issues: [{ path: 'colour', message: 'unknown parameter (allowed: from, limit, name, encoding)' }],
    });
  });
});

describe('QueryReader', () => {
  it('answers the first problem in the order the route reads', () => {
    const q = new QueryReader(query, { name: 'abcd', limit: '0' });
    expect(refusal(() => q.get('name'))).toMatchObject({ error: 'invalid name' });
    expect(q.get('from')).toBeUndefined();
  });
});

describe('QueryProblems', () => {
  const options = z.object({
    from: time('UTC', 'start'),
    variant: choice(['all', 'fault'], 'all', 'which outages'),
    split: flag('split'),
  });

  it('names every problem, unknown parameters first, then in the order read', () => {
    const p = new QueryProblems(options, { split: 'maybe', variant: 'x', colour: 'red' });
    expect(p.read('split')).toBe(false);
    expect(p.read('variant')).toBe('all');
    expect(p.read('from')).toBeUndefined();
    expect(refusal(() => p.done())).toEqual({
      status: 400,
      error: 'invalid query parameters',
      issues: [
        { path: 'colour', message: 'unknown parameter (allowed: from, variant, split, encoding)' },
        { path: 'split', message: 'must be true or false, got: "maybe"' },
        { path: 'variant', message: 'must be one of all, fault, got: "x"' },
        { path: 'from', message: 'is required' },
      ],
    });
  });

  it('is done without a word when nothing is wrong', () => {
    const p = new QueryProblems(options, { from: '2025-01-01', variant: 'fault' });
    expect([p.read('from'), p.read('variant'), p.read('split')]).toEqual([
      Date.UTC(2025, 0, 1),
      'fault',
      false,
    ]);
    expect(() => p.done()).not.toThrow();
  });
});

describe('the rule set of a request', () => {
  const set = (name: string) => ({ name }) as CompiledRuleSet;
  const sets = {
    ruleSets: new Map([
      ['a', set('a')],
      ['b', set('b')],
    ]),
    defaultRuleSet: 'a',
  };

  it('is the one named, or the default one', () => {
    expect(findRuleSet(sets, 'b')).toEqual({ ok: true, value: set('b') });
    expect(findRuleSet(sets, undefined)).toEqual({ ok: true, value: set('a') });
    expect(ruleSetReader(sets)(undefined)).toEqual(set('a'));
    expect(parseQuery(z.object({ ruleSet: ruleSetParam(sets) }), { ruleSet: 'b' })).toEqual({
      ruleSet: set('b'),
    });
  });

  it('an unknown one is refused naming those known, the same from every router', () => {
    const issues = [{ path: 'ruleSet', message: 'no rule set "c" (known: a, b)' }];
    expect(refusal(() => ruleSetReader(sets)('c'))).toEqual({
      status: 400,
      error: 'invalid ruleSet',
      issues,
    });
    expect(refusal(() => ruleSetReader(sets, 'unknown rule set')('c'))).toEqual({
      status: 400,
      error: 'unknown rule set',
      issues,
    });
    expect(refusal(() => parseQuery(z.object({ ruleSet: ruleSetParam(sets) }), { ruleSet: 'c' }))).toEqual({
      status: 400,
      error: 'invalid ruleSet',
      issues,
    });
  });

  it('a name over 200 characters is too long, whatever the title of an unknown one', () => {
    expect(refusal(() => ruleSetReader(sets, 'unknown rule set')('x'.repeat(201)))).toEqual({
      status: 400,
      error: 'invalid ruleSet',
      issues: [{ path: 'ruleSet', message: 'longer than 200 characters' }],
    });
  });
});
