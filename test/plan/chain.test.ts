import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import { InputError } from '../../src/domain/errors.js';
import { HOUR_MS } from '../../src/domain/time.js';
import type { History } from '../../src/domain/types.js';
import { runPlan } from '../../src/plan/chain.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { forecastHistory, MODELS } from '../../src/forecast/index.js';
import { historyAlerts } from '../../src/report/alerts.js';
import { summaryText } from '../../src/report/text.js';
import { openStore } from '../../src/store/open.js';
import { at, hoursFrom, makeHistory } from '../forecast/synthetic.js';

const TZ = 'UTC';
const WEEK = '2026-11-30';
/** One in-house pool of 8-hour shifts: plans in about a second. */
const config = configSchema.parse({
  timezone: TZ,
  budget: null,
  solver: { time_limit_seconds: 10, mip_rel_gap: 0.02 },
  pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] }],
});

/** `days` days of a 24/7 center's history ending the Sunday before WEEK, read from `file`. */
function history(days: number, file = 'calls.csv', mean: (t: number) => number = () => 30): History {
  const start = at('2026-11-30T00:00', TZ) - days * 24 * HOUR_MS;
  return { queues: [{ queue: '', hours: makeHistory(start, days / 7, TZ, (_, t) => mean(t)) }], withOffset: false, file };
}

async function planError(h: History, week = WEEK): Promise<InputError> {
  try {
    await runPlan({ config, history: h, events: [], week });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  return expect.unreachable();
}

describe('runPlan on a history too short to forecast a week (issue 11)', () => {
  it('refuses a one-row history, naming its file and how much is needed', async () => {
    const one: History = {
      queues: [{ queue: '', hours: [{ t: at('2026-11-29T10:00', TZ), contacts: 40 }] }],
      withOffset: false,
      file: 'calls.csv',
    };
    expect((await planError(one)).message).toMatch(
      /^calls\.csv: the history before the week of 2026-11-30 covers 1 hour \(2026-11-29T10:00 to 2026-11-29T10:00\); .*needs at least 7 days/,
    );
  });

  it('refuses a one-day history', async () => {
    expect((await planError(history(1))).message).toMatch(
      /^calls\.csv: the history before the week of 2026-11-30 covers 24 hours \(2026-11-29T00:00 to 2026-11-29T23:00\); .*needs at least 7 days/,
    );
  });

  it('names the queue whose history is short when there are several', async () => {
    const long = history(14).queues[0].hours;
    const short = history(2).queues[0].hours;
    const h: History = {
      queues: [
        { queue: 'voice', hours: long },
        { queue: 'chat', hours: short },
      ],
      withOffset: false,
      file: 'calls.csv',
    };
    expect((await planError(h)).message).toMatch(/^calls\.csv: queue chat: the history before the week of 2026-11-30 covers 48 hours/);
  });

  it('plans from two weeks of history, with a history_short warning in summary.json', async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-chain-'));
    const { summary } = await makePlan({ config, history: history(14), events: [], week: WEEK }, openStore(store));
    expect(summary.status).not.toBe('infeasible');
    expect(summary.alerts.filter((a) => a.kind === 'history_short')).toEqual([
      expect.objectContaining({ kind: 'history_short', severity: 'warning', hours: [], value: 2, threshold: 4 }),
    ]);
    expect(summary.alerts.find((a) => a.kind === 'history_short')!.message).toMatch(/2\.0 weeks.*4 weeks/);
  });
});

describe('the forecast model record in summary.json', () => {
  it('names per queue the family the backtest chose and its held-out error, and the text summary says it', async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-model-'));
    const h = history(42);
    const two: History = {
      ...h,
      queues: [
        { ...h.queues[0], queue: 'voice' },
        { ...h.queues[0], queue: 'chat' },
      ],
    };
    const { summary, folder } = await makePlan({ config, history: two, events: [], week: WEEK }, openStore(store));
    expect(summary.forecast?.map((m) => m.queue)).toEqual(['voice', 'chat']);
    for (const m of summary.forecast!) {
      for (const name of m.model.split('+')) expect(MODELS.map((s) => s.name)).toContain(name);
      // Six weeks of history hold out the three that have three weeks before them.
      expect(m.backtest).toMatchObject({ weeks: 3, hours: 3 * 168 });
      expect(m.backtest!.wape).toBeCloseTo(m.backtest!.mae / 30, 3);
    }
    expect(summaryText(summary, store, 20)).toMatch(
      /Forecast {4}voice: .+, WAPE \d+\.\d% \(MAE \d+\.\d\) over 3 held-out weeks\n {14}chat: /,
    );
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('<th>Forecast model, chat</th>');
  });

  it('records the untested fallback when the history is too short to hold weeks out', async () => {
    const { summary } = await makePlan(
      { config, history: history(14), events: [], week: WEEK },
      openStore(mkdtempSync(join(tmpdir(), 'shiftcast-model-'))),
    );
    expect(summary.forecast).toEqual([{ queue: '', model: MODELS[0].name, backtest: null }]);
  });
});

describe('historyAlerts', () => {
  it('warns under the four weeks the backtest needs, and not from four weeks on', () => {
    expect(historyAlerts(3.9)).toEqual([expect.objectContaining({ kind: 'history_short', severity: 'warning', value: 3.9, threshold: 4 })]);
    expect(historyAlerts(4)).toEqual([]);
    expect(historyAlerts(30)).toEqual([]);
  });
});

describe('runPlan week-range errors', () => {
  it('name the history file the history came from', async () => {
    expect((await planError(history(28, 'calls-2026.csv'), '2027-03-01')).message).toMatch(
      /^calls-2026\.csv: the history ends 2026-11-30, more than 8 weeks before/,
    );
    expect((await planError(history(28, 'calls-2026.csv'), '2026-01-05')).message).toMatch(
      /^calls-2026\.csv: no history before the planned week starting 2026-01-05/,
    );
  });
});

describe('runPlan on a count no center staffs (issue 11)', () => {
  it('refuses it quickly as bad input naming the history file', async () => {
    const monday10 = (t: number) => new Date(t).getUTCDay() === 1 && new Date(t).getUTCHours() === 10;
    const started = performance.now();
    const e = await planError(history(35, 'calls.csv', (t) => (monday10(t) ? 1e9 : 30)));
    expect(e.message).toMatch(/^calls\.csv: a forecast of [\d,]+ contacts at 2026-11-30T10:00 would need more than 100,000 agents/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('a plan under a budget too small for the coverage floors (issue 13)', () => {
  it('keeps status infeasible with the why, returns the best roster the budget buys, and raises over_budget', async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-budget-'));
    const tight = configSchema.parse({
      ...config,
      budget: 20_000,
      pools: [...config.pools, { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, productivity: 0.9, shift_lengths: [8] }],
    });
    const { summary, folder } = await makePlan({ config: tight, history: history(14), events: [], week: WEEK }, openStore(store));
    expect(summary.status).toBe('infeasible');
    expect(summary.explanation).toMatch(/^The budget of 20000 is too small.* Meanwhile this is the best roster the budget buys/);
    expect(summary.cost.total).toBeGreaterThan(0);
    expect(summary.cost.total).toBeLessThanOrEqual(20_000);
    const roster = JSON.parse(readFileSync(join(folder, 'roster.json'), 'utf8'));
    expect(roster.shifts.length).toBeGreaterThan(0);
    expect(summary.unmet_floors).toEqual(roster.unmet_floors);
    expect(summary.unmet_floors!.length).toBeGreaterThan(0);
    const overBudget = summary.alerts.find((a) => a.kind === 'over_budget')!;
    expect(overBudget).toMatchObject({ severity: 'critical', hours: [] });
    // Even all outsourced (38 / 0.9 an effective hour) the week costs over twice the budget.
    expect(overBudget.message).toMatch(
      /no outsourced share brings it within budget \(re-solved with outsourcing uncapped, it costs [\d,]+ CNY\)/,
    );
    expect(summaryText(summary, folder, 20)).toMatch(/\n {2}Best effort [\d,]+ CNY, breaks the coverage floors in \d+ hours/);
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('<h2>Breaks the coverage floors</h2>');
  });
});

describe('a plan for a week further ahead (issue 19)', () => {
  it('uses the intervals of its lead: the week three weeks after the history is planned with wider hi80s', async () => {
    const h = history(70);
    const next = await runPlan({ config, history: h, events: [], week: WEEK });
    const later = await runPlan({ config, history: h, events: [], week: '2026-12-14' });
    const relative = (p: { contacts: number; hi80: number }) => p.hi80 / p.contacts;
    const mean = (ps: readonly { contacts: number; hi80: number }[]) => ps.reduce((s, p) => s + relative(p), 0) / ps.length;
    expect(later.forecast).toHaveLength(168);
    expect(mean(later.forecast)).toBeGreaterThan(mean(next.forecast));
    // Its bounds are those of a forecast from the history's end, at that week's lead.
    const direct = forecastHistory(h, [], TZ, hoursFrom(at('2026-12-14T00:00', TZ), 168)).points;
    expect(later.byQueue.map((p) => p.hi80)).toEqual(direct.map((p) => p.hi80));
  });
});
