// How often, when and how long: outage rates per cause for an average feeder and area, their
// seasonality, start times of day, durations by cause and area class, and notes.

import type { AreaClass, Cause } from '../core/domain.js';
import type { Rng } from './prng.js';

export type Level = 'feeder' | 'area';

/**
 * Outages a year of an asset of average propensity, outside official warnings. An area's
 * outages include those of its feeder that reach it (a fault usually takes out a section, see
 * events.ts), so the area rates are its own low-voltage outages only. Together they put a rural
 * area at 1.5–2 counted outages a year and a city-centre one at about 1, so that a few per
 * cent of feeders and areas breach the frequent-outage rule, as in a real province
 * (scripts/demo-realism.ts measures it). External damage and short switching are not counted.
 */
export const ANNUAL_RATES: Record<Level, Partial<Record<Cause, number>>> = {
  feeder: {
    equipment_fault: 0.5,
    weather_fault: 0.36,
    natural_disaster: 0.03,
    external_damage: 0.3,
    planned_maintenance: 0.25,
    planned_construction: 0.12,
    protective_supply_switching: 0.2,
    mode_adjustment: 0.3,
    supply_shortage: 0.02,
    customer_side: 0.04,
    unknown: 0.06,
  },
  area: {
    equipment_fault: 0.16,
    weather_fault: 0.08,
    natural_disaster: 0.01,
    external_damage: 0.3,
    planned_maintenance: 0.06,
    planned_construction: 0.03,
    mode_adjustment: 0.02,
    supply_shortage: 0.003,
    customer_side: 0.07,
    unknown: 0.04,
  },
};

/** Extra weather outages a day per unit of propensity while a warning covers the county. */
export const STORM_RATES: Record<Level, Record<'blue' | 'yellow' | 'orange' | 'red', number>> = {
  feeder: { blue: 0.02, yellow: 0.04, orange: 0.08, red: 0.16 },
  area: { blue: 0.012, yellow: 0.024, orange: 0.045, red: 0.09 },
};

const normalised = (factors: number[]): number[] => {
  const mean = factors.reduce((s, f) => s + f, 0) / factors.length;
  return factors.map((f) => f / mean);
};
const FLAT = normalised([0.9, 0.9, 0.9, 0.9, 1, 1.2, 1.2, 1.2, 1.1, 1, 0.9, 0.9]);
const WEATHER = normalised([0.3, 0.3, 0.4, 0.6, 1, 2.2, 2.6, 2.6, 2, 1, 0.4, 0.3]);
const DISASTER = normalised([0.1, 0.1, 0.1, 0.2, 0.6, 2, 3.2, 3.2, 2.2, 0.6, 0.1, 0.1]);
const PLANNED = normalised([1.3, 0.8, 1.5, 1.5, 1.1, 0.6, 0.5, 0.5, 0.7, 1.1, 1.3, 1.2]);
const SHORTAGE = normalised([0.3, 0.5, 0.8, 2.5, 3, 1, 0.2, 0.2, 0.2, 0.4, 0.6, 0.5]);

/** Seasonal factor (mean 1 over the year) of a cause in local month 1–12. */
export function monthFactor(cause: Cause, month: number): number {
  const table =
    cause === 'weather_fault'
      ? WEATHER
      : cause === 'natural_disaster'
        ? DISASTER
        : cause === 'planned_maintenance' || cause === 'planned_construction'
          ? PLANNED
          : cause === 'supply_shortage'
            ? SHORTAGE
            : FLAT;
  return table[month - 1]!;
}

/** Planned work is done on weekdays; `weekday` 0 is Sunday. */
export function weekdayFactor(cause: Cause, weekday: number): number {
  if (cause !== 'planned_maintenance' && cause !== 'planned_construction') return 1;
  return weekday === 0 || weekday === 6 ? 0.5 : 1.2;
}

const MINUTE = 60_000;

/** Milliseconds after local midnight at which an outage of this cause starts. */
export function startOfDayOffset(cause: Cause, rng: Rng): number {
  switch (cause) {
    case 'planned_maintenance':
    case 'planned_construction':
      return rng.int(30, 38) * 15 * MINUTE; // 07:30–09:30
    case 'supply_shortage':
      return rng.int(18 * 60, 21 * 60) * MINUTE;
    case 'protective_supply_switching':
    case 'mode_adjustment':
      return rng.int(6 * 3600, 22 * 3600) * 1000;
    case 'weather_fault':
      return (rng.chance(0.6) ? rng.int(13 * 60, 24 * 60 - 1) : rng.int(0, 24 * 60 - 1)) * MINUTE;
    default:
      return rng.int(0, 24 * 60 - 1) * MINUTE;
  }
}

const MEDIAN_MINUTES: Partial<Record<Cause, [number, number]>> = {
  equipment_fault: [110, 0.7],
  weather_fault: [150, 0.8],
  natural_disaster: [480, 0.8],
  external_damage: [140, 0.7],
  supply_shortage: [120, 0.4],
  customer_side: [70, 0.7],
  unknown: [60, 0.9],
};
const CLASS_FACTOR: Record<AreaClass, number> = { urban_core: 0.55, urban: 0.75, town: 1, rural: 1.45 };

/** Duration in ms. Switching is mostly 1–3 minutes; planned work fills a working day. */
export function duration(cause: Cause, cls: AreaClass, inPark: boolean, rng: Rng): number {
  switch (cause) {
    case 'protective_supply_switching':
    case 'mode_adjustment':
      return rng.chance(0.85) ? rng.int(60, 180) * 1000 : rng.int(5, 45) * MINUTE;
    case 'planned_maintenance':
      return rng.int(8, 18) * 30 * MINUTE;
    case 'planned_construction':
      return rng.int(10, 20) * 30 * MINUTE;
    default: {
      const [median, sigma] = MEDIAN_MINUTES[cause] ?? [90, 0.8];
      const minutes = rng.logNormal(median * CLASS_FACTOR[cls] * (inPark ? 0.6 : 1), sigma);
      return Math.round(Math.min(72 * 60, Math.max(1, minutes))) * MINUTE;
    }
  }
}

export const NOTES: Partial<Record<Cause, readonly string[]>> = {
  equipment_fault: ['柱上断路器故障', '电缆中间头击穿', '配变低压侧烧损', '绝缘子击穿', '线路接头发热烧断'],
  weather_fault: ['雷击跳闸', '大风致树障碰线', '暴雨致电缆沟进水', '覆冰断线', '雷击避雷器损坏'],
  natural_disaster: ['山体滑坡倒杆', '泥石流冲毁杆塔', '洪水淹没配电室'],
  external_damage: ['施工机械挖断电缆', '车辆撞断电杆', '风筝挂线', '异物搭接', '违章建房碰线'],
  planned_maintenance: ['计划检修', '线路消缺', '配变检修'],
  planned_construction: ['配网工程施工', '线路改造', '迁改工程', '配变增容改造'],
  protective_supply_switching: ['保供电接入', '保供电退出'],
  mode_adjustment: ['运行方式调整', '负荷转供'],
  supply_shortage: ['有序用电', '错峰限电'],
  customer_side: ['用户设备故障出门', '用户侧短路越级跳闸'],
  unknown: ['原因待查'],
};
