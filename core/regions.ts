// An asset's administrative regions, as rows, notices and snapshots show them beside its name:
// each level null where the register does not give it.

export interface AssetRegions {
  province: string | null;
  city: string | null;
  county: string | null;
}

/** The province, city and county of `a` (an asset version, a row of one, or none), null where not given. */
export const assetRegions = (
  a:
    | {
        province?: string | null | undefined;
        city?: string | null | undefined;
        county?: string | null | undefined;
      }
    | null
    | undefined,
): AssetRegions => ({
  province: a?.province ?? null,
  city: a?.city ?? null,
  county: a?.county ?? null,
});
