import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { contactsChart, costChart, coverageHeatmap, standbyChart, staffingChart, tradeoffChart } from '../../src/report/charts.js';
import { vegaLiteSvg } from '../../src/report/vegaSvg.js';

const values = (spec: { data?: unknown }) => (spec.data as { values: Record<string, unknown>[] }).values;

describe('contactsChart', () => {
  const points = [
    { time: '2026-11-23T09:00', series: 'history' as const, contacts: 40 },
    { time: '2026-11-30T09:00', series: 'forecast' as const, contacts: 42, lo80: 35, hi80: 50 },
  ];

  it('reads local wall-clock times as UTC, so the axis shows them unshifted', () => {
    const spec = contactsChart(points);
    expect(values(spec)).toEqual([
      { time: '2026-11-23T09:00Z', series: 'history', contacts: 40 },
      { time: '2026-11-30T09:00Z', series: 'forecast', contacts: 42, lo80: 35, hi80: 50 },
    ]);
    expect((spec as any).encoding.x).toMatchObject({ field: 'time', type: 'temporal', scale: { type: 'utc' } });
  });

  it('draws the 80% band over the forecast only, and history and forecast as coloured lines', () => {
    const [band, line] = (contactsChart(points) as any).layer;
    expect(band.transform).toEqual([{ filter: "datum.series === 'forecast'" }]);
    expect(band.encoding.y.field).toBe('lo80');
    expect(band.encoding.y2.field).toBe('hi80');
    expect(line.encoding.y.field).toBe('contacts');
    expect(line.encoding.color.scale.domain).toEqual(['history', 'forecast']);
    expect(line.encoding.color.scale.range).toEqual(['#4e79a7', '#f28e2b']);
  });

  it('names in its legend only the series it draws, in their colours', () => {
    const [, line] = (contactsChart(points.slice(1)) as any).layer;
    expect(line.encoding.color.scale).toEqual({ domain: ['forecast'], range: ['#f28e2b'] });
  });

  it('does not change the points it is given', () => {
    const copy = structuredClone(points);
    contactsChart(points);
    expect(points).toEqual(copy);
  });

  it('compiles as Vega-Lite', () => {
    expect(() => compile(contactsChart(points))).not.toThrow();
    expect(() => compile(contactsChart([]))).not.toThrow();
  });
});

describe('coverageHeatmap', () => {
  it('has one cell per hour: the day, the hour of day and staffed - needed to one decimal', () => {
    const spec = coverageHeatmap([
      { timestamp: '2026-11-30T00:00', staff_needed: 3, staffed: 3 },
      { timestamp: '2026-11-30T13:00', staff_needed: 10.26, staffed: 8 },
      { timestamp: '2026-12-01T23:00+08:00', staff_needed: 4, staffed: 5.44 },
    ]);
    expect(values(spec)).toEqual([
      { day: '2026-11-30', hour: 0, gap: 0 },
      { day: '2026-11-30', hour: 13, gap: -2.3 },
      { day: '2026-12-01', hour: 23, gap: 1.4 },
    ]);
  });

  it('colours the gap on a diverging scale centred on zero (short red, over blue)', () => {
    const color = (coverageHeatmap([]) as any).encoding.color;
    expect(color.field).toBe('gap');
    expect(color.scale).toEqual({ scheme: 'redblue', domainMid: 0 });
  });
});

describe('staffingChart', () => {
  it('draws needed and staffed per hour at local wall-clock times, rounded to a tenth', () => {
    const spec = staffingChart([
      { timestamp: '2026-11-30T08:00', staff_needed: 10.04, staffed: 9.96 },
      { timestamp: '2026-11-30T09:00+08:00', staff_needed: 12, staffed: 12.5 },
    ]) as any;
    expect(spec.data.values).toEqual([
      { time: '2026-11-30T08:00Z', series: 'needed', staff: 10 },
      { time: '2026-11-30T08:00Z', series: 'staffed', staff: 10 },
      { time: '2026-11-30T09:00Z', series: 'needed', staff: 12 },
      { time: '2026-11-30T09:00Z', series: 'staffed', staff: 12.5 },
    ]);
    expect(() => compile(spec)).not.toThrow();
  });
});

describe('standbyChart', () => {
  it('draws one legend naming its four lines (colour and dash merged)', async () => {
    const hour = (t: string) => ({ timestamp: t, staffed: 3, on_call: 1, staff_needed: 2, staff_needed_hi80: 3 });
    const svg = await vegaLiteSvg(standbyChart([hour('2026-11-30T00:00'), hour('2026-11-30T01:00')]));
    expect(svg.match(/role-legend"/g)).toHaveLength(1);
    for (const name of ['needed (forecast)', 'needed (hi80)', 'planned', 'planned + on call'])
      expect(svg).toMatch(new RegExp(`>${name.replace(/[()+]/g, '\\$&')}</text>`));
  });
});

describe('costChart', () => {
  it('stacks the day costs by pool, the currency in the axis title', () => {
    const costs = [
      { day: '2026-11-30', pool: 'inhouse', cost: 100 },
      { day: '2026-11-30', pool: 'vendor', cost: 50 },
    ];
    const spec = costChart(costs, 'CNY') as any;
    expect(spec.data.values).toEqual(costs);
    expect(spec.data.values).not.toBe(costs);
    expect(spec.encoding.y).toMatchObject({ field: 'cost', aggregate: 'sum', title: 'cost (CNY)' });
    expect(spec.encoding.color.field).toBe('pool');
    expect(() => compile(spec)).not.toThrow();
  });
});

describe('tradeoffChart', () => {
  const points = [
    { cost: 100, serviceLevel: 0.8, pareto: true },
    { cost: 120, serviceLevel: 0.85, pareto: false },
    { cost: 110, serviceLevel: 0.9, pareto: true },
  ];

  it('joins only the frontier points with a line, in order of service level, and shows every point', () => {
    const [line, dots] = (tradeoffChart(points, 'EUR') as any).layer;
    expect(line.transform).toEqual([{ filter: 'datum.pareto' }]);
    expect(line.encoding.order).toEqual({ field: 'serviceLevel' });
    expect(dots.transform).toBeUndefined();
    expect(dots.encoding.color.field).toBe('pareto');
    expect(dots.encoding.color.scale).toEqual({ domain: [false, true], range: ['#4e79a7', '#f28e2b'] });
  });

  it('puts service level on x as a percentage and cost in the currency on y, neither forced to zero', () => {
    const spec = tradeoffChart(points, 'EUR') as any;
    expect(spec.data.values).toEqual(points);
    const { x, y } = spec.layer[1].encoding;
    expect(x).toMatchObject({ field: 'serviceLevel', axis: { format: '.1%' }, scale: { zero: false } });
    expect(y).toMatchObject({ field: 'cost', title: 'weekly cost (EUR)', scale: { zero: false } });
    expect(() => compile(spec)).not.toThrow();
  });
});
