// The columns the outage reads select from `outages` and `assets`, typed once, and the stored
// restoration steps (a JSON column) read back.

import type { Restoration } from '../../core/index.js';

/** An outage's current row as the reads select it (TIMESTAMP columns as epoch ms). */
export interface OutageColumns {
  event_id: string;
  asset_id: string;
  start: number;
  end_at: number | null;
  customers_affected: number;
  restorations: string | null;
  cause: string;
  planned: boolean;
  estimated_restoration: number | null;
}

/** Where an asset is and what it is called, as the reads join it to an outage. */
export interface AssetPlaceColumns {
  name: string | null;
  kind: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
}

/** The restoration steps of the `restorations` column (none when it is empty). */
export function restorationSteps(text: string | null): Restoration[] {
  if (!text) return [];
  const parsed = JSON.parse(text) as { at: number; customersRestored: number }[];
  return parsed.map((s) => ({ at: s.at, customersRestored: s.customersRestored }));
}

/** Customers back by the steps taken up to `asOf` (0 when the column is empty or unreadable). */
export function customersRestoredBy(text: string | null, asOf: number): number {
  try {
    return restorationSteps(text)
      .filter((s) => s.at <= asOf)
      .reduce((n, s) => n + s.customersRestored, 0);
  } catch {
    return 0;
  }
}
