// The records of the interface contract (shared/docs/contract.md), after validation.
// Times are epoch milliseconds (UTC instants); calendar logic happens in the operating zone.

export const ASSET_KINDS = ['feeder', 'area'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** 中心城区 / 城区 (county seat) / 城镇 / 农村 */
export const AREA_CLASSES = ['urban_core', 'urban', 'town', 'rural'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

export const CAUSES = [
  'equipment_fault',
  'weather_fault',
  'natural_disaster',
  'external_damage', // 外力破坏
  'planned_maintenance',
  'planned_construction',
  'protective_supply_switching', // 保供电接入及退出
  'mode_adjustment', // 方式调整
  'supply_shortage',
  'customer_side',
  'arrears',
  'unknown',
] as const;
export type Cause = (typeof CAUSES)[number];

export const ISSUER_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];
export const HAZARDS = ['severe_weather', 'flood', 'geological'] as const;
export type Hazard = (typeof HAZARDS)[number];
export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** A feeder (10 kV line, 中压线路) or a transformer area (台区), one version of it. */
export interface Asset {
  assetId: string;
  kind: AssetKind;
  name?: string;
  /** Areas: the feeder that serves this area from validFrom on. */
  feederId?: string;
  substation?: string;
  /** The utility's equipment code (the PMS code), as dispatchers quote it. */
  code?: string;
  province?: string;
  city?: string;
  county?: string;
  park?: string;
  areaClass: AreaClass;
  customers: number;
  transformers?: number;
  /**
   * 10 kV customers with transformers of their own (专变用户, the enterprises of an industrial
   * park) that this area or feeder serves: users of their own on the medium-voltage basis
   * (DL/T 836), beside the public transformers.
   */
  enterpriseCustomers?: number;
  /** Villages, streets or compounds it serves, for the public lookup (no personal data). */
  places?: string[];
  /**
   * The asset supplies an important user (重要电力用户, GB/T 29328: hospitals, water works, mines,
   * transport hubs…): an arrears disconnection of it is reported in advance whatever its size
   * (Guizhou item 56). Present only when true.
   */
  importantUser?: true;
  lat?: number;
  lon?: number;
  validFrom: number;
}

export interface Restoration {
  at: number;
  customersRestored: number;
}

export interface OutageEvent {
  eventId: string;
  assetId: string;
  start: number;
  /** null while the outage is ongoing */
  end: number | null;
  customersAffected: number;
  /** Feeder events: the transformer areas that lost supply; absent = all areas on the feeder at start. */
  affectedAreas?: string[];
  restorations: Restoration[];
  cause: Cause;
  planned: boolean;
  warningId?: string;
  /**
   * The record says the outage was force majeure (不可抗力): Guizhou's rules exclude a weather
   * fault so marked even without an official warning. Present only when true.
   */
  forceMajeure?: true;
  /**
   * The outage is called off or withdrawn (a planned outage cancelled, a record sent in error):
   * the version is kept in the history and the outage leaves every analysis and public page.
   * Present only when true; a later version without it brings the outage back.
   */
  cancelled?: true;
  estimatedRestoration?: number;
  notes?: string;
}

/** An official warning (severe weather, flood control, geological hazard). */
export interface Warning {
  warningId: string;
  issuerLevel: IssuerLevel;
  hazard: Hazard;
  level?: WarningLevel;
  province?: string;
  city?: string;
  county?: string;
  start: number;
  end: number;
}

export const isPlannedCause = (cause: Cause): boolean =>
  cause === 'planned_maintenance' || cause === 'planned_construction';
