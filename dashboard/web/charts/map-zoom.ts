// A map that pans and zooms (d3-zoom: wheel, drag, pinch, double-click, and +/−/reset
// buttons), in three layers: the counties (scaled with the zoom, strokes kept thin), an
// optional canvas repainted for each view (the hotspot density), and on top the county names
// and the symbols in screen pixels, so they keep their size. Symbols closer than 20 px merge
// into clusters that split as the zoom grows; pressing a cluster zooms to it (or lists its
// members when they sit at one place); pressing a symbol opens its pop-up. The symbols are one
// tab stop: arrow keys move between them (west to east), Enter or Space opens one.

import { type D3ZoomEvent, select, type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity } from 'd3';
import { announce, h, svgNode } from '../dom.js';
import { tm } from '../i18n-map.js';
import type { Feature, MapFrame, MapInset } from './map.js';
import { clusterBounds } from './map-cluster.js';
import { labelCandidates, placeLabels, viewCandidates } from './map-labels.js';
import {
  type BasePoint,
  type ClusterLook,
  canSplit,
  fitTransform,
  keyboardOrder,
  MAX_ZOOM,
  type MapPoint,
  type Mark,
  marksAt,
  marksSvg,
} from './map-marks.js';
import { mapPopup, type Popup, type PopupContent } from './map-popup.js';
import { el, esc, r } from './svg.js';

/**
 * What a zoomable map `width` px wide keeps free: from 480 px up, the zoom buttons' column at the
 * top right (.map-controls in styles/map.css: 8 px from the edge, 36 px wide) and 8 px beyond it,
 * so no county starts under a button. A phone's map keeps the 8 px margin alone and the buttons
 * float over it: a sixth of its width would shrink the counties below their names' size.
 */
export const zoomMapInset = (width: number): MapInset | number =>
  width >= 480 ? { top: 8, right: 8 + 36 + 8, bottom: 8, left: 8 } : 8;

export interface MapView {
  k: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Underlay = (g: CanvasRenderingContext2D, view: MapView) => void;

export interface ZoomMapOptions {
  id: string;
  title: string;
  desc: string;
  frame: MapFrame;
  points: readonly MapPoint[];
  cluster: (members: readonly MapPoint[]) => ClusterLook;
  popup: (members: readonly MapPoint[]) => PopupContent;
  /** Paints a layer under the symbols for the view (the canvas is cleared first). */
  underlay?: Underlay;
  /** The accessible name of that layer (a canvas image); without it the layer is hidden from assistive technology. */
  underlayLabel?: string;
  /** The name drawn in a region (default: its county). */
  labelOf?: (f: Feature) => string | null;
}

export interface ZoomMap {
  element: HTMLElement;
  /** New data for the same map (and a new underlay): the zoom, the focus and an open pop-up stay. */
  setPoints(points: readonly MapPoint[], underlay?: Underlay): void;
}

const STEP = 2;
const LABEL_FONT = 12;

const countyName = (f: Feature): string | null => {
  const v = f.properties?.['county'] ?? f.properties?.['name'];
  return typeof v === 'string' && v !== '' ? v : null;
};

/** The map's layers and controls, as drawn once; the zoom moves and redraws them. */
interface Layers {
  element: HTMLElement;
  /** what d3-zoom listens on */
  stack: HTMLDivElement;
  top: SVGSVGElement;
  regionsG: SVGGElement;
  labelsG: SVGGElement;
  marksG: SVGGElement;
  canvas: HTMLCanvasElement | null;
  dpr: number;
}

type ZoomButton = 'zoomIn' | 'zoomOut' | 'zoomReset';

function mapLayers(o: ZoomMapOptions, popup: HTMLElement, press: (name: ZoomButton) => void): Layers {
  const { width, height } = o.frame;
  const size = `width:${width}px;height:${height}px`;
  const viewBox = `0 0 ${width} ${height}`;
  const regions = svgNode(
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-base" aria-hidden="true" width="${width}" height="${height}" viewBox="${viewBox}"><g class="regions">${o.frame.regions}</g></svg>`,
  );
  const top = svgNode(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${o.id}" class="chart map map-top" role="group" width="${width}" height="${height}" viewBox="${viewBox}" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc ${o.id}-help">` +
      `${el('title', { id: `${o.id}-title` }, esc(o.title))}${el('desc', { id: `${o.id}-desc` }, esc(o.desc))}` +
      `<g class="labels" aria-hidden="true"></g><g class="marks" role="group" aria-label="${esc(tm('mapSymbols'))}"></g></svg>`,
  ) as SVGSVGElement;
  const dpr = Math.min(globalThis.devicePixelRatio || 1, 2);
  const canvas = o.underlay
    ? h('canvas', {
        width: Math.round(width * dpr),
        height: Math.round(height * dpr),
        class: 'density',
        ...(o.underlayLabel ? { role: 'img', 'aria-label': o.underlayLabel } : { 'aria-hidden': 'true' }),
        style: size,
      })
    : null;
  const stack = h('div', { class: 'map-stack zoomable', style: size }, regions);
  if (canvas) stack.append(canvas);
  stack.append(top);
  const button = (name: ZoomButton, glyph: string) =>
    h(
      'button',
      {
        type: 'button',
        class: `map-${name}`,
        title: tm(name),
        'data-zoom-button': name,
        onclick: () => press(name),
      },
      h('span', { 'aria-hidden': 'true' }, glyph),
      h('span', { class: 'sr-only' }, tm(name)),
    );
  const controls = h(
    'div',
    { class: 'map-controls', role: 'group', 'aria-label': tm('mapControls') },
    button('zoomIn', '+'),
    button('zoomOut', '−'),
    button('zoomReset', '⟲'),
  );
  const element = h(
    'div',
    { class: 'map-zoom', 'data-map': o.id, style: `max-width:${width}px` },
    h('div', { class: 'map-frame', style: size }, stack, controls),
    popup,
    h('p', { class: 'map-help', id: `${o.id}-help` }, tm('mapHelp')),
  );
  return {
    element,
    stack,
    top,
    regionsG: regions.firstElementChild as SVGGElement,
    labelsG: top.querySelector('g.labels') as SVGGElement,
    marksG: top.querySelector('g.marks') as SVGGElement,
    canvas,
    dpr,
  };
}

/** The region names that fit in the view, placed in screen pixels (relative to its shift). */
function labelsMarkup(
  labels: ReturnType<typeof labelCandidates>,
  view: ZoomTransform,
  size: { width: number; height: number },
): string[] {
  const k = view.k;
  const inView = [-view.x / k, -view.y / k, (size.width - view.x) / k, (size.height - view.y) / k] as const;
  return placeLabels(viewCandidates(labels, inView, k), k, LABEL_FONT).map((l) =>
    el(
      'text',
      { x: l.x * k, y: l.y * k, class: 'halo region-label', 'text-anchor': 'middle', dy: '0.35em' },
      esc(l.name),
    ),
  );
}

const ARROWS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
};

/**
 * The map's keys: + and − zoom, 0 resets, Escape closes the pop-up; on a symbol also Enter or
 * Space (open it), Home and End, and the arrows (the next symbol west to east; Shift: pan).
 */
function keyActions(
  on: { zoomBy: (f: number) => void; reset: () => void; close: () => void },
  symbol: {
    activate: () => void;
    go: (delta: number | 'first' | 'last') => void;
    pan: (dx: number, dy: number) => void;
  } | null,
  key: string,
  shift: boolean,
): (() => void) | undefined {
  const keys: Record<string, () => void> = {
    '+': () => on.zoomBy(STEP),
    '=': () => on.zoomBy(STEP),
    '-': () => on.zoomBy(1 / STEP),
    '0': on.reset,
    Escape: on.close,
  };
  if (symbol) {
    Object.assign(keys, {
      Enter: symbol.activate,
      ' ': symbol.activate,
      Home: () => symbol.go('first'),
      End: () => symbol.go('last'),
    });
    const s = ARROWS[key];
    if (s) keys[key] = shift ? () => symbol.pan(-60 * s[0], -60 * s[1]) : () => symbol.go(s[0] + s[1]);
  }
  return keys[key];
}

/** One map's state: the points and their marks at the zoom, the keyboard's symbol, the pop-up. */
class ZoomableMap {
  readonly layers: Layers;
  private readonly popup: Popup;
  private readonly behaviour: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly labels: ReturnType<typeof labelCandidates>;
  private readonly size: { width: number; height: number };
  private points: readonly MapPoint[];
  private base: BasePoint[] = [];
  private underlay: Underlay | undefined;
  private view: ZoomTransform = zoomIdentity;
  private marks: Mark[] = [];
  /** the symbol that is the tab stop */
  private current: string | undefined;
  private openKeys: Set<string> | undefined;
  private openAnchor: string | undefined;

  constructor(private readonly o: ZoomMapOptions) {
    const { width, height } = o.frame;
    this.size = { width, height };
    this.points = o.points;
    this.underlay = o.underlay;
    this.project();
    this.labels = labelCandidates(o.frame.features, o.frame.projection, o.labelOf ?? countyName);
    this.popup = mapPopup(o.id, () => [width, height]);
    this.layers = mapLayers(o, this.popup.element, (name) => {
      if (name === 'zoomIn') this.zoomBy(STEP);
      else if (name === 'zoomOut') this.zoomBy(1 / STEP);
      else this.reset();
    });
    this.behaviour = zoom<HTMLDivElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .on('zoom', (e: D3ZoomEvent<HTMLDivElement, unknown>) => this.apply(e.transform))
      // Names follow the part of each county in view once a pan ends.
      .on('end', () => this.drawLabels());
    select(this.layers.stack).call(this.behaviour);
    this.layers.top.addEventListener('click', (e) => {
      const m = this.markAt(e.target);
      if (m) this.activate(m);
    });
    this.layers.top.addEventListener('focusin', (e) => this.focusIn(e));
    this.layers.element.addEventListener('keydown', (e) => this.keyDown(e));
    this.apply(zoomIdentity, true);
  }

  private project(): void {
    this.base = this.points.map((p) => {
      const xy = this.o.frame.project(p.lon, p.lat);
      return { x: xy ? xy[0] : Number.NaN, y: xy ? xy[1] : Number.NaN, weight: p.weight };
    });
  }

  private screen(x: number, y: number): [number, number] {
    return [x * this.view.k + this.view.x, y * this.view.k + this.view.y];
  }

  private markOf(key: string | undefined): Mark | undefined {
    if (key === undefined) return undefined;
    const i = this.points.findIndex((p) => p.key === key);
    return this.marks.find((m) => m.members.includes(i));
  }

  private markNode(m: Mark | undefined): SVGElement | null {
    return m
      ? (this.layers.marksG.querySelector(`[data-key="${CSS.escape(m.anchor)}"]`) as SVGElement | null)
      : null;
  }

  private drawLabels(): void {
    const placed = labelsMarkup(this.labels, this.view, this.size);
    this.layers.labelsG.innerHTML = placed.join('');
    this.layers.top.dataset['labels'] = String(placed.length);
  }

  private drawMarks(): void {
    const { marksG, top } = this.layers;
    const focused = marksG.contains(document.activeElement)
      ? (document.activeElement?.getAttribute('data-key') ?? undefined)
      : undefined;
    this.marks = marksAt(this.points, this.base, this.view.k);
    this.current = this.markOf(this.current)?.anchor ?? keyboardOrder(this.marks)[0]?.anchor;
    marksG.innerHTML = marksSvg(this.marks, this.points, {
      k: this.view.k,
      tabStop: this.current,
      look: this.o.cluster,
      hint: (m) => (canSplit(this.base, m, this.view.k) ? tm('clusterZoom') : tm('clusterList')),
    });
    top.dataset['marks'] = String(this.marks.length);
    top.dataset['clusters'] = String(this.marks.filter((m) => m.members.length > 1).length);
    if (focused !== undefined) this.markNode(this.markOf(focused))?.focus({ preventScroll: true });
  }

  apply(t: ZoomTransform, force = false): void {
    const { regionsG, labelsG, marksG, top, canvas, dpr } = this.layers;
    const rescaled = t.k !== this.view.k || force;
    this.view = t;
    regionsG.setAttribute('transform', `translate(${r(t.x)},${r(t.y)}) scale(${t.k})`);
    const shift = `translate(${r(t.x)},${r(t.y)})`;
    labelsG.setAttribute('transform', shift);
    marksG.setAttribute('transform', shift);
    if (rescaled) {
      this.drawLabels();
      this.drawMarks();
    }
    top.dataset['zoom'] = String(Math.round(t.k * 1000) / 1000);
    const g = this.underlay ? canvas?.getContext('2d') : null;
    if (g && this.underlay) {
      const { width, height } = this.size;
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, width, height);
      this.underlay(g, { k: t.k, x: t.x, y: t.y, width, height });
    }
    const open = this.markOf(this.openAnchor);
    if (this.popup.isOpen() && open) this.popup.move(this.screen(open.x, open.y));
  }

  private zoomBy(factor: number): void {
    this.behaviour.scaleBy(select(this.layers.stack), factor);
    announce(tm('zoomLevel', { k: Math.round(this.view.k * 10) / 10 }));
  }

  private reset(): void {
    this.behaviour.transform(select(this.layers.stack), zoomIdentity);
  }

  private openPopup(m: Mark): void {
    const members = m.members.map((i) => this.points[i]!);
    this.openKeys = new Set(members.map((p) => p.key));
    this.openAnchor = m.anchor;
    const anchor = m.anchor;
    this.popup.open(this.o.popup(members), this.screen(m.x, m.y), () => {
      this.markNode(this.markOf(anchor))?.focus();
    });
  }

  /** A symbol pressed: a cluster that can split is zoomed to, anything else opens its pop-up. */
  private activate(m: Mark): void {
    if (!canSplit(this.base, m, this.view.k)) {
      this.openPopup(m);
      return;
    }
    const { width, height } = this.size;
    const t = fitTransform(clusterBounds(this.base, m.members), width, height, this.view.k);
    const refocus = this.layers.marksG.contains(document.activeElement);
    const anchor = m.anchor;
    this.behaviour.transform(select(this.layers.stack), zoomIdentity.translate(t.x, t.y).scale(t.k));
    this.current = this.markOf(anchor)?.anchor ?? this.current;
    if (refocus) this.markNode(this.markOf(anchor))?.focus();
  }

  private markAt(target: EventTarget | null): Mark | undefined {
    const key = (target as Element | null)?.closest?.('[data-mark]')?.getAttribute('data-key');
    return key ? this.marks.find((m) => m.anchor === key) : undefined;
  }

  /** The symbol focused becomes the tab stop, and the view pans to it when it is at the edge. */
  private focusIn(e: FocusEvent): void {
    const m = this.markAt(e.target);
    if (!m || m.anchor === this.current) return;
    this.markNode(this.markOf(this.current))?.setAttribute('tabindex', '-1');
    this.current = m.anchor;
    this.markNode(m)?.setAttribute('tabindex', '0');
    const [sx, sy] = this.screen(m.x, m.y);
    const { width, height } = this.size;
    if (sx < 8 || sy < 8 || sx > width - 8 || sy > height - 8)
      this.behaviour.translateTo(select(this.layers.stack), m.x, m.y);
  }

  private keyDown(e: KeyboardEvent): void {
    if ((e.target as Element).closest('.map-popup')) return;
    const m = this.markAt(e.target);
    const order = keyboardOrder(this.marks);
    const at = m ? order.indexOf(m) : -1;
    const go = (delta: number | 'first' | 'last') => {
      const i = delta === 'first' ? 0 : delta === 'last' ? order.length - 1 : at + delta;
      const next = order[Math.max(0, Math.min(order.length - 1, i))];
      if (next) this.markNode(next)?.focus();
    };
    const act = keyActions(
      { zoomBy: (f) => this.zoomBy(f), reset: () => this.reset(), close: () => this.popup.close(true) },
      m
        ? {
            activate: () => this.activate(m),
            go,
            pan: (dx, dy) =>
              this.behaviour.translateBy(select(this.layers.stack), dx / this.view.k, dy / this.view.k),
          }
        : null,
      e.key,
      e.shiftKey,
    );
    if (!act) return;
    e.preventDefault();
    act();
  }

  setPoints(next: readonly MapPoint[], nextUnderlay?: Underlay): void {
    this.points = next;
    if (nextUnderlay) this.underlay = nextUnderlay;
    this.project();
    this.apply(this.view, true);
    if (!this.popup.isOpen() || !this.openKeys) return;
    const keys = this.openKeys;
    const members = this.points.filter((p) => keys.has(p.key));
    if (members.length === 0) this.popup.close(false);
    else this.popup.update(this.o.popup(members));
  }
}

export function zoomMap(o: ZoomMapOptions): ZoomMap {
  const map = new ZoomableMap(o);
  return { element: map.layers.element, setPoints: (points, underlay) => map.setPoints(points, underlay) };
}
