import { poolTiers as configPoolTiers } from '../../domain/config.js';
import { WEEKDAYS, weekdayOfDate } from '../../domain/time.js';
import type { Decision, RosterModel } from '../model/model.js';
import type { Roster, RosterProblem } from '../types.js';
import { roundTo } from '../../domain/round.js';
import { splitTiers, type TierSplit } from '../tierSplit.js';

/** Agents per decision (by LP variable name); absent = 0. */
export type Counts = Map<string, number>;

/** A solver's values of the model's integer decisions (on-call shifts included), rounded. */
export function roundCounts(model: RosterModel, values: Map<string, number>): Counts {
  return new Map([...model.decisions, ...model.onCall].map((d) => [d.name, Math.max(0, Math.round(values.get(d.name) ?? 0))]));
}

// Six decimals: removes float noise (0.9 x 7 = 6.300000000000001) and keeps cents exact.

/**
 * The roster.json fields that follow from the integer decisions, computed from the model's own
 * columns (`verifyRoster` recomputes them from the shifts alone, so the two are a cross-check).
 * Status, solver figures and explanation are left for the caller.
 */
export function assembleRoster(
  problem: RosterProblem,
  model: RosterModel,
  counts: Counts,
): Omit<Roster, 'status' | 'solver' | 'explanation'> {
  const { slots } = problem;
  const n = slots.length;
  const used = [...model.decisions, ...model.merges.map((m) => m.whole)].filter((d) => (counts.get(d.name) ?? 0) > 0);
  const staffed = new Array<number>(n).fill(0);
  const onShift = new Map(problem.pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
  const byPool: Record<string, number> = Object.fromEntries(problem.pools.map((p) => [p.id, 0]));
  let paid = 0;
  let outsourcedPaid = 0;
  const shifts = new Map<string, { pool: string; slot: number; hours: number; agents: number }>();
  for (const d of used) {
    const agents = counts.get(d.name)!;
    byPool[d.pool.id] += agents * d.cost;
    paid += agents * d.paidHours;
    if (d.pool.kind === 'outsourced') outsourcedPaid += agents * d.paidHours;
    for (const s of d.starts) {
      for (let k = 0; k < d.hours; k++) {
        staffed[(s + k) % n] += agents * d.pool.productivity;
        onShift.get(d.pool.id)![(s + k) % n] += agents;
      }
      // Two tours may share a day's shift: one shift row with the agents added up.
      const key = `${d.pool.id}|${s}|${d.hours}`;
      const row = shifts.get(key) ?? { pool: d.pool.id, slot: s, hours: d.hours, agents: 0 };
      row.agents += agents;
      shifts.set(key, row);
    }
  }
  // Standby pools: their on-call shifts, at the retainer, beside (not in) the shifts.
  const onCall = new Array<number>(n).fill(0);
  const standby = model.onCall.flatMap((d) => {
    const agents = counts.get(d.name) ?? 0;
    if (agents === 0) return [];
    byPool[d.pool.id] = (byPool[d.pool.id] ?? 0) + agents * d.cost;
    for (let k = 0; k < d.hours; k++) onCall[(d.starts[0] + k) % n] += agents * d.pool.productivity;
    return [{ d, agents }];
  });
  standby.sort((a, b) => a.d.starts[0] - b.d.starts[0]);
  for (const p of problem.standby?.pools ?? []) byPool[p.id] ??= 0;
  // With tiers: each hour's staff split among them, leaving the least shortfall (tierSplit.ts).
  const splits = problem.tiers ? tierSplits(problem, onShift) : null;
  const hourly = slots.map((slot, h) => ({
    timestamp: slot.label,
    staff_needed: slot.staffNeeded,
    staffed: roundTo(staffed[h], 6),
    shortfall: roundTo(splits ? splits[h].least : Math.max(0, slot.staffNeeded - staffed[h]), 6),
    ...(problem.standby && { on_call: roundTo(onCall[h], 6), staff_needed_hi80: slot.staffNeededHigh ?? 0 }),
    ...(splits && {
      tiers: problem.tiers!.map((tier, k) => ({
        tier: tier.name,
        staff_needed: slot.tiers![k].staffNeeded,
        staffed: roundTo(splits[h].staffed[k], 6),
        shortfall: roundTo(splits[h].shortfall[k], 6),
      })),
    }),
  }));
  const total = Object.values(byPool).reduce((a, b) => a + b, 0);
  // From the unrounded values: 168 rounded hours could drift past the checker's tolerance.
  const shortfall = slots.reduce((a, slot, h) => a + (splits ? splits[h].least : Math.max(0, slot.staffNeeded - staffed[h])), 0);
  // Covered staff per hour: min(staffed, need), per tier with tiers.
  const covered = (h: number) =>
    splits ? slots[h].tiers!.reduce((a, t, k) => a + Math.min(splits[h].staffed[k], t.staffNeeded), 0) : staffed[h];
  const poolOrder = new Map(problem.pools.map((p, i) => [p.id, i]));
  return {
    week_start: slots[0].label,
    shifts: [...shifts.values()]
      .sort((a, b) => a.slot - b.slot || poolOrder.get(a.pool)! - poolOrder.get(b.pool)! || a.hours - b.hours)
      .map((r) => ({ pool: r.pool, start: slots[r.slot].label, hours: r.hours, agents: r.agents })),
    tours: used.filter((d) => d.tour).map((d) => tourRow(problem, d, counts.get(d.name)!)),
    ...(problem.standby && {
      standby: standby.map(({ d, agents }) => ({ pool: d.pool.id, start: slots[d.starts[0]].label, hours: d.hours, agents })),
    }),
    hourly,
    cost: {
      total: roundTo(total, 6),
      by_pool: mapValues(byPool, (v) => roundTo(v, 6)),
      shortfall_penalty: roundTo(problem.shortfallPenalty * shortfall, 6),
    },
    kpis: {
      outsourced_share: paid > 0 ? roundTo(outsourcedPaid / paid, 6) : 0,
      night_coverage: coverage(slots.flatMap((s, h): [number, number][] => (s.night ? [[covered(h), s.staffNeeded]] : []))),
      coverage: coverage(slots.map((s, h) => [covered(h), s.staffNeeded])),
      budget_used: problem.budget ? roundTo(total / problem.budget, 6) : null,
    },
    shadow_prices: [],
  };
}

/** Per hour, the split of the pools' staff among the tiers that leaves the least shortfall. */
function tierSplits(problem: RosterProblem, onShift: Map<string, number[]>): TierSplit[] {
  const tiers = problem.tiers!;
  // In the pool's own order (its first tier takes staff no tier needs), as problem.tiers lists them.
  const served = problem.pools.map((p) => tiers.flatMap((t, k) => (t.pools.includes(p.id) ? [k] : [])));
  const poolTiers = problem.pools.map((p, i) => [
    ...new Set([
      ...configPoolTiers(p)
        .map((name) => tiers.findIndex((t) => t.name === name))
        .filter((k) => served[i].includes(k)),
      ...served[i],
    ]),
  ]);
  return problem.slots.map((slot, h) =>
    splitTiers(
      problem.pools.map((p) => onShift.get(p.id)![h] * p.productivity),
      poolTiers,
      slot.tiers!.map((t) => t.staffNeeded),
    ),
  );
}

/** Sum of min(staffed, need) over sum of need; 1 when nothing is needed. */
export function coverage(pairs: readonly [staffed: number, need: number][]): number {
  const need = pairs.reduce((a, [, n]) => a + n, 0);
  return need > 0 ? roundTo(pairs.reduce((a, [s, n]) => a + Math.min(s, n), 0) / need, 6) : 1;
}

/** `mon`..`sun` of day `day` counted from week_start (`YYYY-MM-DD`), from the date itself. */
export function weekdayName(weekStart: string, day: number): string {
  return WEEKDAYS[(weekdayOfDate(weekStart) + day) % 7];
}

function tourRow(problem: RosterProblem, d: Decision, agents: number): Roster['tours'][number] {
  const { startHour, daysOff } = d.tour!;
  return {
    pool: d.pool.id,
    start_hour: startHour,
    hours: d.hours,
    days_off: daysOff.map((day) => weekdayName(problem.weekStart, day)),
    agents,
  };
}

function mapValues(o: Record<string, number>, f: (v: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
