import { describe, expect, it } from 'vitest';
import { ident, join, literal, sql, ts } from '../../../store/sql.js';

describe('sql template', () => {
  it('writes plain text, numbers, lists and instants as QuestDB literals', () => {
    expect(
      sql`a = ${'x'} AND b IN (${[1, 'y']}) AND t < ${ts(Date.UTC(2025, 0, 2))} AND n = ${10n}`.text,
    ).toBe("a = 'x' AND b IN (1, 'y') AND t < '2025-01-02T00:00:00.000Z'::timestamp AND n = 10L");
    expect(literal(null)).toBe('null');
    expect(literal(true)).toBe('true');
  });

  it('doubles a quote and casts the literal, so an indexed SYMBOL is compared by value', () => {
    expect(literal("O'Brien")).toBe("'O''Brien'::varchar");
    expect(sql`id IN (${["it's", 'plain']})`.text).toBe("id IN ('it''s'::varchar, 'plain')");
    // QuestDB strips the ends of a constant that starts with a quote: such text is left plain.
    expect(literal("'quoted'")).toBe("'''quoted'''");
    expect(literal("'")).toBe("''''");
  });

  it('refuses what cannot be written safely', () => {
    expect(() => literal('a\u0000b')).toThrow('NUL');
    expect(() => literal(Number.NaN)).toThrow('not a finite number');
    expect(() => literal([])).toThrow('empty list');
    expect(() => ident('a;b')).toThrow('not a valid SQL identifier');
    expect(join([sql`a`, sql`b`], ' AND ').text).toBe('a AND b');
  });
});
