// What the outage routes share: the router's deps, its clock and its query schemas.

import { formatInZone } from '../../../core/index.js';
import type { ReadDeps } from '../deps.js';
import { asOfQuery, curveQuery, rejectsQuery, repeatedQuery, stormExportQuery } from '../query/index.js';

export interface Outages extends ReadDeps {
  now: () => number;
  iso: (ms: number) => string;
  queries: {
    asOf: ReturnType<typeof asOfQuery>;
    curve: ReturnType<typeof curveQuery>;
    stormExport: ReturnType<typeof stormExportQuery>;
    repeated: ReturnType<typeof repeatedQuery>;
    rejects: ReturnType<typeof rejectsQuery>;
  };
}

export const outagesContext = (deps: ReadDeps): Outages => ({
  ...deps,
  now: deps.now ?? Date.now,
  iso: (ms) => formatInZone(ms, deps.zone),
  queries: {
    asOf: asOfQuery(deps.zone),
    curve: curveQuery(deps.zone),
    stormExport: stormExportQuery(deps.zone),
    repeated: repeatedQuery(deps.zone),
    rejects: rejectsQuery(deps.zone),
  },
});
