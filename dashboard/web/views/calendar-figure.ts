// A calendar heatmap of outages per local day (GET /outages/daily) with its table view (the
// days with outages), for the hotspots page (as filtered) and an asset's page.

import { type CalendarDay, calendarHeatmap } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { lang, t } from '../i18n.js';
import { dataTable, figure, scrollingChart } from '../table.js';
import { columnKit } from './columns.js';
import type { DailyAnswer } from './hotspots-data.js';

type DailyRow = DailyAnswer['rows'][number];

export function calendarFigure(ctx: Ctx, daily: DailyAnswer, id: string, title: string): HTMLElement {
  const { fmt } = ctx;
  const c = columnKit<DailyRow>(fmt);
  const days: CalendarDay[] = daily.rows.map((d) => ({ date: d.date, weekday: d.weekday, value: d.outages }));
  const desc = t('calendarDesc', {
    from: fmt.date(daily.from),
    to: fmt.date(daily.to),
    zone: daily.zone,
    total: fmt.int(daily.total),
  });
  const svg = calendarHeatmap(days, {
    id,
    title,
    desc,
    cellTitle: (d) => t('calendarDay', { date: fmt.date(d.date), n: d.value }),
    monthLabel: (date) => fmt.monthShort(date),
    weekdayLabels: lang() === 'zh' ? ['一', '三', '五'] : ['Mon', 'Wed', 'Fri'],
    legendLow: '0',
    legendHigh: fmt.int(Math.max(0, ...days.map((d) => d.value))),
  });
  const table = dataTable({
    caption: title,
    columns: [
      c.date('date', t('date'), (d) => d.date),
      c.count('outages', t('outages'), (d) => d.outages),
      c.count('unplanned', t('unplanned'), (d) => d.unplanned),
      c.int('customers', t('customersAffected'), (d) => d.customersAffected),
    ],
    rows: daily.rows.filter((d) => d.outages > 0),
    name: `${id}-table`,
  });
  const fig = figure({ title, desc, chart: scrollingChart(title, svg), table, name: id });
  fig.dataset['total'] = String(daily.total);
  return fig;
}
