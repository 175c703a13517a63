// Chinese display names for substations, lines, towns and transformer areas, chosen by hashing
// an index, so that nothing has to be stored per asset.

import { mix32 } from './prng.js';

const PLACE_WORDS = [
  '青龙',
  '白塔',
  '金马',
  '碧鸡',
  '龙泉',
  '凤凰',
  '双龙',
  '马街',
  '板桥',
  '大营',
  '东郊',
  '西城',
  '新村',
  '松华',
  '小哨',
  '阿拉',
  '太平',
  '永丰',
  '长坡',
  '黑林',
  '石桥',
  '沙河',
  '普坪',
  '羊街',
  '草铺',
  '读书铺',
  '杨柳',
  '三家',
  '乌龙',
  '高桥',
  '海口',
  '金星',
  '梨园',
  '桃源',
  '七甸',
  '滇源',
  '北城',
  '南屏',
  '清水',
  '白沙',
  '红岩',
  '者海',
  '鸡街',
  '落水',
  '板山',
  '花桥',
  '大坝',
  '河西',
];

const TOWN_FIRST = [
  '大',
  '小',
  '新',
  '老',
  '上',
  '下',
  '中',
  '龙',
  '马',
  '石',
  '白',
  '松',
  '杨',
  '凤',
  '金',
  '沙',
];
const TOWN_SECOND = [
  '坪',
  '营',
  '坝',
  '哨',
  '街',
  '箐',
  '塘',
  '铺',
  '庄',
  '甸',
  '河',
  '山',
  '寨',
  '村',
  '湾',
  '场',
];

const COMMUNITY_WORDS = [
  '金碧',
  '翠湖',
  '东风',
  '青年',
  '春城',
  '人民',
  '北京路',
  '新闻',
  '滇池',
  '民航',
  '环城',
  '华山',
  '文林',
  '龙翔',
  '丰宁',
  '莲花',
  '圆通',
  '拓东',
  '弥勒寺',
  '西站',
  '昆都',
  '护国',
  '螺蛳湾',
  '兴苑',
];

const VILLAGE_SUFFIX = ['村', '村', '村', '组', '社', '寨'];
const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ'];

const at = <T>(list: readonly T[], h: number): T => list[h % list.length]!;

/** e.g. 青龙变, 青龙二变 when the words run out. */
export function substationName(countyShort: string, n: number, salt: number): string {
  const word = at(PLACE_WORDS, (n + salt) % PLACE_WORDS.length);
  const round = Math.floor(n / PLACE_WORDS.length);
  return `${countyShort}${word}${round > 0 ? toChineseNumber(round + 1) : ''}变`;
}

/** e.g. 10kV金马Ⅱ回线 */
export function feederName(seed: number, feeder: number, seqInSubstation: number): string {
  const h = mix32(seed, feeder, 11);
  const word = at(PLACE_WORDS, h);
  const roman = at(ROMAN, (h >>> 8) + seqInSubstation);
  return `10kV${word}${roman}${roman ? '回' : ''}线`;
}

export function townName(seed: number, county: number, n: number): string {
  const h = mix32(seed, county * 64 + n, 13);
  return `${at(TOWN_FIRST, h)}${at(TOWN_SECOND, h >>> 8)}镇`;
}

/** e.g. 翠湖社区3号台区, 杨家箐村2号台区, 经开12号台区 */
export function areaName(
  seed: number,
  area: number,
  seqInFeeder: number,
  kind: 'urban' | 'rural' | 'park',
  parkShort = '',
): string {
  const h = mix32(seed, area, 17);
  const n = seqInFeeder + 1;
  if (kind === 'park') return `${parkShort}${n}号台区`;
  if (kind === 'urban') return `${at(COMMUNITY_WORDS, h)}社区${n}号台区`;
  const village = `${at(TOWN_FIRST, h)}${at(TOWN_SECOND, h >>> 8)}${at(VILLAGE_SUFFIX, h >>> 16)}`;
  return `${village}${(h >>> 20) % 4 === 0 ? '公' : ''}${n}号台区`;
}

/** County short name: 五华区 → 五华, 楚雄市 → 楚雄, 县 and 市 dropped unless the name is two characters. */
export const countyShort = (name: string): string => (name.length > 2 ? name.slice(0, -1) : name);

function toChineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10) % 10]}十${n % 10 ? digits[n % 10] : ''}`;
}
