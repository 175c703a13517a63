// Asset: a feeder (10 kV line) or a transformer area (台区), one version of it.

import { AREA_CLASSES, ASSET_KINDS, type Asset } from '../../core/domain.js';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import {
  between,
  count,
  flag,
  id,
  oneOf,
  optional,
  quote,
  required,
  text,
  textList,
  time,
} from './fields.js';
import { perZone, readFields, type ValidateContext } from './read.js';
import { regionIssues } from './region.js';

function assetShape(zone: string) {
  return {
    assetId: required(id),
    kind: required(oneOf(ASSET_KINDS, 'kind')),
    name: optional(text),
    feederId: optional(id),
    substation: optional(text),
    code: optional(text),
    province: optional(text),
    city: optional(text),
    county: optional(text),
    park: optional(text),
    areaClass: required(oneOf(AREA_CLASSES, 'areaClass')),
    customers: required(count),
    transformers: optional(count),
    enterpriseCustomers: optional(count),
    places: optional(textList('must name at least one place; leave it out when there is none')),
    importantUser: optional(flag),
    lat: optional(between(-90, 90)),
    lon: optional(between(-180, 180)),
    validFrom: optional(time(zone)),
  };
}

/** The asset's field readers for local times in `zone`. */
export const assetFields = perZone(assetShape);

export const ASSET_FIELDS = Object.keys(assetShape('UTC')) as (keyof Asset)[];

export function validateAsset(raw: Record<string, unknown>, ctx: ValidateContext): Result<Asset> {
  const { values: v, issues } = readFields(raw, assetFields(ctx.sourceZone ?? ctx.zone));
  issues.push(...feederIssues(v), ...regionIssues(v));
  if (v.lat !== undefined && v.lon === undefined)
    issues.push({ path: 'lon', message: 'is required when lat is given' });
  if (v.lon !== undefined && v.lat === undefined)
    issues.push({ path: 'lat', message: 'is required when lon is given' });
  if (issues.length > 0) return fail(issues);
  const { importantUser, ...rest } = v;
  return ok({
    ...rest,
    ...(importantUser ? { importantUser: true as const } : {}),
    assetId: v.assetId!,
    kind: v.kind!,
    areaClass: v.areaClass!,
    customers: v.customers!,
    validFrom: v.validFrom ?? ctx.now,
  });
}

function feederIssues(v: { assetId?: string; kind?: string; feederId?: string }): Issue[] {
  if (v.kind === 'area' && v.feederId === undefined) {
    return [{ path: 'feederId', message: 'is required for a transformer area (kind "area")' }];
  }
  if (v.kind === 'feeder' && v.feederId !== undefined) {
    return [
      {
        path: 'feederId',
        message: `must be left out for a feeder (kind "feeder"), got ${quote(v.feederId)}`,
      },
    ];
  }
  if (v.feederId !== undefined && v.feederId === v.assetId) {
    return [{ path: 'feederId', message: `must name the feeder, not the area itself (${quote(v.assetId)})` }];
  }
  return [];
}
