// Helpers for chart functions that return SVG text: escaping, rounding (stable snapshots and
// small pages), and the accessible root element every chart shares.

export function esc(text: string | number): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Coordinates to two decimals: enough for a screen, stable across platforms. */
export const r = (n: number): number => Math.round(n * 100) / 100;

export type AttrValue = string | number | null | undefined | false;

export function attrs(a: Record<string, AttrValue>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${esc(typeof v === 'number' ? r(v) : (v as string))}"`)
    .join('');
}

export function el(tag: string, a: Record<string, AttrValue>, inner = ''): string {
  return inner === '' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

export interface RootOptions {
  /** A prefix for the element ids, unique on the page (e.g. "cal-asset"). */
  id: string;
  width: number;
  height: number;
  title: string;
  desc?: string;
  className?: string;
}

/** The <svg> element with role img and an accessible name (title) and description. */
export function root(o: RootOptions, body: string): string {
  const titleId = `${o.id}-title`;
  const descId = `${o.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      class: o.className ?? 'chart',
      viewBox: `0 0 ${r(o.width)} ${r(o.height)}`,
      width: o.width,
      height: o.height,
      role: 'img',
      'aria-labelledby': titleId,
      'aria-describedby': o.desc ? descId : null,
      preserveAspectRatio: 'xMinYMin meet',
    })}>` +
    el('title', { id: titleId }, esc(o.title)) +
    (o.desc ? el('desc', { id: descId }, esc(o.desc)) : '') +
    body +
    '</svg>'
  );
}

/** Day number of a local calendar date "YYYY-MM-DD" (pure calendar arithmetic, no zone). */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: "${date}"`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The first days of the months that start within [from, to], as "YYYY-MM-01". */
export function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  if (from.slice(8) !== '01') m += 1;
  for (;;) {
    if (m > 12) {
      m = 1;
      y += 1;
    }
    const d = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    if (d > to) return out;
    out.push(d);
    m += 1;
  }
}
