import { describe, expect, it } from 'vitest';
import { parseAgents } from '../../src/io/agentsFile.js';
import { parseConfig } from '../../src/io/config.js';
import { scheduleView, type ScheduleWeek } from '../../src/report/scheduleView.js';
import { summaryText } from '../../src/report/text.js';
import type { PlanSummary } from '../../src/report/summary.js';
import { AGENTS_CSV, agent, at, POOLS, row, TZ } from '../schedule/fixtures.js';

const config = parseConfig({ timezone: TZ, week_start: '2026-11-30', pools: POOLS });
// a: off 5-6 Dec, prefers sat;sun, no nights; b: prefers mon;sun; c: off 1 Dec; d; n: the night crew.
const agents = parseAgents(AGENTS_CSV, 'agents.csv', config);
const figures = { agents: 5, assigned_hours: 48, preferences_met: 0.8, weekend_spread: 1, night_spread: 2 };

function week(rows = [row('a', 'inhouse', at(0, 9)), row('a', 'inhouse', at(1, 9)), row('b', 'inhouse', at(0, 9))]): ScheduleWeek {
  return { weekStart: '2026-11-30', timeZone: TZ, night: { start_hour: 0, end_hour: 8 }, agents, rows, figures };
}

/** The <rect>s of one class in a piece of the view. */
const rects = (html: string, cls: string) => html.match(new RegExp(`<rect class="${cls}" [^>]*/>`, 'g')) ?? [];

/** One agent's row of the view: from its id label to the next label (the shading is drawn before the label). */
function agentRow(html: string, id: string): string {
  const svg = html.slice(0, html.indexOf(`>${id}</text>`));
  return svg.slice(svg.lastIndexOf('</text>'));
}

describe('the report week view of a named schedule', () => {
  it('groups the agents by pool, one row each, with the fairness figures beside the view', () => {
    const html = scheduleView(week());
    expect(html.match(/<details/g)).toHaveLength(2);
    expect(html).toMatch(/<summary>inhouse: 4 agents, 24 paid hours, weekend days 0 each, night shifts 0 each<\/summary>/);
    expect(html).toMatch(/<summary>night: 1 agent, 0 paid hours/);
    for (const id of ['a', 'b', 'c', 'd', 'n']) expect(html).toContain(`>${id}</text>`);
    expect(html).toContain('<tr><th>Days off wished for and kept</th><td>80.0%</td></tr>');
    expect(html).toContain('<tr><th>Night spread</th><td>2 shifts');
    // Per agent: hours, days, weekend days, night shifts.
    expect(html).toContain('>16 h · 2 d · 0 · 0</text>');
    expect(html).toContain('>8 h · 1 d · 0 · 0</text>');
  });

  it('draws a bar per shift, shades unavailable days and marks prefers_off days', () => {
    const html = scheduleView(week());
    expect(rects(html, 's')).toHaveLength(2);
    // b prefers Monday off and works it: the bar says so.
    expect(rects(agentRow(html, 'b'), 'pb')).toHaveLength(1);
    // a: unavailable Sat 5 and Sun 6 Dec, prefers them off too; c: Tue 1 Dec.
    expect(rects(agentRow(html, 'a'), 'u')).toHaveLength(2);
    expect(rects(agentRow(html, 'a'), 'p')).toHaveLength(2);
    expect(rects(agentRow(html, 'c'), 'u')).toHaveLength(1);
    // Mon 09:00, 8 hours: x = label + 9 hours; 8 hours wide.
    expect(rects(agentRow(html, 'a'), 's')[0]).toMatch(/x="146" y="\d+" width="32"/);
  });

  it('draws night shifts darker and wraps a Sunday late shift to Monday morning', () => {
    const html = scheduleView(week([row('n', 'night', at(6, 22))]));
    const bars = rects(html, 'sn');
    expect(bars).toHaveLength(2);
    expect(bars[0]).toMatch(/width="8"/);
    expect(bars[1]).toMatch(/x="110" y="\d+" width="24"/);
    expect(html).toContain('>8 h · 1 d · 1 · 1</text>');
  });

  it('stays compact and self-contained for 2,000 agents', () => {
    const many = Array.from({ length: 2000 }, (_, i) => agent(`agent-${i}`, i % 4 === 0 ? 'night' : 'inhouse', { prefersOff: ['sun'] }));
    const days = [0, 1, 2, 3, 4];
    const shifts = { inhouse: days.map((d) => row('', 'inhouse', at(d, 9))), night: days.map((d) => row('', 'night', at(d, 22))) };
    const rows = many.flatMap((a) => shifts[a.pool as 'inhouse' | 'night'].map((r) => ({ ...r, agent: a.id })));
    const started = performance.now();
    const html = scheduleView({ ...week(rows), agents: many });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(html.length).toBeLessThan(3_000_000);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    // Pools this large start folded.
    expect(html).not.toMatch(/<details open/);
  });

  it('says so when there are no agents', () => {
    expect(scheduleView({ ...week([]), agents: [] })).toContain('No named agents.');
  });
});

describe('the schedule figures in the text summary', () => {
  it('add one Schedule line', () => {
    const s = {
      plan_id: 'p1',
      week_start: '2026-11-30',
      status: 'optimal',
      currency: 'CNY',
      cost: { total: 1, by_pool: {}, budget: null, budget_used: null, per_handled_contact: null },
      kpis: { outsourced_share: 0, night_coverage: 1, coverage: 1, hours_below_target: 0, shortfall_staff_hours: 0 },
      alerts: [],
      schedule: { ...figures, assigned_hours: 1240, weekend_spread: 1, night_spread: 0 },
      files: ['schedule.csv'],
    } as unknown as PlanSummary;
    const text = summaryText(s, 'plans/p1', 15);
    expect(text).toContain(
      '  Schedule    5 named agents, 1,240 hours assigned, 80.0% of days-off wishes kept, spread 1 weekend day and 0 night shifts (most minus least in a pool)\n',
    );
  });
});
