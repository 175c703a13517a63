// SQL is built only from this template tag: values become escaped literals, identifiers are
// checked against a strict pattern, and fragments compose. No caller concatenates SQL text.

export class Sql {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A UTC instant (epoch ms) as a QuestDB timestamp literal. */
export class Instant {
  constructor(readonly ms: number) {
    if (!Number.isFinite(ms)) throw new TypeError(`not a finite instant: ${ms}`);
  }
}
export const ts = (ms: number): Instant => new Instant(ms);

export type SqlValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Sql
  | Instant
  | readonly (string | number)[];

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A table or column name; anything but a plain identifier is refused. */
export function ident(name: string): Sql {
  if (!IDENT.test(name)) throw new TypeError(`not a valid SQL identifier: ${JSON.stringify(name)}`);
  return new Sql(name);
}

export function quote(s: string): string {
  // QuestDB string literals: single quotes doubled; NUL cannot be represented, so it is refused.
  if (s.includes('\u0000')) throw new TypeError('text with a NUL character cannot be used in SQL');
  const literal = `'${s.replaceAll("'", "''")}'`;
  // QuestDB 9.3.4 looks an indexed SYMBOL up by a literal's text with the doubled quotes still in
  // it (`id = 'it''s'` finds nothing, `id != 'it''s'` everything); cast, the literal is a constant
  // function compared by value. But a constant whose value starts with a quote is read as quoted
  // and loses its first and last characters (`'''x'''::varchar` is x), so such text stays a plain
  // literal: right everywhere but in an indexed-symbol lookup, and ids never start with a quote
  // (ingest refuses them).
  return s.includes("'") && !s.startsWith("'") ? `${literal}::varchar` : literal;
}

export function literal(v: SqlValue): string {
  if (v === null) return 'null';
  if (v instanceof Sql) return v.text;
  if (v instanceof Instant) return `${quote(new Date(v.ms).toISOString())}::timestamp`;
  if (Array.isArray(v)) {
    if (v.length === 0) throw new TypeError('empty list in SQL');
    return v.map((x) => literal(x)).join(', ');
  }
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`not a finite number: ${v}`);
      return String(v);
    case 'bigint':
      return `${v}L`;
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      throw new TypeError(`unsupported SQL value: ${typeof v}`);
  }
}

export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
  let text = strings[0] ?? '';
  values.forEach((v, i) => {
    text += literal(v) + (strings[i + 1] ?? '');
  });
  return new Sql(text);
}

/** Joins fragments with a separator (e.g. ' AND '). */
export function join(parts: readonly Sql[], separator: string): Sql {
  return new Sql(parts.map((p) => p.text).join(separator));
}

export const raw = (text: string): Sql => new Sql(text);
