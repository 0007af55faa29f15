import type { TopLevelSpec } from 'vega-lite';
import type { DayCost } from './costByDay.js';

/** A point of the history-and-forecast chart: local wall-clock time, and what it shows. */
export interface ContactsPoint {
  /** Local `YYYY-MM-DDTHH:MM`. */
  time: string;
  series: 'history' | 'forecast';
  contacts: number;
  lo80?: number;
  hi80?: number;
}

/** One hour of the standby chart (roster.json's hourly rows with a standby pool). */
export interface StandbyHour {
  timestamp: string;
  staffed: number;
  on_call?: number;
  staff_needed?: number;
  staff_needed_hi80?: number;
}

/** One point of the trade-off curve. */
export interface TradeoffPoint {
  cost: number;
  serviceLevel: number;
  pareto: boolean;
}

const WIDTH = 760;
// Local wall-clock strings read as UTC and shown as UTC: the axes show the plan's local times.
const localTime = (field: string, title: string) => ({
  field,
  type: 'temporal' as const,
  scale: { type: 'utc' as const },
  title,
  axis: { format: '%a %d %b', labelAngle: 0 },
});
const utc = (time: string) => `${time}Z`;

/** Contacts per hour: the last weeks of history, then the forecast with its 80% band. */
export function contactsChart(points: readonly ContactsPoint[]): TopLevelSpec {
  // The legend names only the series drawn (the console's forecast-only chart has no history).
  const series = (['history', 'forecast'] as const).filter((s) => points.length === 0 || points.some((p) => p.series === s));
  const colours = { history: '#4e79a7', forecast: '#f28e2b' };
  return {
    width: WIDTH,
    height: 220,
    data: { values: points.map((p) => ({ ...p, time: utc(p.time) })) },
    encoding: { x: localTime('time', 'hour (local time)') },
    layer: [
      {
        transform: [{ filter: "datum.series === 'forecast'" }],
        mark: { type: 'area', opacity: 0.3, color: '#f28e2b' },
        encoding: { y: { field: 'lo80', type: 'quantitative', title: 'contacts per hour' }, y2: { field: 'hi80' } },
      },
      {
        mark: { type: 'line', strokeWidth: 1.2 },
        encoding: {
          y: { field: 'contacts', type: 'quantitative' },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: series, range: series.map((s) => colours[s]) },
          },
        },
      },
    ],
  };
}

/** Staff needed against staff planned, hour by hour: where the planned line dips below, hours are short. */
export function staffingChart(hours: readonly { timestamp: string; staff_needed: number; staffed: number }[]): TopLevelSpec {
  const series = ['needed', 'staffed'];
  const values = hours.flatMap((h) => {
    const time = utc(h.timestamp.slice(0, 16));
    return [
      { time, series: series[0], staff: Math.round(h.staff_needed * 10) / 10 },
      { time, series: series[1], staff: Math.round(h.staffed * 10) / 10 },
    ];
  });
  return {
    width: WIDTH,
    height: 220,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.2, interpolate: 'step-after' },
    encoding: {
      x: localTime('time', 'hour (local time)'),
      y: { field: 'staff', type: 'quantitative', title: 'staff on shift' },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: ['#e15759', '#4e79a7'] } },
    },
  };
}

/** Staffed minus needed, day x hour: red hours are short, blue hours over-staffed. */
export function coverageHeatmap(hours: readonly { timestamp: string; staff_needed: number; staffed: number }[]): TopLevelSpec {
  const values = hours.map((h) => ({
    day: h.timestamp.slice(0, 10),
    hour: Number(h.timestamp.slice(11, 13)),
    gap: Math.round((h.staffed - h.staff_needed) * 10) / 10,
  }));
  return {
    width: WIDTH,
    height: 180,
    data: { values },
    mark: 'rect',
    encoding: {
      x: { field: 'hour', type: 'ordinal', title: 'hour of day' },
      y: { field: 'day', type: 'ordinal', title: null },
      color: { field: 'gap', type: 'quantitative', title: 'staffed - needed', scale: { scheme: 'redblue', domainMid: 0 } },
    },
  };
}

/** Cost by day, stacked by pool. */
export function costChart(costs: readonly DayCost[], currency: string): TopLevelSpec {
  return {
    width: WIDTH,
    height: 220,
    data: { values: [...costs] },
    mark: 'bar',
    encoding: {
      x: { field: 'day', type: 'ordinal', title: null, axis: { labelAngle: 0 } },
      y: { field: 'cost', type: 'quantitative', aggregate: 'sum', title: `cost (${currency})` },
      color: { field: 'pool', type: 'nominal', title: 'pool' },
    },
  };
}

/** The scenarios' cost against weekly service level, the Pareto frontier joined by a line. */
export function tradeoffChart(points: readonly TradeoffPoint[], currency: string): TopLevelSpec {
  const x = {
    field: 'serviceLevel',
    type: 'quantitative' as const,
    title: 'weekly service level',
    axis: { format: '.1%' },
    scale: { zero: false },
  };
  const y = { field: 'cost', type: 'quantitative' as const, title: `weekly cost (${currency})`, scale: { zero: false } };
  return {
    width: WIDTH,
    height: 260,
    data: { values: [...points] },
    layer: [
      {
        transform: [{ filter: 'datum.pareto' }],
        mark: { type: 'line', color: '#e15759' },
        encoding: { x, y, order: { field: 'serviceLevel' } },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        // Fixed colours, so a grid whose points are all on the frontier still draws them orange.
        encoding: {
          x,
          y,
          color: {
            field: 'pareto',
            type: 'nominal',
            title: 'on the frontier',
            scale: { domain: [false, true], range: ['#4e79a7', '#f28e2b'] },
          },
        },
      },
    ],
  };
}

/**
 * The standby plan (SPEC section 7): staff needed at the forecast and at its hi80, the planned
 * staff, and planned plus on-call staff, per hour.
 */
export function standbyChart(hours: readonly StandbyHour[]): TopLevelSpec {
  const series = ['needed (forecast)', 'needed (hi80)', 'planned', 'planned + on call'];
  const values = hours.flatMap((h) => {
    const time = utc(h.timestamp.slice(0, 16));
    const levels = [h.staff_needed ?? 0, h.staff_needed_hi80 ?? 0, h.staffed, h.staffed + (h.on_call ?? 0)];
    return levels.map((staff, k) => ({ time, series: series[k], staff: Math.round(staff * 10) / 10 }));
  });
  return {
    width: WIDTH,
    height: 220,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.1, interpolate: 'step-after' },
    encoding: {
      x: localTime('time', 'hour (local time)'),
      y: { field: 'staff', type: 'quantitative', title: 'staff on shift' },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: series, range: ['#bab0ac', '#e15759', '#4e79a7', '#59a14f'] },
      },
      // Titled as the colour is, so the two merge into one legend of coloured, dashed lines.
      strokeDash: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: {
          domain: series,
          range: [
            [4, 2],
            [4, 2],
            [1, 0],
            [1, 0],
          ],
        },
      },
    },
  };
}
