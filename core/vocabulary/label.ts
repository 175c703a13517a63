// A code's words in the two languages the product speaks, and the few ways callers read a
// table of them. Every table of labels lives in this folder (the parity test scans for others).

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface Label {
  zh: string;
  en: string;
}

/** An English label as it stands inside a sentence or after a colon: "Rule status" → "rule status". */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** One label per code. */
export type Labels<K extends string> = Readonly<Record<K, Label>>;

/**
 * The word for `code`; a code the table does not hold (a newer server, a corrupt row) is
 * shown as it is rather than hidden.
 */
export function labelIn<K extends string>(labels: Labels<K>, code: string, lang: Lang): string {
  return Object.hasOwn(labels, code) ? labels[code as K][lang] : code;
}

/** The table as one language's words by code, in the table's order. */
export function inLang<K extends string>(labels: Labels<K>, lang: Lang): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const code of Object.keys(labels) as K[]) out[code] = labels[code][lang];
  return out;
}

/** The same with each code behind a prefix: the keys of the dashboard's string tables (`issue_…`). */
export function prefixedIn<P extends string, K extends string>(
  prefix: P,
  labels: Labels<K>,
  lang: Lang,
): { [Q in K as `${P}${Q}`]: string } {
  const out: Record<string, string> = {};
  for (const code of Object.keys(labels) as K[]) out[`${prefix}${code}`] = labels[code][lang];
  return out as { [Q in K as `${P}${Q}`]: string };
}

/** Fills `{name}` placeholders; an unknown name stays as written. */
export const fillIn = (text: string, vars: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : m));
