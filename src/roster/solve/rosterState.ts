import type { Decision } from '../model/model.js';
import type { RosterProblem } from '../types.js';

const TOL = 1e-9;
// Weight of a unit of floor deficit: a hard rule outranks any cost.
const FLOOR_WEIGHT = 1e9;

/**
 * An integer roster being built by the heuristic (heuristic.ts): agents per decision and
 * everything the rules need (staff and heads per slot, cost, paid hours), kept up to date on
 * every change so that each move is priced in time proportional to the shift's length.
 * Every search here is deterministic: ties go to the earlier decision.
 *
 * Coverage is kept per slot and per non-empty set U of tiers (issue 13): `reach` is the staff of
 * the pools serving a tier of U, `need` and `floor` the sums over U. An hour's shortfall is then
 * the least total shortfall any split among the tiers leaves, max over U of need(U) - reach(U)
 * floored at 0 (Hall's deficiency, as `splitTiers().least`), and its floor deficit the same over
 * the floors: 0 exactly when Hall's condition holds, i.e. some split meets every tier floor. An
 * untiered problem is the one-tier case (every pool serves it): reach = the hour's staff.
 */
export class RosterState {
  readonly count: number[];
  /** Number of tier sets per slot, 2^tiers (set 0, the empty one, is unused). */
  private readonly sets: number;
  /** Per slot h and tier set U, at h * sets + U: staff of the pools serving U, need(U), floor(U). */
  private readonly reach: Float64Array;
  private readonly need: Float64Array;
  private readonly floor: Float64Array;
  /** Per pool id, the tiers it serves as a bit mask. */
  private readonly masks: Map<string, number>;
  private readonly heads: Map<string, number[]>;
  private readonly cover: number[][];
  private cost = 0;
  private paid = 0;
  private outsourced = 0;

  constructor(
    private readonly problem: RosterProblem,
    private readonly decisions: readonly Decision[],
  ) {
    const n = problem.slots.length;
    const tiers = problem.tiers;
    const m = tiers ? tiers.length : 1;
    this.sets = 1 << m;
    this.count = decisions.map(() => 0);
    this.reach = new Float64Array(n * this.sets);
    this.need = new Float64Array(n * this.sets);
    this.floor = new Float64Array(n * this.sets);
    problem.slots.forEach((slot, h) => {
      const per = slot.tiers ?? [{ staffNeeded: slot.staffNeeded, floor: slot.floor }];
      for (let u = 1; u < this.sets; u++) {
        for (let k = 0; k < m; k++) {
          if (!((u >> k) & 1)) continue;
          this.need[h * this.sets + u] += per[k].staffNeeded;
          this.floor[h * this.sets + u] += per[k].floor;
        }
      }
    });
    this.masks = new Map(
      problem.pools.map((p) => [p.id, tiers ? tiers.reduce((a, t, k) => (t.pools.includes(p.id) ? a | (1 << k) : a), 0) : 1]),
    );
    this.heads = new Map(problem.pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
    this.cover = decisions.map((d) => d.starts.flatMap((s) => Array.from({ length: d.hours }, (_, k) => (s + k) % n)));
  }

  add(i: number, agents: number): void {
    if (agents === 0) return;
    const d = this.decisions[i];
    this.count[i] += agents;
    const heads = this.heads.get(d.pool.id)!;
    const mask = this.masks.get(d.pool.id)!;
    for (const h of this.cover[i]) {
      for (let u = 1; u < this.sets; u++) if (u & mask) this.reach[h * this.sets + u] += agents * d.pool.productivity;
      heads[h] += agents;
    }
    this.cost += agents * d.cost;
    this.paid += agents * d.paidHours;
    if (d.pool.kind === 'outsourced') this.outsourced += agents * d.paidHours;
  }

  objective(): number {
    const short = this.problem.slots.reduce((a, _, h) => a + this.lack(this.need, h, 0, 0), 0);
    return this.cost + this.problem.shortfallPenalty * short;
  }

  meetsFloors(): boolean {
    for (let j = 1; j < this.reach.length; j++) if (j % this.sets !== 0 && this.reach[j] + TOL < this.floor[j]) return false;
    return true;
  }

  /** max_agents, the outsourced share and the budget hold. */
  withinCaps(): boolean {
    const { maxOutsourcedShare: share, pools } = this.problem;
    if (share !== null && this.outsourced > share * this.paid + 1e-6) return false;
    if (this.overBudget(0)) return false;
    return pools.every((p) => p.max_agents === null || this.heads.get(p.id)!.every((x) => x <= p.max_agents!));
  }

  /**
   * Adds the best agent (most floor deficit and share excess removed, then most objective
   * saved, per unit of cost) while it removes deficit or lowers the objective, within every cap.
   * With `floorsOnly`, adds only while deficit remains and ignores the budget (see trimToBudget).
   */
  greedyAdd(floorsOnly = false): number {
    let added = 0;
    for (;;) {
      let best = -1;
      let bestScore = 0;
      for (let i = 0; i < this.decisions.length; i++) {
        const { objective, floorDeficit } = this.delta(i, 1);
        if (floorsOnly && floorDeficit >= -TOL) continue;
        const gain = -floorDeficit * FLOOR_WEIGHT - objective;
        if (gain <= TOL) continue;
        const score = gain / this.decisions[i].cost;
        if (score > bestScore + TOL && this.allowed(i, 1, !floorsOnly)) {
          best = i;
          bestScore = score;
        }
      }
      if (best < 0) return added;
      this.add(best, 1);
      added++;
    }
  }

  /**
   * Takes agents off until the budget holds, each time the one that adds the least shortfall
   * penalty per unit of cost saved among those whose removal keeps the floors and the share.
   * False when the budget cannot be reached that way.
   */
  trimToBudget(): boolean {
    while (this.overBudget(0)) {
      let best = -1;
      let bestScore = Infinity;
      for (let i = 0; i < this.decisions.length; i++) {
        if (this.count[i] === 0) continue;
        const { objective, floorDeficit } = this.delta(i, -1);
        if (floorDeficit > TOL || !this.allowed(i, -1, false)) continue;
        // objective = -cost + penalty x added shortfall: the penalty added per unit saved.
        const score = (objective + this.decisions[i].cost) / this.decisions[i].cost;
        if (score < bestScore - TOL) {
          best = i;
          bestScore = score;
        }
      }
      if (best < 0) return false;
      this.add(best, -1);
    }
    return true;
  }

  /** Takes agents off, dearest decision first, while the floors hold and the objective falls. */
  dropUseless(): number {
    let dropped = 0;
    const order = this.decisions.map((_, i) => i).sort((a, b) => this.decisions[b].cost - this.decisions[a].cost || a - b);
    for (const i of order) {
      while (this.count[i] > 0) {
        const { objective, floorDeficit } = this.delta(i, -1);
        if (floorDeficit > TOL || objective >= -TOL || !this.allowed(i, -1)) break;
        this.add(i, -1);
        dropped++;
      }
    }
    return dropped;
  }

  /** Moves single agents to another decision of the same pool when that lowers the objective. */
  moveAgents(): number {
    let moved = 0;
    for (let i = 0; i < this.decisions.length; i++) {
      if (this.count[i] === 0) continue;
      for (let j = 0; j < this.decisions.length; j++) {
        if (j === i || this.decisions[j].pool !== this.decisions[i].pool || !this.near(i, j)) continue;
        const before = this.objective();
        this.add(i, -1);
        const fine = this.allowed(j, 1);
        this.add(j, 1);
        if (fine && this.meetsFloors() && this.withinCaps() && this.objective() < before - 1e-6) {
          moved++;
          if (this.count[i] === 0) break;
        } else {
          this.add(j, -1);
          this.add(i, 1);
        }
      }
    }
    return moved;
  }

  private overBudget(extra: number): boolean {
    const budget = this.problem.budget;
    return budget !== null && this.cost + extra > budget * (1 + 1e-9);
  }

  /** Change in objective and in hard-rule deficit (floors, share excess) from adding `agents` (+1 or -1) of decision i. */
  private delta(i: number, agents: number): { objective: number; floorDeficit: number } {
    const d = this.decisions[i];
    const p = d.pool.productivity * agents;
    const mask = this.masks.get(d.pool.id)!;
    let short = 0;
    let deficit = 0;
    for (const h of this.cover[i]) {
      short += this.lack(this.need, h, mask, p) - this.lack(this.need, h, 0, 0);
      deficit += this.lack(this.floor, h, mask, p) - this.lack(this.floor, h, 0, 0);
    }
    // The outsourced share over its cap counts as deficit too (in paid hours).
    const share = this.problem.maxOutsourcedShare;
    if (share !== null) {
      const excess = (out: number, paid: number) => Math.max(0, out - share * paid);
      const out = this.outsourced + (d.pool.kind === 'outsourced' ? agents * d.paidHours : 0);
      deficit += excess(out, this.paid + agents * d.paidHours) - excess(this.outsourced, this.paid);
    }
    return { objective: agents * d.cost + this.problem.shortfallPenalty * short, floorDeficit: deficit };
  }

  /**
   * Slot h's least total shortfall against `target` (this.need or this.floor) any split leaves,
   * with `staff` more from the pools of tier mask `mask`: max over tier sets U of target(U) minus
   * the staff of the pools serving U, floored at 0. One tier: max(0, target - staffed - staff).
   */
  private lack(target: Float64Array, h: number, mask: number, staff: number): number {
    let most = 0;
    const base = h * this.sets;
    for (let u = 1; u < this.sets; u++) {
      const gap = u & mask ? target[base + u] - this.reach[base + u] - staff : target[base + u] - this.reach[base + u];
      if (gap > most) most = gap;
    }
    return most;
  }

  /** Whether `agents` more (or fewer) of decision i keep max_agents, the share and (with `budget`) the budget. */
  private allowed(i: number, agents: number, budget = true): boolean {
    const d = this.decisions[i];
    const share = this.problem.maxOutsourcedShare;
    const paid = this.paid + agents * d.paidHours;
    const outsourced = this.outsourced + (d.pool.kind === 'outsourced' ? agents * d.paidHours : 0);
    // An in-house agent more only lowers the share: allowed even while the share is still over.
    const lowers = agents > 0 && d.pool.kind === 'in_house';
    if (share !== null && !lowers && outsourced > share * paid + 1e-6) return false;
    if (budget && agents > 0 && this.overBudget(agents * d.cost)) return false;
    const cap = d.pool.max_agents;
    if (cap !== null && agents > 0) {
      const heads = this.heads.get(d.pool.id)!;
      if (this.cover[i].some((h) => heads[h] + agents > cap)) return false;
    }
    return true;
  }

  // Neighbours: a start at most two hours away, any length (tours: the same days off).
  private near(i: number, j: number): boolean {
    const a = this.decisions[i];
    const b = this.decisions[j];
    if (a.tour || b.tour)
      return !!a.tour && !!b.tour && a.tour.daysOff.join() === b.tour.daysOff.join() && Math.abs(a.tour.startHour - b.tour.startHour) <= 2;
    const n = this.problem.slots.length;
    const dist = Math.abs(a.starts[0] - b.starts[0]);
    return Math.min(dist, n - dist) <= 2;
  }
}
