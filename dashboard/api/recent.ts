// Answers of "now" that take seconds to compute (a province's hotspots: every asset's trailing
// year), shared by the requests that ask within a while. An answer younger than `freshMs` is
// served as it is; one younger than `staleMs` is served too while a new one is computed for the
// next request; older ones are computed and waited for. One computation per key runs at a time,
// and a failed one is not kept. Every answer says when it was computed (`at`).

export interface RecentOptions {
  freshMs: number;
  staleMs: number;
  now: () => number;
}

export interface Computed<V> {
  /** When the computation started: the answer's "now". */
  at: number;
  value: V;
}

export class Recent<V> {
  private readonly done = new Map<string, Computed<V>>();
  private readonly running = new Map<string, Promise<Computed<V>>>();

  constructor(
    private readonly compute: (key: string, at: number) => Promise<V>,
    private readonly options: RecentOptions,
  ) {}

  get(key: string): Promise<Computed<V>> {
    const t = this.options.now();
    const hit = this.done.get(key);
    if (hit && t - hit.at < this.options.freshMs) return Promise.resolve(hit);
    if (hit && t - hit.at < this.options.staleMs) {
      // served stale; the next request gets the new one (a failure here waits for that request)
      this.refresh(key, t).catch(() => undefined);
      return Promise.resolve(hit);
    }
    return this.refresh(key, t);
  }

  /** Starts (or joins) a computation of `key`, e.g. to have the usual one ready at start. */
  refresh(key: string, at = this.options.now()): Promise<Computed<V>> {
    const running = this.running.get(key);
    if (running) return running;
    const p = this.compute(key, at)
      .then((value) => {
        const entry = { at, value };
        this.done.set(key, entry);
        return entry;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }
}
