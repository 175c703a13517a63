// Official warnings (气象/防汛/地质灾害预警): storm episodes per city, many in the rainy season
// (June–September), issued for the whole city or for one to three of its counties, plus one
// province-wide flood warning a year at the height of the season (July or August). All of them
// are over by `now`, except the storm going on at now (storm.ts).

import type { Hazard, Warning, WarningLevel } from '../core/domain.js';
import { dateToDay, dayToDate, localDay, startOfLocalDay } from '../core/time.js';
import { CITIES, type City, COUNTIES, PROVINCE } from './geography.js';
import { Rng } from './prng.js';
import { stormWarnings, type WarningDraft } from './storm.js';

/** A warning with the county indices it covers. */
export interface PlannedWarning {
  warning: Warning;
  counties: number[];
}

/** Storm episodes per city, by month (January first). */
const EPISODES_PER_MONTH = [0.15, 0.1, 0.15, 0.2, 0.6, 1.3, 1.6, 1.6, 1.2, 0.5, 0.15, 0.15];
const HOURS: Record<Hazard, readonly [number, number]> = {
  severe_weather: [12, 48],
  flood: [24, 96],
  geological: [24, 72],
};
const LEVEL_ODDS: Record<WarningLevel, number> = { blue: 35, yellow: 35, orange: 22, red: 8 };
const HOUR_MS = 3_600_000;

/** A calendar month of the history: its first day and length, and whether it is rainy season. */
interface Month {
  start: number;
  days: number;
  rainy: boolean;
}

export function planWarnings(seed: number, firstDay: number, now: number, zone: string): PlannedWarning[] {
  const rng = Rng.from(seed, 'warnings');
  const from = startOfLocalDay(firstDay, zone);
  const drafts: WarningDraft[] = [];
  const firstYear = Number(dayToDate(firstDay).slice(0, 4));
  const lastYear = Number(new Date(now).toISOString().slice(0, 4)) + 1;
  for (let year = firstYear; year <= lastYear; year++) {
    const provinceMonth = rng.pick([7, 8]);
    for (let m = 1; m <= 12; m++) {
      const month: Month = {
        start: dateToDay(`${year}-${String(m).padStart(2, '0')}-01`),
        days: new Date(Date.UTC(year, m, 0)).getUTCDate(),
        rainy: m >= 5 && m <= 10,
      };
      for (const city of CITIES) {
        for (let n = rng.poisson(EPISODES_PER_MONTH[m - 1]!); n > 0; n--) {
          drafts.push(...stormEpisode(city, month, zone, rng));
        }
      }
      if (m === provinceMonth) drafts.push(provinceFlood(month, zone, rng));
    }
  }
  const kept = [...drafts.filter((d) => d.warning.end <= now), ...stormWarnings(seed, now)]
    .filter((d) => d.warning.start >= from)
    .sort((x, y) => x.warning.start - y.warning.start || x.code.localeCompare(y.code));
  return withIds(kept, zone);
}

/**
 * One storm episode of a city: a warning for the whole city, or for one to three of its counties
 * (each shifted by up to two hours, as county offices issue on their own).
 */
function stormEpisode(city: City, month: Month, zone: string, rng: Rng): WarningDraft[] {
  const day = month.start + rng.int(0, month.days - 1);
  const hazard: Hazard = month.rainy
    ? rng.weighted({ severe_weather: 55, flood: 30, geological: 15 })
    : 'severe_weather';
  const level = rng.weighted(LEVEL_ODDS);
  const start = startOfLocalDay(day, zone) + Math.round(rng.range(6, 22) * 4) * (HOUR_MS / 4);
  const [lo, hi] = HOURS[hazard];
  const end = start + Math.round(rng.range(lo, hi)) * HOUR_MS;
  const cityCounties = COUNTIES.filter((r) => r.city.id === city.id);
  if (rng.chance(0.45)) {
    const base = {
      issuerLevel: 'city',
      hazard,
      level,
      province: PROVINCE,
      city: city.name,
      start,
      end,
    } as const;
    return [{ warning: base, code: city.code, counties: cityCounties.map((r) => r.index) }];
  }
  const chosen = rng.shuffle([...cityCounties]).slice(0, rng.int(1, 3));
  return chosen.map((ref) => {
    const shift = rng.int(-4, 4) * (HOUR_MS / 2);
    return {
      warning: {
        issuerLevel: 'county',
        hazard,
        level,
        province: PROVINCE,
        city: city.name,
        county: ref.county.name,
        start: start + shift,
        end: end + shift,
      },
      code: ref.county.code,
      counties: [ref.index],
    };
  });
}

/** The province-wide flood warning of the year, in the month chosen for it. */
function provinceFlood(month: Month, zone: string, rng: Rng): WarningDraft {
  const start = startOfLocalDay(month.start + rng.int(0, month.days - 1), zone) + rng.int(8, 20) * HOUR_MS;
  const end = start + rng.int(36, 60) * HOUR_MS;
  const warning = {
    issuerLevel: 'province',
    hazard: 'flood',
    level: 'orange',
    province: PROVINCE,
    start,
    end,
  } as const;
  return { warning, code: '530000', counties: COUNTIES.map((r) => r.index) };
}

/** Warning ids: W, the issuer's code, the local start date, and a number within that pair. */
function withIds(drafts: readonly WarningDraft[], zone: string): PlannedWarning[] {
  const perKey = new Map<string, number>();
  return drafts.map(({ warning, code, counties }) => {
    const key = `${code}-${dayToDate(localDay(warning.start, zone)).replaceAll('-', '')}`;
    const n = (perKey.get(key) ?? 0) + 1;
    perKey.set(key, n);
    return { warning: { warningId: `W${key}-${n}`, ...warning }, counties };
  });
}
