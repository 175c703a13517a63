// Pieces the views share: headings, key figures, loading and failure states, labelled
// selects, status badges (shape + word, never colour alone) and links to an asset.

import { h } from '../dom.js';
import { kindLabel, statusLabel, t } from '../i18n.js';
import { href } from '../router.js';
import type { Column } from '../table.js';

export function pageHeader(title: string, intro?: string): HTMLElement {
  return h(
    'div',
    { class: 'page-head' },
    h('h1', {}, title),
    intro ? h('p', { class: 'intro' }, intro) : null,
  );
}

/** A card named for tests and styling (data-name), headed by its title. */
export function card(name: string, title: string, ...content: (Node | string | null)[]): HTMLElement {
  return h('section', { class: 'card', 'data-name': name }, h('h2', {}, title), ...content);
}

/** A row of key figures. */
export const kpiRow = (...figures: (HTMLElement | null)[]): HTMLElement =>
  h('div', { class: 'kpis' }, ...figures);

/** A page's filter form, named by its heading's id. */
export const filterPanel = (titleId: string): HTMLFormElement =>
  h('form', { class: 'filters card', 'aria-labelledby': titleId });

/** An empty slot of a page, that a figure or card is loaded into. */
export const figureSlot = (): HTMLElement => h('div', { class: 'figure-slot' });

export function loading(slow = false): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t(slow ? 'loadingSlow' : 'loading'));
}

export function failure(err: unknown, retry?: () => void): HTMLElement {
  const message = err instanceof Error ? err.message : String(err);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, t('loadFailed', { message })),
    retry ? h('button', { type: 'button', onclick: retry }, t('retry')) : null,
  );
}

/**
 * Fills `box` with what `load` makes, showing a loading line until then and the error with a
 * retry button if it fails. Nothing is drawn once `signal` has aborted (the user moved on).
 */
export async function fill(
  box: HTMLElement,
  load: () => Promise<Node | Node[]>,
  signal: AbortSignal,
  slow = false,
): Promise<void> {
  box.replaceChildren(loading(slow));
  box.setAttribute('aria-busy', 'true');
  try {
    const content = await load();
    if (signal.aborted) return;
    box.replaceChildren(...(Array.isArray(content) ? content : [content]));
  } catch (err) {
    if (signal.aborted) return;
    box.replaceChildren(failure(err, () => void fill(box, load, signal, slow)));
  } finally {
    box.removeAttribute('aria-busy');
  }
}

/** A key figure; data-value carries the raw number for tests and copy. */
export function kpi(
  name: string,
  label: string,
  value: string,
  raw: number | string,
  note?: string,
): HTMLElement {
  return h(
    'div',
    { class: 'kpi', 'data-name': name, 'data-value': raw },
    h('p', { class: 'kpi-label' }, label),
    h('p', { class: 'kpi-value' }, value),
    note ? h('p', { class: 'kpi-note' }, note) : null,
  );
}

export function labelled(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const select = h(
    'select',
    { id, name: id },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  select.addEventListener('change', () => onChange(select.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

export function checkbox(
  id: string,
  label: string,
  checked: boolean,
  onChange: (v: boolean) => void,
): HTMLElement {
  const input = h('input', { id, name: id, type: 'checkbox', checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h('div', { class: 'field check' }, input, h('label', { for: id }, label));
}

export type FlagStatus = 'breach' | 'at_risk' | 'fine';

const SHAPES: Record<FlagStatus, string> = { breach: '▲', at_risk: '■', fine: '●' };

/**
 * A rule status as shape and word; a breach given its (formatted) date reads "越限（2025-12-03）"
 * / "Breached (3 Dec 2025)", so it is never taken for a breach of the recent counts beside it.
 */
export function statusBadge(status: FlagStatus, breachDate?: string): HTMLElement {
  const word =
    status === 'breach' && breachDate !== undefined
      ? t('figBreachDated', { date: breachDate })
      : statusLabel(status);
  return h(
    'span',
    { class: `status ${status}`, 'data-status': status },
    h('span', { class: 'shape', 'aria-hidden': 'true' }, SHAPES[status]),
    ` ${word}`,
  );
}

export function assetLink(assetId: string, name: string | null | undefined): HTMLAnchorElement {
  return h('a', { href: href('asset', assetId), 'data-asset': assetId }, name || assetId);
}

export const num = (v: unknown): number =>
  typeof v === 'number' ? v : v === null || v === undefined ? Number.NaN : Number(v);
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Card padding and borders around a chart in a figure slot. */
const CARD_INSET = 34;

/** Width available to a chart inside the card drawn in slot `el` (a phone-safe default before layout). */
export function widthOf(el: HTMLElement, fallback = 640): number {
  const w = el.clientWidth;
  return w > 0 ? Math.floor(w - CARD_INSET) : fallback;
}

/** What the asset columns read of a row. */
export interface AssetOfRow {
  assetId: string;
  name: string | null | undefined;
  kind: string | null | undefined;
  city?: string | null | undefined;
  county?: string | null | undefined;
}

/** The asset (linked), kind and region columns that the hotspot, case, ledger and priority tables share. */
export function assetColumns<T>(of: (row: T) => AssetOfRow, assetKey = 'asset'): Column<T>[] {
  return [
    {
      key: assetKey,
      label: t('asset'),
      value: (r) => of(r).name ?? of(r).assetId,
      render: (r) => assetLink(of(r).assetId, of(r).name),
      sortable: true,
    },
    { key: 'kind', label: t('kind'), value: (r) => kindLabel(of(r).kind), sortable: true },
    {
      key: 'region',
      label: t('region'),
      value: (r) => [of(r).city, of(r).county].filter(Boolean).join(' '),
      sortable: true,
    },
  ];
}
