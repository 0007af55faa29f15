import type { Counts } from './assemble.js';
import type { Decision, RosterModel } from './model.js';
import type { RosterProblem } from './types.js';

/** An integer roster found without branching, with the objective it scores (cost + penalty). */
export interface HeuristicRoster {
  counts: Counts;
  objective: number;
}

const TOL = 1e-9;
// Weight of a unit of floor deficit: a hard rule outranks any cost.
const FLOOR_WEIGHT = 1e9;
const IMPROVE_PASSES = 4;

/**
 * Rounds an LP relaxation of the roster model to a roster that keeps every hard rule: agents
 * rounded down, then added greedily (most floor deficit, share excess and shortfall penalty
 * covered per unit of cost) under max_agents, the share and the budget, then improved locally (drop an
 * agent, move one to a neighbouring start or another length) while the objective falls.
 * Deterministic: ties go to the earlier decision. Null when the greedy cannot meet the floors.
 * @param relaxed the LP relaxation's value of each decision (absent = 0)
 */
export function roundAndRepair(problem: RosterProblem, model: RosterModel, relaxed: Map<string, number>): HeuristicRoster | null {
  // Under a binding budget the rounded relaxation may leave too little money to restore the
  // floors; the second try first strips it down to what the floors need.
  return attempt(problem, model, relaxed, false) ?? (problem.budget !== null ? attempt(problem, model, relaxed, true) : null);
}

function attempt(problem: RosterProblem, model: RosterModel, relaxed: Map<string, number>, strip: boolean): HeuristicRoster | null {
  const state = new RosterState(problem, model.decisions);
  // Rounded down, the roster keeps the budget and max_agents; the greedy then restores the floors.
  model.decisions.forEach((d, i) => state.add(i, Math.floor((relaxed.get(d.name) ?? 0) + 1e-6)));
  if (strip) state.dropUseless(true);
  for (let pass = 0; pass < IMPROVE_PASSES; pass++) {
    const changed = state.greedyAdd() + state.dropUseless(false) + state.moveAgents();
    if (changed === 0) break;
  }
  if (!state.meetsFloors() || !state.withinCaps()) return null;
  return { counts: new Map(model.decisions.map((d, i) => [d.name, state.count[i]])), objective: state.objective() };
}

/** The roster being built: agents per decision and everything the rules need, kept up to date. */
class RosterState {
  readonly count: number[];
  private readonly staffed: number[];
  private readonly heads: Map<string, number[]>;
  private readonly cover: number[][];
  private cost = 0;
  private paid = 0;
  private outsourced = 0;

  constructor(private readonly problem: RosterProblem, private readonly decisions: readonly Decision[]) {
    const n = problem.slots.length;
    this.count = decisions.map(() => 0);
    this.staffed = new Array<number>(n).fill(0);
    this.heads = new Map(problem.pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
    this.cover = decisions.map((d) => d.starts.flatMap((s) => Array.from({ length: d.hours }, (_, k) => (s + k) % n)));
  }

  add(i: number, agents: number): void {
    if (agents === 0) return;
    const d = this.decisions[i];
    this.count[i] += agents;
    const heads = this.heads.get(d.pool.id)!;
    for (const h of this.cover[i]) {
      this.staffed[h] += agents * d.pool.productivity;
      heads[h] += agents;
    }
    this.cost += agents * d.cost;
    this.paid += agents * d.paidHours;
    if (d.pool.kind === 'outsourced') this.outsourced += agents * d.paidHours;
  }

  objective(): number {
    const short = this.problem.slots.reduce((a, s, h) => a + Math.max(0, s.staffNeeded - this.staffed[h]), 0);
    return this.cost + this.problem.shortfallPenalty * short;
  }

  meetsFloors(): boolean {
    return this.problem.slots.every((s, h) => this.staffed[h] + TOL >= s.floor);
  }

  /** max_agents, the outsourced share and the budget hold. */
  withinCaps(): boolean {
    const { maxOutsourcedShare: share, budget, pools } = this.problem;
    if (share !== null && this.outsourced > share * this.paid + 1e-6) return false;
    if (budget !== null && this.cost > budget * (1 + 1e-9)) return false;
    return pools.every((p) => p.max_agents === null || this.heads.get(p.id)!.every((x) => x <= p.max_agents!));
  }

  /** Change in objective and in hard-rule deficit (floors, share excess) from adding `agents` (+1 or -1) of decision i. */
  private delta(i: number, agents: number): { objective: number; floorDeficit: number } {
    const d = this.decisions[i];
    const p = d.pool.productivity * agents;
    const slots = this.problem.slots;
    let short = 0;
    let deficit = 0;
    for (const h of this.cover[i]) {
      const before = this.staffed[h];
      short += Math.max(0, slots[h].staffNeeded - before - p) - Math.max(0, slots[h].staffNeeded - before);
      deficit += Math.max(0, slots[h].floor - before - p) - Math.max(0, slots[h].floor - before);
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

  /** Whether `agents` more (or fewer) of decision i keep max_agents, the share and the budget. */
  private allowed(i: number, agents: number): boolean {
    const d = this.decisions[i];
    const { maxOutsourcedShare: share, budget } = this.problem;
    const paid = this.paid + agents * d.paidHours;
    const outsourced = this.outsourced + (d.pool.kind === 'outsourced' ? agents * d.paidHours : 0);
    // An in-house agent more only lowers the share: allowed even while the share is still over.
    const lowers = agents > 0 && d.pool.kind === 'in_house';
    if (share !== null && !lowers && outsourced > share * paid + 1e-6) return false;
    if (budget !== null && this.cost + agents * d.cost > budget * (1 + 1e-9)) return false;
    const cap = d.pool.max_agents;
    if (cap !== null && agents > 0) {
      const heads = this.heads.get(d.pool.id)!;
      if (this.cover[i].some((h) => heads[h] + agents > cap)) return false;
    }
    return true;
  }

  /** Adds the best agent while it removes floor deficit or lowers the objective. */
  greedyAdd(): number {
    let added = 0;
    for (;;) {
      let best = -1;
      let bestScore = 0;
      for (let i = 0; i < this.decisions.length; i++) {
        const { objective, floorDeficit } = this.delta(i, 1);
        const gain = -floorDeficit * FLOOR_WEIGHT - objective;
        if (gain <= TOL) continue;
        const score = gain / this.decisions[i].cost;
        if (score > bestScore + TOL && this.allowed(i, 1)) {
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
   * Takes agents off, dearest decision first, while the floors hold and the objective falls
   * (with `anyGain`, whenever the floors hold).
   */
  dropUseless(anyGain: boolean): number {
    let dropped = 0;
    const order = this.decisions.map((_, i) => i).sort((a, b) => this.decisions[b].cost - this.decisions[a].cost || a - b);
    for (const i of order) {
      while (this.count[i] > 0) {
        const { objective, floorDeficit } = this.delta(i, -1);
        if (floorDeficit > TOL || (!anyGain && objective >= -TOL) || !this.allowed(i, -1)) break;
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

  // Neighbours: a start at most two hours away, any length (tours: the same days off).
  private near(i: number, j: number): boolean {
    const a = this.decisions[i];
    const b = this.decisions[j];
    if (a.tour || b.tour) return !!a.tour && !!b.tour && a.tour.daysOff.join() === b.tour.daysOff.join() && Math.abs(a.tour.startHour - b.tour.startHour) <= 2;
    const n = this.problem.slots.length;
    const dist = Math.abs(a.starts[0] - b.starts[0]);
    return Math.min(dist, n - dist) <= 2;
  }
}
