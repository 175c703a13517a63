// The Pareto chart's SVG: bars in the order given, heights on one scale, the cumulative line
// on the 0–100 % axis, computed by hand for a 300 × 300 chart (plot 56…256 across, 20…224 down).

import { describe, expect, it } from 'vitest';
import { paretoChart } from '../../../dashboard/web/charts/pareto.js';

const chart = paretoChart(
  [
    { key: 'equipment_fault', label: '设备故障', value: 30, cumulativeShare: 0.75 },
    { key: 'arrears', label: 'A<B', value: 10, cumulativeShare: 1 },
  ],
  { id: 'p', title: 'T', width: 300, height: 300, format: (n) => `${n} h` },
);

describe('paretoChart', () => {
  it('draws the bars in the order given, on one scale from the axis at y 224', () => {
    expect([...chart.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'equipment_fault',
      'arrears',
    ]);
    // Two bands over 200 px with padding 0.2: step 90.91, width 72.73, the first from 74.18.
    expect([...chart.matchAll(/<rect ([^>]*)\/>/g)].map((m) => m[1])).toEqual([
      'x="74.18" y="20" width="72.73" height="204" fill="#0072B2" rx="2"',
      'x="165.09" y="156" width="72.73" height="68" fill="#0072B2" rx="2"',
    ]);
    expect([...chart.matchAll(/class="value">([^<]+)</g)].map((m) => m[1])).toEqual(['30 h', '10 h']);
    expect(chart).toContain('class="label">A&lt;B</text>');
  });

  it('draws the cumulative share through the bar centres on the share axis', () => {
    // 75 % is 224 − 0.75 × 204 = 71; 100 % is the top, 20.
    expect(chart).toContain('points="110.55,71 201.45,20"');
    expect([...chart.matchAll(/class="tick">([^<]+)</g)].map((m) => m[1])).toEqual([
      '0%',
      '20%',
      '40%',
      '60%',
      '80%',
      '100%',
    ]);
  });

  it('leaves the line out when no share is known', () => {
    const empty = paretoChart([{ key: 'unknown', label: 'x', value: 0, cumulativeShare: null }], {
      id: 'q',
      title: 'T',
    });
    expect(empty).not.toContain('polyline');
    expect(empty).toContain('data-key="unknown"');
  });
});
