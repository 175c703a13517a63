// The restoration chart drawn from three points, its coordinates computed by hand: a 300 × 200
// plot area from x 52 to 284 and y 174 (0) to 22 (500), so x = 52 + 2.32 t and y = 174 − 0.304 v.

import { describe, expect, it } from 'vitest';
import { restorationChart } from '../../../dashboard/web/charts/index.js';

const POINTS = [
  { at: 0, customersOut: 100 },
  { at: 50, customersOut: 500 },
  { at: 100, customersOut: 0 },
];

const draw = (peak: boolean) =>
  restorationChart(POINTS, {
    id: 'storm-test',
    title: 'Customers out over time',
    desc: 'step line',
    width: 300,
    height: 200,
    ticks: [0, 50, 100],
    timeLabel: (at) => `t${at}`,
    format: (n) => `${n}`,
    peak: peak
      ? { point: { at: 50, customersOut: 500 }, label: 'Peak 500', title: 'Peak of 500 at t50' }
      : null,
  });

describe('restorationChart', () => {
  it('draws the curve as steps that hold each value until the next point', () => {
    const svg = draw(true);
    // 100 from t0 to t50, 500 from t50 to t100, then 0
    expect(svg).toContain('class="out-line"');
    expect(svg).toContain('d="M52,143.6L168,143.6L168,22L284,22L284,174"');
    expect(svg).toContain('role="img" aria-labelledby="storm-test-title" aria-describedby="storm-test-desc"');
    expect(svg).toContain('<title id="storm-test-title">Customers out over time</title>');
    // every tick is labelled: three fit
    expect(svg.match(/>t(0|50|100)</g)).toEqual(['>t0<', '>t50<', '>t100<']);
  });

  it('marks the peak with a triangle and its figure in words', () => {
    const svg = draw(true);
    expect(svg).toContain('<g class="peak" data-at="50" data-value="500">');
    expect(svg).toContain('d="M168,15.4L174,26.8L162,26.8Z"');
    expect(svg).toContain('text-anchor="middle" class="label peak-label">Peak 500</text>');
    expect(svg).toContain('<title>Peak of 500 at t50</title>');
    expect(draw(false)).not.toContain('class="peak"');
  });
});
