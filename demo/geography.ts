// A Yunnan-like province: eight cities (州/市), 4–6 counties (县/区) each, with approximate seat
// coordinates, and the industrial parks (园区) of the demo. Static: the same for every seed.

export const PROVINCE = '云南省';

export interface County {
  /** pinyin-ish id, unique in the province */
  id: string;
  name: string;
  /** administrative division code */
  code: string;
  lat: number;
  lon: number;
  /** relative load: share of feeders */
  weight: number;
  /** part of its city's central urban area */
  core: boolean;
  /** reach of the county from its seat, km (the boundary is this circle cut by its neighbours) */
  radiusKm: number;
}

export interface City {
  id: string;
  name: string;
  code: string;
  /** the city centre, around which areas are urban_core */
  lat: number;
  lon: number;
  coreRadiusKm: number;
  counties: County[];
}

export interface Park {
  id: string;
  name: string;
  /** short form for names of lines and areas */
  short: string;
  countyId: string;
  lat: number;
  lon: number;
}

const c = (
  id: string,
  name: string,
  code: string,
  lat: number,
  lon: number,
  weight: number,
  core = false,
  radiusKm = core ? 14 : 32,
): County => ({ id, name, code, lat, lon, weight, core, radiusKm });

export const CITIES: readonly City[] = [
  {
    id: 'kunming',
    name: '昆明市',
    code: '530100',
    lat: 25.04,
    lon: 102.71,
    coreRadiusKm: 8,
    counties: [
      c('wuhua', '五华区', '530102', 25.07, 102.7, 1.6, true),
      c('guandu', '官渡区', '530111', 25.0, 102.76, 1.8, true),
      c('xishan', '西山区', '530112', 24.97, 102.64, 1.3, true),
      c('chenggong', '呈贡区', '530114', 24.88, 102.82, 1.0, true),
      c('anning', '安宁市', '530181', 24.92, 102.48, 1.0),
      c('songming', '嵩明县', '530127', 25.34, 103.04, 0.7),
    ],
  },
  {
    id: 'qujing',
    name: '曲靖市',
    code: '530300',
    lat: 25.49,
    lon: 103.8,
    coreRadiusKm: 4.5,
    counties: [
      c('qilin', '麒麟区', '530302', 25.49, 103.8, 1.3, true, 22),
      c('zhanyi', '沾益区', '530303', 25.6, 103.82, 0.7),
      c('xuanwei', '宣威市', '530381', 26.22, 104.1, 1.0),
      c('luliang', '陆良县', '530322', 25.03, 103.67, 0.8),
      c('huize', '会泽县', '530326', 26.42, 103.3, 0.8),
    ],
  },
  {
    id: 'yuxi',
    name: '玉溪市',
    code: '530400',
    lat: 24.35,
    lon: 102.54,
    coreRadiusKm: 4,
    counties: [
      c('hongta', '红塔区', '530402', 24.35, 102.54, 1.0, true, 20),
      c('jiangchuan', '江川区', '530403', 24.29, 102.75, 0.5),
      c('chengjiang', '澄江市', '530481', 24.67, 102.91, 0.5),
      c('tonghai', '通海县', '530423', 24.11, 102.76, 0.5),
    ],
  },
  {
    id: 'baoshan',
    name: '保山市',
    code: '530500',
    lat: 25.12,
    lon: 99.17,
    coreRadiusKm: 3.5,
    counties: [
      c('longyang', '隆阳区', '530502', 25.12, 99.17, 1.0, true, 28),
      c('shidian', '施甸县', '530521', 24.73, 99.19, 0.5),
      c('tengchong', '腾冲市', '530581', 25.02, 98.49, 0.8),
      c('longling', '龙陵县', '530523', 24.59, 98.69, 0.5),
      c('changning', '昌宁县', '530524', 24.83, 99.61, 0.5),
    ],
  },
  {
    id: 'zhaotong',
    name: '昭通市',
    code: '530600',
    lat: 27.34,
    lon: 103.72,
    coreRadiusKm: 3.5,
    counties: [
      c('zhaoyang', '昭阳区', '530602', 27.34, 103.72, 0.9, true, 24),
      c('ludian', '鲁甸县', '530621', 27.19, 103.56, 0.5),
      c('zhenxiong', '镇雄县', '530627', 27.44, 104.87, 0.8),
      c('yiliang', '彝良县', '530628', 27.63, 104.05, 0.5),
    ],
  },
  {
    id: 'chuxiong',
    name: '楚雄彝族自治州',
    code: '532300',
    lat: 25.04,
    lon: 101.55,
    coreRadiusKm: 3.5,
    counties: [
      c('chuxiongshi', '楚雄市', '532301', 25.04, 101.55, 0.9, true, 28),
      c('lufeng', '禄丰市', '532302', 25.15, 102.08, 0.6),
      c('mouding', '牟定县', '532323', 25.31, 101.55, 0.4),
      c('nanhua', '南华县', '532324', 25.19, 101.27, 0.4),
    ],
  },
  {
    id: 'honghe',
    name: '红河哈尼族彝族自治州',
    code: '532500',
    lat: 23.4,
    lon: 103.36,
    coreRadiusKm: 3.5,
    counties: [
      c('mengzi', '蒙自市', '532503', 23.4, 103.36, 0.8, true, 20),
      c('gejiu', '个旧市', '532501', 23.36, 103.16, 0.7),
      c('kaiyuan', '开远市', '532502', 23.71, 103.27, 0.6),
      c('mile', '弥勒市', '532504', 24.41, 103.41, 0.7),
      c('jianshui', '建水县', '532524', 23.62, 102.83, 0.6),
    ],
  },
  {
    id: 'dali',
    name: '大理白族自治州',
    code: '532900',
    lat: 25.6,
    lon: 100.24,
    coreRadiusKm: 4,
    counties: [
      c('dalishi', '大理市', '532901', 25.6, 100.24, 1.0, true, 26),
      c('xiangyun', '祥云县', '532923', 25.48, 100.55, 0.6),
      c('binchuan', '宾川县', '532924', 25.83, 100.58, 0.5),
      c('midu', '弥渡县', '532925', 25.34, 100.49, 0.4),
      c('eryuan', '洱源县', '532930', 26.11, 99.95, 0.4),
    ],
  },
];

/** In the order the size table takes them: the first `parks` of a size are generated. */
export const PARKS: readonly Park[] = [
  { id: 'km-etdz', name: '昆明经济技术开发区', short: '经开', countyId: 'guandu', lat: 24.97, lon: 102.81 },
  { id: 'qj-etdz', name: '曲靖经济技术开发区', short: '曲经', countyId: 'qilin', lat: 25.43, lon: 103.82 },
  {
    id: 'yx-hitech',
    name: '玉溪高新技术产业开发区',
    short: '玉高',
    countyId: 'hongta',
    lat: 24.39,
    lon: 102.5,
  },
  { id: 'an-industrial', name: '安宁工业园区', short: '安工', countyId: 'anning', lat: 24.88, lon: 102.43 },
  { id: 'yl-etdz', name: '杨林经济技术开发区', short: '杨林', countyId: 'songming', lat: 25.27, lon: 103.0 },
  { id: 'bs-industrial', name: '保山工贸园区', short: '保工', countyId: 'longyang', lat: 25.06, lon: 99.15 },
  { id: 'mz-etdz', name: '蒙自经济技术开发区', short: '蒙经', countyId: 'mengzi', lat: 23.36, lon: 103.41 },
  { id: 'dl-etdz', name: '大理经济技术开发区', short: '大经', countyId: 'dalishi', lat: 25.56, lon: 100.22 },
  {
    id: 'cx-hitech',
    name: '楚雄高新技术产业开发区',
    short: '楚高',
    countyId: 'chuxiongshi',
    lat: 25.01,
    lon: 101.5,
  },
];

/** A county with its city, by index in province order. */
export interface CountyRef {
  index: number;
  county: County;
  city: City;
}

export const COUNTIES: readonly CountyRef[] = CITIES.flatMap((city) =>
  city.counties.map((county) => ({ county, city })),
).map((ref, index) => ({ ...ref, index }));

export function countyIndex(countyId: string): number {
  const ref = COUNTIES.find((r) => r.county.id === countyId);
  if (!ref) throw new Error(`unknown county: ${countyId}`);
  return ref.index;
}
