// The words of assets: their kind and their area class, one term on the screen and in every
// filed document. Terms follow the rule documents (shared/docs/domain.md): a feeder is a
// 中压线路, `urban` is 城区, the county seat.

import type { AreaClass, AssetKind } from './codes.js';
import type { Labels } from './label.js';

export const KIND_LABELS: Labels<AssetKind> = {
  feeder: { zh: '中压线路', en: 'Feeder' },
  area: { zh: '台区', en: 'Transformer area' },
};

export const AREA_CLASS_LABELS: Labels<AreaClass> = {
  urban_core: { zh: '中心城区', en: 'Urban core' },
  urban: { zh: '城区', en: 'County seat' },
  town: { zh: '城镇', en: 'Town' },
  rural: { zh: '农村', en: 'Rural' },
};
