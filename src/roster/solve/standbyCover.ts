import type { Counts } from './assemble.js';
import { solveWithHighs } from './highs.js';
import type { LinearRow } from '../model/lpFormat.js';
import type { RosterModel } from '../model/model.js';
import type { RosterProblem } from '../types.js';

/**
 * A roster's counts completed with on-call shifts that back up the hi80 need (SPEC section 7),
 * for a roster found without them (the rounded relaxation). Greedy in time order: each hour still
 * short of coverage x hi80 takes the on-call shift over it that covers the most of what is
 * still short per unit of retainer, as many agents as the hour lacks, within max_agents. Not
 * optimal, only a valid start for the MIP; an hour no on-call shift can reach is left short (the
 * roster check then rejects the start).
 */
export function coverStandby(problem: RosterProblem, model: RosterModel, counts: Counts): Counts {
  const out = new Map(counts);
  if (!problem.standby || model.onCall.length === 0) return out;
  const { slots } = problem;
  const n = slots.length;
  const staffed = staffedBy(model, counts, n);
  const short = slots.map((s, h) => problem.standby!.coverage * (s.staffNeededHigh ?? 0) - staffed[h]);
  const heads = new Map(problem.standby.pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
  const room = (d: RosterModel['onCall'][number]) => {
    if (d.pool.max_agents === null) return Infinity;
    const on = heads.get(d.pool.id)!;
    return d.pool.max_agents - Math.max(...Array.from({ length: d.hours }, (_, k) => on[(d.starts[0] + k) % n]));
  };
  const covers = (d: RosterModel['onCall'][number], h: number) => (h - d.starts[0] + n) % n < d.hours;
  for (let h = 0; h < n; h++) {
    while (short[h] > 1e-9) {
      let best: { d: RosterModel['onCall'][number]; value: number } | null = null;
      for (const d of model.onCall) {
        if (!covers(d, h) || room(d) < 1) continue;
        let gain = 0;
        for (let k = 0; k < d.hours; k++) gain += Math.min(Math.max(0, short[(d.starts[0] + k) % n]), d.pool.productivity);
        const value = gain / Math.max(d.cost, 1e-9);
        if (!best || value > best.value) best = { d, value };
      }
      if (!best) break;
      const { d } = best;
      const agents = Math.min(room(d), Math.ceil(short[h] / d.pool.productivity - 1e-9));
      out.set(d.name, (out.get(d.name) ?? 0) + agents);
      for (let k = 0; k < d.hours; k++) {
        short[(d.starts[0] + k) % n] -= agents * d.pool.productivity;
        heads.get(d.pool.id)![(d.starts[0] + k) % n] += agents;
      }
    }
  }
  return out;
}

/**
 * The cheapest whole on-call shifts for a roster whose working shifts are settled: the standby
 * cover's rows with the roster's staff as constants, max_agents of each standby pool, least
 * retainer cost. A small MIP (the standby columns alone), started from `coverStandby`. For
 * solves that keep on-call shifts continuous while the working roster is searched (named
 * schedules): the integer cover is then laid over the roster found. Returns the counts with the
 * on-call shifts replaced, or null when no whole cover exists within max_agents.
 */
export async function exactStandby(
  problem: RosterProblem,
  model: RosterModel,
  counts: Counts,
  options: { timeLimitSeconds: number; inThread?: boolean },
): Promise<Counts | null> {
  if (!problem.standby || model.onCall.length === 0) return new Map(counts);
  const { slots } = problem;
  const n = slots.length;
  const staffed = staffedBy(model, counts, n);
  const on = (h: number, test: (d: RosterModel['onCall'][number]) => boolean) =>
    model.onCall.filter((d) => test(d) && (h - d.starts[0] + n) % n < d.hours);
  const rows: LinearRow[] = [];
  slots.forEach((slot, h) => {
    const short = problem.standby!.coverage * (slot.staffNeededHigh ?? 0) - staffed[h];
    if (short > 1e-9)
      rows.push({
        name: `standby_${h}`,
        terms: on(h, () => true).map((d) => ({ variable: d.name, coef: d.pool.productivity })),
        sense: '>=',
        rhs: short,
      });
  });
  for (const pool of problem.standby.pools) {
    if (pool.max_agents === null) continue;
    slots.forEach((_, h) => {
      const terms = on(h, (d) => d.pool === pool).map((d) => ({ variable: d.name, coef: 1 }));
      if (terms.length > 0) rows.push({ name: `max_${h}_${pool.id}`, terms, sense: '<=', rhs: pool.max_agents! });
    });
  }
  const names = model.onCall.map((d) => d.name);
  const onCall = new Set(names);
  const withoutOnCall = new Map([...counts].filter(([name]) => !onCall.has(name)));
  if (rows.every((r) => r.sense === '<=')) return withoutOnCall;
  const greedy = coverStandby(problem, model, withoutOnCall);
  const mip = await solveWithHighs(
    { objective: model.onCall.map((d) => ({ variable: d.name, coef: d.cost })), rows, integers: names },
    { ...options, mipRelGap: 0, start: new Map(names.map((name) => [name, greedy.get(name) ?? 0])) },
  );
  if (mip.status !== 'optimal' && mip.status !== 'feasible') return null;
  for (const name of names) withoutOnCall.set(name, Math.max(0, Math.round(mip.values.get(name) ?? 0)));
  return withoutOnCall;
}

/** Staff on shift per slot (agents x productivity) from the working decisions' counts. */
function staffedBy(model: RosterModel, counts: Counts, n: number): number[] {
  const staffed = new Array<number>(n).fill(0);
  for (const d of model.decisions) {
    const agents = counts.get(d.name) ?? 0;
    for (const s of d.starts) for (let k = 0; k < d.hours; k++) staffed[(s + k) % n] += agents * d.pool.productivity;
  }
  return staffed;
}
