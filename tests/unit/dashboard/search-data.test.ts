// The header search's state functions (search-data.ts): where a match leads, its title and
// detail line in both languages, and which match an arrow key chooses, by hand.

import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../../dashboard/web/i18n.js';
import {
  hitDetail,
  hitNamed,
  hitTarget,
  hitTitle,
  type SearchHit,
  stepChoice,
} from '../../../dashboard/web/search-data.js';

afterEach(() => setLang('zh'));

const feeder: SearchHit = {
  type: 'asset',
  id: 'F 001',
  name: '10kV松华线',
  kind: 'feeder',
  substation: '松华变',
  code: 'PMS-1',
  places: ['甲村', '乙村', '丙村', '丁村'],
  province: '云南省',
  city: '保山市',
  county: null,
};
const area: SearchHit = {
  type: 'asset',
  id: 'A002',
  name: null,
  kind: 'area',
  substation: null,
  province: null,
  city: null,
  county: null,
};
const caseHit: SearchHit = {
  type: 'case',
  id: 'BS-2026-001',
  name: null,
  kind: 'feeder',
  assetId: 'F 001',
  substation: null,
  code: 'PMS-1',
  places: ['甲村'],
  province: '云南省',
  city: '保山市',
  county: '隆阳区',
};

describe('hitTarget', () => {
  it('opens a case’s page or an asset’s, the id encoded', () => {
    expect(hitTarget(caseHit)).toBe('#/remediation/BS-2026-001');
    expect(hitTarget(feeder)).toBe('#/asset/F%20001');
  });
});

describe('hitTitle and hitDetail', () => {
  it('names an asset by name and kind, and tells it apart by id, code, three places, region and substation', () => {
    expect(hitTitle(feeder)).toBe('10kV松华线 · 中压线路');
    expect(hitDetail(feeder)).toBe(
      'F 001 · 设备编码：PMS-1 · 供电范围：甲村、乙村、丙村 · 云南省 › 保山市 · 变电站：松华变',
    );
  });

  it('names an asset without a name by its id, and leaves out what it lacks', () => {
    expect(hitTitle(area)).toBe('A002 · 台区');
    expect(hitDetail(area)).toBe('A002');
  });

  it('names a case by its number and its asset, without the asset’s code or places', () => {
    expect(hitTitle(caseHit)).toBe('整治工单 BS-2026-001');
    expect(hitDetail(caseHit)).toBe('F 001 · 中压线路 · 云南省 › 保山市 › 隆阳区');
  });

  it('words them in English', () => {
    setLang('en');
    expect(hitTitle(caseHit)).toBe('Remediation case BS-2026-001');
    expect(hitTitle(area)).toBe('A002 · Transformer area');
    expect(hitDetail(feeder)).toBe(
      'F 001 · Code: PMS-1 · Serves: 甲村、乙村、丙村 · 云南省 › 保山市 · Substation: 松华变',
    );
  });
});

describe('stepChoice', () => {
  it('moves down and up through the matches, round from the last to the first and back', () => {
    expect(stepChoice(0, 3, 'ArrowDown')).toBe(1);
    expect(stepChoice(2, 3, 'ArrowDown')).toBe(0);
    expect(stepChoice(0, 3, 'ArrowUp')).toBe(2);
    expect(stepChoice(2, 3, 'ArrowUp')).toBe(1);
  });

  it('from none chosen: down to the first, up to the last', () => {
    expect(stepChoice(-1, 3, 'ArrowDown')).toBe(0);
    expect(stepChoice(-1, 3, 'ArrowUp')).toBe(2);
    expect(stepChoice(-1, 1, 'ArrowUp')).toBe(0);
  });
});

describe('hitNamed', () => {
  it('finds the match by id and type (a case and an asset may share an id)', () => {
    const same: SearchHit = { ...caseHit, id: 'A002' };
    expect(hitNamed([area, same], 'A002', 'case')).toBe(same);
    expect(hitNamed([area, same], 'A002', 'asset')).toBe(area);
    expect(hitNamed([area, same], null, 'asset')).toBeUndefined();
  });
});
