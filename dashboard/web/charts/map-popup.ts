// The pop-up of a map symbol: a non-modal dialog beside the symbol with its figures as a
// definition list (each value tagged data-field for tests and copy), an optional link, and a
// close button. Opening moves the focus into it; Escape, the close button or a press outside
// close it, and the first two give the focus back to the symbol it belongs to.

import { append, h } from '../dom.js';
import { tm } from '../i18n-map.js';

export interface PopupField {
  /** stable name of the figure (data-field) */
  name: string;
  label: string;
  value: string | Node;
}

export interface PopupEntry {
  title: string;
  fields: PopupField[];
  link?: { href: string; text: string };
}

export interface PopupContent {
  heading: string;
  entries: PopupEntry[];
  /** members not listed (a long list at one place) */
  more?: string;
}

export interface Popup {
  element: HTMLElement;
  /** Opens beside (x, y) in the map's pixels; `back` gives the focus back to the symbol. */
  open(content: PopupContent, at: readonly [number, number], back: () => void): void;
  /** Replaces the content of an open pop-up, keeping its place and the focus. */
  update(content: PopupContent): void;
  move(at: readonly [number, number]): void;
  close(giveBackFocus: boolean): void;
  isOpen(): boolean;
}

const GAP = 12;

/** How many of the members at one place a pop-up lists; the rest are counted. */
const LISTED = 8;

/**
 * The content for the members at one place, in the order given: one member under its own name,
 * several under `many`, the first few listed.
 */
export function placeContent<T>(
  found: readonly T[],
  entry: (member: T) => PopupEntry,
  name: (member: T) => string,
  many: string,
): PopupContent {
  const entries = found.slice(0, LISTED).map((m) => entry(m));
  const rest = found.length - entries.length;
  return {
    heading: found.length === 1 && found[0] !== undefined ? name(found[0]) : many,
    entries,
    ...(rest > 0 ? { more: tm('more', { n: rest }) } : {}),
  };
}

/** The entries of the content: each one's figures as a definition list, and its link. */
function entries(content: PopupContent): HTMLElement[] {
  const single = content.entries.length === 1;
  return content.entries.map((e) =>
    h(
      'section',
      { class: 'map-popup-entry' },
      single ? null : h('h4', {}, e.title),
      h(
        'dl',
        {},
        e.fields.flatMap((f) => [h('dt', {}, f.label), h('dd', { 'data-field': f.name }, f.value)]),
      ),
      e.link ? h('p', { class: 'map-popup-link' }, h('a', { href: e.link.href }, e.link.text)) : null,
    ),
  );
}

/**
 * Where the pop-up goes: beside the symbol when there is room, else under it (over it when it
 * is in the map's lower half), so it never hides the symbol it belongs to. `height` is the
 * pop-up's own, read only when it goes under or over.
 */
export function popupPlace(
  at: readonly [number, number],
  room: readonly [number, number],
  height: () => number,
): { width: number; left: number; top: number } {
  const [wide, tall] = room;
  const w = Math.min(300, wide - 8);
  let left = at[0] + GAP;
  let top = at[1] - GAP;
  if (left + w > wide - 4) left = at[0] - GAP - w;
  if (left < 4) {
    left = Math.max(4, Math.min(at[0] - w / 2, wide - w - 4));
    top = at[1] > tall / 2 ? at[1] - 2 * GAP - height() : at[1] + 2 * GAP;
  }
  return { width: w, left: Math.round(left), top: Math.round(Math.max(4, top)) };
}

function popupElement(id: string): {
  element: HTMLElement;
  title: HTMLElement;
  body: HTMLElement;
  closeButton: HTMLElement;
} {
  const titleId = `${id}-popup-title`;
  const body = h('div', { class: 'map-popup-body' });
  const title = h('h3', { id: titleId });
  const closeButton = h(
    'button',
    { type: 'button', class: 'map-popup-close', title: tm('close') },
    h('span', { 'aria-hidden': 'true' }, '×'),
    h('span', { class: 'sr-only' }, tm('close')),
  );
  const element = h(
    'div',
    {
      class: 'map-popup',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': titleId,
      tabindex: -1,
      hidden: true,
      'data-popup': id,
    },
    h('div', { class: 'map-popup-head' }, title, closeButton),
    body,
  );
  return { element, title, body, closeButton };
}

/** `size` gives the map's width and height in pixels. */
export function mapPopup(id: string, size: () => readonly [number, number]): Popup {
  const { element, title, body, closeButton } = popupElement(id);
  let back: (() => void) | undefined;
  let outside: AbortController | undefined;

  const fill = (content: PopupContent) => {
    title.textContent = content.heading;
    body.replaceChildren();
    append(body, ...entries(content), content.more ? h('p', { class: 'note' }, content.more) : null);
  };
  const place = (at: readonly [number, number]) => {
    const room = size();
    // the width first: the height read below depends on it
    element.style.width = `${Math.min(300, room[0] - 8)}px`;
    const p = popupPlace(at, room, () => element.offsetHeight);
    element.style.left = `${p.left}px`;
    element.style.top = `${p.top}px`;
  };
  const close = (giveBackFocus: boolean) => {
    if (element.hidden) return;
    element.hidden = true;
    outside?.abort();
    outside = undefined;
    const b = back;
    back = undefined;
    if (giveBackFocus) b?.();
  };

  closeButton.addEventListener('click', () => close(true));
  element.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close(true);
  });

  return {
    element,
    open(content, at, giveBack) {
      fill(content);
      element.hidden = false;
      back = giveBack;
      place(at);
      outside?.abort();
      outside = new AbortController();
      // A press anywhere else closes it (the symbol pressed to open it handles its own press).
      document.addEventListener(
        'pointerdown',
        (e) => {
          const target = e.target as Element | null;
          if (target && !element.contains(target) && !target.closest('[data-mark]')) close(false);
        },
        { signal: outside.signal },
      );
      element.focus();
    },
    update: fill,
    move: place,
    close,
    isOpen: () => !element.hidden,
  };
}
