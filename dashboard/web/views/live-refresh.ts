// When the live view reads again: at once when the server announces an accepted outage batch
// (GET /live) and twice more shortly after, and every minute (durations grow); the stream's
// state is shown in words beside the time of the data.

import type { LiveState } from '../api.js';
import type { Ctx } from '../context.js';
import { announce } from '../dom.js';
import { t } from '../i18n.js';
import type { StormPanel } from './live-storm.js';

const REFRESH_MS = 60_000;

type Read = (fresh: boolean) => Promise<void>;

/** One read at a time: a call while one is under way is answered by that one. */
export function oneAtATime(read: Read): Read {
  let inFlight: Promise<void> | undefined;
  return (fresh) => {
    inFlight ??= read(fresh).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

function showState(el: HTMLElement, s: LiveState): void {
  el.dataset['state'] = s;
  el.textContent = t(s === 'open' ? 'liveConnected' : s === 'closed' ? 'liveDisconnected' : 'liveConnecting');
}

export interface Refreshed {
  /** reads the ongoing outages again and draws them */
  outages: Read;
  storm: StormPanel;
  /** where the stream's state is shown (data-state and words) */
  state: HTMLElement;
  /** the view's: ends the stream and the timers */
  signal: AbortSignal;
}

/** Keeps the view fresh until `signal` aborts. */
export function keepFresh(ctx: Ctx, o: Refreshed): void {
  // Writes become visible a moment after they are accepted (QuestDB applies its WAL
  // asynchronously): refresh at once and twice more shortly after.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, f: () => void) => {
    const id = setTimeout(() => {
      timers.delete(id);
      f();
    }, ms);
    timers.add(id);
  };
  void ctx.api.live(
    (m) => {
      if (m.kind !== 'outages') return;
      ctx.api.invalidate('/outages', '/hotspots', '/flags');
      void o.outages(true).then(() => announce(t('liveUpdated')));
      later(1_500, () => void o.outages(true));
      later(4_000, () => void o.outages(true));
      later(4_000, () => void o.storm.refresh());
    },
    (s) => showState(o.state, s),
    o.signal,
  );
  const tick = setInterval(() => {
    void o.outages(true);
    void o.storm.refresh();
  }, REFRESH_MS);
  o.signal.addEventListener('abort', () => {
    clearInterval(tick);
    for (const id of timers) clearTimeout(id);
  });
}
