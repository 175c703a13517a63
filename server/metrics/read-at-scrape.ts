// Metrics whose values are kept elsewhere (the writer's counts, the spool, QuestDB's answer, the
// flags of now) and are read at each scrape, not counted twice.

import { Counter, Gauge, type Registry } from 'prom-client';

/** One series read at a scrape: its labels and its value. */
export type Reading<L extends string> = readonly [labels: Partial<Record<L, string>>, value: number];

export interface ReadAtScrape<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
  /** Every series of the metric now; a series not read is left out of this scrape. */
  read: () => readonly Reading<L>[] | Promise<readonly Reading<L>[]>;
}

const finite = (value: number): number => (Number.isFinite(value) ? value : 0);

/**
 * A metric's configuration whose collect, at each scrape, reads every series, resets the metric
 * and records each reading with `record`.
 */
function readEachScrape<L extends string, M extends { reset(): void }>(
  registry: Registry,
  spec: ReadAtScrape<L>,
  record: (metric: M, labels: Partial<Record<L, string>>, value: number) => void,
) {
  return {
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    async collect(this: M) {
      const readings = await spec.read();
      this.reset();
      for (const [labels, value] of readings) record(this, labels, value);
    },
  };
}

/**
 * A counter that mirrors a count kept elsewhere. The count starts at 0 with the process, as a
 * Prometheus counter does (rate() takes the restart as a reset).
 */
export function counterReadAtScrape<L extends string>(registry: Registry, spec: ReadAtScrape<L>): void {
  new Counter<L>(
    readEachScrape(registry, spec, (counter: Counter<L>, labels, value) =>
      counter.inc(labels, Math.max(0, finite(value))),
    ),
  );
}

export function gaugeReadAtScrape<L extends string>(registry: Registry, spec: ReadAtScrape<L>): void {
  new Gauge<L>(
    readEachScrape(registry, spec, (gauge: Gauge<L>, labels, value) => gauge.set(labels, finite(value))),
  );
}
