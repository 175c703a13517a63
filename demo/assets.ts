// Asset records: every feeder and area as of the start of the history, then at each epoch the
// new versions of the areas that changed and of the feeders they left, joined or grew on.

import { AREA_CLASSES, type Asset } from '../core/domain.js';
import { COUNTIES, PROVINCE } from './geography.js';
import { areaName } from './names.js';
import type { Network } from './network.js';
import { type Epoch, NetworkState } from './topology.js';

export function* assetVersions(net: Network, validFrom: number, epochs: readonly Epoch[]): Generator<Asset> {
  const state = new NetworkState(net);
  const { feeders } = net;
  for (let f = 0; f < feeders.count; f++) {
    yield feederRecord(net, state, f, validFrom);
    const first = feeders.firstArea[f]!;
    for (let a = first; a < first + feeders.areaCount[f]!; a++) yield areaRecord(net, state, a, validFrom);
  }
  for (const epoch of epochs) {
    state.apply(epoch);
    for (const a of epoch.areas) yield areaRecord(net, state, a, epoch.at);
    for (const f of epoch.feeders) yield feederRecord(net, state, f, epoch.at);
  }
}

/** `ta-wuhua-01-03-012`: the id keeps the feeder the area was first built on. */
export function areaId(net: Network, a: number): string {
  const feederId = net.feeders.id[net.areas.feeder[a]!]!;
  return `ta${feederId.slice(2)}-${String(net.areas.seq[a]! + 1).padStart(3, '0')}`;
}

function region(
  net: Network,
  county: number,
  park: number,
): Pick<Asset, 'province' | 'city' | 'county' | 'park'> {
  const ref = COUNTIES[county]!;
  const out: Pick<Asset, 'province' | 'city' | 'county' | 'park'> = {
    province: PROVINCE,
    city: ref.city.name,
    county: ref.county.name,
  };
  if (park >= 0) out.park = net.parks[park]!.name;
  return out;
}

function feederRecord(net: Network, state: NetworkState, f: number, validFrom: number): Asset {
  const { feeders } = net;
  return {
    assetId: feeders.id[f]!,
    kind: 'feeder',
    name: feeders.name[f]!,
    substation: net.substations[feeders.substation[f]!]!.name,
    // a PMS-like equipment code: 12 digits, unique per feeder
    code: `3000${String(f + 1).padStart(8, '0')}`,
    ...region(net, feeders.county[f]!, feeders.park[f]!),
    areaClass: AREA_CLASSES[feeders.cls[f]!]!,
    customers: state.feederCustomers[f]!,
    transformers: state.feederAreas[f]!,
    // a park feeder also feeds enterprises with transformers of their own (专变用户)
    ...(feeders.park[f]! >= 0 ? { enterpriseCustomers: 2 + (f % 7) } : {}),
    lat: round5(feeders.lat[f]!),
    lon: round5(feeders.lon[f]!),
    validFrom,
  };
}

function areaRecord(net: Network, state: NetworkState, a: number, validFrom: number): Asset {
  const { areas, feeders } = net;
  const park = areas.park[a]!;
  const cls = AREA_CLASSES[areas.cls[a]!]!;
  const kind = park >= 0 ? 'park' : cls === 'urban_core' || cls === 'urban' ? 'urban' : 'rural';
  return {
    assetId: areaId(net, a),
    kind: 'area',
    name: areaName(net.seed, a, areas.seq[a]!, kind, park >= 0 ? net.parks[park]!.short : ''),
    feederId: feeders.id[state.areaFeeder[a]!]!,
    ...region(net, feeders.county[areas.feeder[a]!]!, park),
    areaClass: cls,
    customers: state.areaCustomers[a]!,
    lat: round5(areas.lat[a]!),
    lon: round5(areas.lon[a]!),
    validFrom,
  };
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
