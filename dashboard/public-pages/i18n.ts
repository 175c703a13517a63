// Words of the public pages, Simplified Chinese first (the default) and English.

export type Lang = 'zh' | 'en';

export const WORDS = {
  zh: {
    title: '停电信息公开',
    liveTitle: '当前停电',
    summary: (outages: number, customers: string) => `当前共有 ${outages} 起停电，影响 ${customers} 户。`,
    none: '当前没有停电。',
    updated: '更新时间',
    county: '区县',
    city: '州/市',
    outages: '停电数',
    customers: '停电户数',
    start: '开始时间',
    restore: '预计恢复时间',
    status: '状态',
    planned: '计划停电',
    fault: '故障停电',
    unknown: '待定',
    countyOnly: '当前停电较多，仅按区县汇总显示。',
    switchLang: 'English',
    cachePolicy: (s: number) => `本页每 ${s} 秒更新一次。`,
    skip: '跳到主要内容',
  },
  en: {
    title: 'Public outage information',
    liveTitle: 'Current outages',
    summary: (outages: number, customers: string) =>
      `${outages} outage${outages === 1 ? '' : 's'} in progress, affecting ${customers} customers.`,
    none: 'There are no outages at the moment.',
    updated: 'Updated',
    county: 'County',
    city: 'City',
    outages: 'Outages',
    customers: 'Customers out',
    start: 'Started',
    restore: 'Estimated restoration',
    status: 'Type',
    planned: 'Planned',
    fault: 'Unplanned',
    unknown: 'not yet known',
    countyOnly: 'Many outages are in progress: showing totals by county only.',
    switchLang: '中文',
    cachePolicy: (s: number) => `This page refreshes every ${s} seconds.`,
    skip: 'Skip to main content',
  },
} as const;

export const langOf = (q: unknown): Lang => (q === 'en' ? 'en' : 'zh');
