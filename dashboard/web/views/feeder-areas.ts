// A feeder's transformer areas on its asset page: each area's rule status (a breach with its
// latest date), the customers it serves and its outages, all of them, in the last 365 and 60
// days, most outages first.

import type { Row } from '../api.js';
import type { Ctx } from '../context.js';
import { t } from '../i18n.js';
import { dataTable } from '../table.js';
import { assetLink, card, statusBadge } from './common.js';
import { columnKit } from './columns.js';
import {
  type Flag,
  type FlagsAnswer,
  flagsByAsset,
  type Hotspot,
  toHotspot,
  worstStatus,
} from './hotspots-data.js';

/** The latest breach date among an asset's flags, if any is in breach. */
function latestBreach(flags: readonly Flag[] | undefined): string | undefined {
  const dates = (flags ?? []).flatMap((f) => (f.status === 'breach' && f.breachDate ? [f.breachDate] : []));
  return dates.sort().at(-1);
}

/** The card of the areas a feeder serves. */
export async function feederAreasCard(ctx: Ctx, id: string): Promise<HTMLElement> {
  const { api, fmt } = ctx;
  const [areas, flags] = await Promise.all([
    api.json<{ rows: Row[] }>('/hotspots', { feederId: id }).then((a) => a.rows.map(toHotspot)),
    api.json<FlagsAnswer>('/flags', { ruleSet: ctx.ruleSet }),
  ]);
  const byAsset = flagsByAsset(flags.rows);
  const c = columnKit<Hotspot>(fmt);
  const rows = areas.filter((a) => a.kind === 'area');
  return card(
    'feeder-areas',
    t('feederAreas'),
    dataTable({
      caption: t('feederAreasCaption', { n: rows.length }),
      name: 'feeder-areas',
      sort: { key: 'outages365', dir: 'descending' },
      columns: [
        {
          key: 'name',
          label: t('asset'),
          value: (r: Hotspot) => r.name ?? r.assetId,
          render: (r) => assetLink(r.assetId, r.name),
          sortable: true,
        },
        {
          key: 'status',
          label: t('flagStatus'),
          value: (r) => ['fine', 'at_risk', 'breach'].indexOf(worstStatus(byAsset.get(r.assetId))),
          render: (r) => {
            const status = worstStatus(byAsset.get(r.assetId));
            const date = latestBreach(byAsset.get(r.assetId));
            return statusBadge(status, date ? fmt.date(date) : undefined);
          },
          sortable: true,
          lead: true,
        },
        c.int('customers', t('figCustomersServed'), (r) => r.customers),
        c.count('outages365', t('outages365'), (r) => r.outages365),
        c.count('outages60', t('outages60'), (r) => r.outages60),
      ],
      rows,
    }),
  );
}
