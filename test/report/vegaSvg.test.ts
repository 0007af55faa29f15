import { describe, expect, it } from 'vitest';
import { coverageHeatmap, tradeoffChart } from '../../src/report/charts.js';
import { vegaLiteSvg } from '../../src/report/vegaSvg.js';

/** The aria labels of the data marks drawn (one per datum shown). */
const marks = (svg: string, kind: string) =>
  [...svg.matchAll(new RegExp(`aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="${kind}"`, 'g'))].map((m) => m[1]);

describe('vegaLiteSvg', () => {
  it('renders a chart to one standalone SVG element, with one mark per datum', async () => {
    const svg = await vegaLiteSvg({
      width: 200,
      height: 100,
      data: {
        values: [
          { x: 1, y: 2 },
          { x: 3, y: 4 },
          { x: 5, y: 1 },
        ],
      },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(marks(svg, 'point')).toEqual(['x: 1; y: 2', 'x: 3; y: 4', 'x: 5; y: 1']);
  });

  it('draws a heatmap cell for every hour given', async () => {
    const hours = Array.from({ length: 6 }, (_, h) => ({ timestamp: `2026-11-30T0${h}:00`, staff_needed: h, staffed: 2 * h }));
    const svg = await vegaLiteSvg(coverageHeatmap(hours));
    expect(marks(svg, 'rect mark')).toEqual(hours.map((_, h) => `hour of day: ${h}; day: 2026-11-30; staffed - needed: ${h}`));
  });

  it('loads nothing: text marks from inline data only, no external reference', async () => {
    const svg = await vegaLiteSvg(tradeoffChart([{ cost: 1000, serviceLevel: 0.9, pareto: true }], 'CNY'));
    expect(svg).toContain('weekly cost (CNY)');
    expect(svg).not.toMatch(/href="http|<image|<script/);
  });

  it('rejects a spec that is not Vega-Lite', async () => {
    await expect(vegaLiteSvg({ mark: 'no-such-mark' } as never)).rejects.toThrow();
  });
});
