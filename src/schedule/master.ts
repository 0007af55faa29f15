import type { Pool } from '../domain/config.js';
import type { LinearProgram, LinearRow, LinearTerm } from '../roster/model/lpFormat.js';
import { buildRosterModel, dailyStart, lpName, offDaySets, type RosterModel } from '../roster/model/model.js';
import type { RosterProblem } from '../roster/types.js';
import { fitsWeek, type AgentWeek, type WeekFacts } from './agentWeek.js';
import type { PatternShift, PricingBoundary } from './pricing.js';
import type { Agent } from './types.js';

/**
 * Agents the master prices as one (issue 14's column generation): same pool, same attributes, same
 * boundary with last week, and no pinned rows (a pinned agent is a group of its own).
 */
export interface PatternGroup {
  /** `g<k>`: names its convexity row and its columns. */
  name: string;
  pool: Pool;
  /** Agent ids, in input order. */
  members: string[];
  agent: Pick<Agent, 'minHours' | 'maxHours' | 'maxDays' | 'unavailable' | 'prefersOff' | 'night'>;
  boundary: PricingBoundary;
  /** Pinned shifts every pattern of the group holds. */
  required: PatternShift[];
  /** Day indexes of the week whose weekday its agents would rather not work (prefers_off). */
  wishes: ReadonlySet<number>;
  /** The agent's check (agentWeek.ts) with its blocked days. */
  week: AgentWeek;
}

/** One weekly pattern of a group: an integer column `z_<group>_<k>` of the master (agents working it). */
export interface Pattern {
  name: string;
  group: number;
  shifts: PatternShift[];
}

/**
 * The named schedule's master program: the roster model of section 3, with each named pool's
 * shift counts tied to the patterns its agents work. The patterns enter as columns; the rows
 * here are fixed.
 */
export interface ScheduleMaster {
  model: RosterModel;
  groups: PatternGroup[];
  /** Link row per `pool|start|hours` of a named pool's shift: the shift's head count equals the patterns working it. */
  links: Map<string, string>;
  /** The pool rows and link rows; convexity rows are added with the patterns (masterProgram). */
  base: LinearProgram;
  slots: RosterProblem['slots'];
}

/**
 * What a prefers_off day worked costs a pattern (currency units): the soft goal that comes after
 * cost, priced small enough (well under an hour's pay) not to trade against it in any real way.
 * A bound on the master's objective minus this for every wish bounds cost + shortfall alone.
 */
export const WISH_COST = 1;

/** A pattern's cost in the master: WISH_COST per day it works that its group wished off. */
export function wishCost(master: Pick<ScheduleMaster, 'groups' | 'slots'>, group: number, shifts: readonly PatternShift[]): number {
  const wishes = master.groups[group].wishes;
  return WISH_COST * shifts.filter((s) => wishes.has(master.slots[s.start].day)).length;
}

/** Cost of one unit of the artificial variables that keep the first LPs of the generation feasible. */
export function artificialCost(problem: RosterProblem): number {
  const dearest = Math.max(...problem.pools.map((p) => p.cost_per_hour * (1 + p.night_premium) * Math.max(...p.shift_lengths)));
  return 100 * Math.max(problem.shortfallPenalty, dearest);
}

/**
 * The master's rows. `problem.teams` must list the named pools (so that they keep every shift,
 * dominance.ts); its team rows are implied by the patterns and left in as valid cuts.
 * Link row `link_<pool>_<start>_<hours>`: the named pool's decisions working that shift
 * (a tour once per day it works it) minus the patterns working it = 0.
 */
export function buildMaster(problem: RosterProblem, groups: PatternGroup[]): ScheduleMaster {
  const model = buildRosterModel(problem);
  const named = new Set(groups.map((g) => g.pool.id));
  const linkTerms = new Map<string, LinearTerm[]>();
  for (const d of model.decisions) {
    if (!named.has(d.pool.id)) continue;
    for (const s of d.starts) {
      const key = shiftKey(d.pool.id, s, d.hours);
      const terms = linkTerms.get(key) ?? [];
      const known = terms.find((t) => t.variable === d.name);
      if (known) known.coef += 1;
      else terms.push({ variable: d.name, coef: 1 });
      linkTerms.set(key, terms);
    }
  }
  const links = new Map<string, string>();
  const rows: LinearRow[] = [];
  for (const [key, terms] of linkTerms) {
    const [pool, start, hours] = key.split('|');
    const name = `link_${lpName(pool)}_${start}_${hours}`;
    links.set(key, name);
    rows.push({ name, terms, sense: '=', rhs: 0 });
  }
  return { model, groups, links, base: { ...model.program, rows: [...model.program.rows, ...rows] }, slots: problem.slots };
}

export function shiftKey(pool: string, start: number, hours: number): string {
  return `${pool}|${start}|${hours}`;
}

/** Whether every agent of the group works some pattern: its contract has a minimum, or it holds pinned shifts. */
export function mustWork(group: PatternGroup): boolean {
  return group.agent.minHours > 0 || group.required.length > 0;
}

/** Convexity row of a group: its patterns take at most its agents (exactly, when an agent may not be idle). */
export function convexityRow(group: PatternGroup): Omit<LinearRow, 'terms'> {
  return { name: `agents_${group.name}`, sense: mustWork(group) ? '=' : '<=', rhs: group.members.length };
}

/**
 * The master over the given patterns: the base with each pattern's column in its link rows and its
 * group's convexity row, patterns integer. With `artificial` (the generation's LPs), floor rows,
 * the budget and convexity rows get a dear slack each, so that any set of patterns is feasible.
 */
export function masterProgram(master: ScheduleMaster, patterns: readonly Pattern[], artificial: number | null): LinearProgram {
  const { base, groups, links } = master;
  const extra = new Map<string, LinearTerm[]>();
  const add = (row: string, term: LinearTerm) => {
    const list = extra.get(row) ?? [];
    list.push(term);
    extra.set(row, list);
  };
  for (const p of patterns) {
    const pool = groups[p.group].pool.id;
    for (const s of p.shifts) add(links.get(shiftKey(pool, s.start, s.hours))!, { variable: p.name, coef: -1 });
    add(`agents_${groups[p.group].name}`, { variable: p.name, coef: 1 });
  }
  const objective = [
    ...base.objective,
    ...patterns.flatMap((p) => {
      const coef = wishCost(master, p.group, p.shifts);
      return coef !== 0 ? [{ variable: p.name, coef }] : [];
    }),
  ];
  if (artificial !== null) {
    const slack = (row: string, coef: number) => {
      const variable = `art_${row}`;
      add(row, { variable, coef });
      objective.push({ variable, coef: artificial });
    };
    for (const f of master.model.floorRows) slack(f.name, 1);
    if (base.rows.some((r) => r.name === 'budget')) slack('budget', -1);
    for (const g of groups) if (mustWork(g)) slack(`agents_${g.name}`, 1);
  }
  const rows = base.rows.map((r) => (extra.has(r.name) ? { ...r, terms: [...r.terms, ...extra.get(r.name)!] } : r));
  for (const g of groups) {
    const row = convexityRow(g);
    const terms = extra.get(row.name);
    if (terms) rows.push({ ...row, terms });
  }
  return { objective, rows, integers: [...base.integers, ...patterns.map((p) => p.name)] };
}

/**
 * Every tour a group's agents may work (week_pattern pools): the pool's start hours, lengths and
 * days-off sets, kept when the agent's check passes and the group's pinned shifts are among them.
 */
export function groupTours(problem: RosterProblem, group: PatternGroup, week: WeekFacts): PatternShift[][] {
  const { slots } = problem;
  const pool = group.pool;
  const out: PatternShift[][] = [];
  const numDays = slots[slots.length - 1].day + 1;
  for (const startHour of pool.start_hours ?? Array.from({ length: 24 }, (_, h) => h)) {
    for (const hours of pool.shift_lengths) {
      for (const off of offDaySets(pool.week_pattern!)) {
        const shifts = Array.from({ length: numDays }, (_, d) => d)
          .filter((d) => !off.includes(d % 7))
          .map((d) => ({ start: dailyStart(slots, d, startHour), hours }))
          .sort((a, b) => a.start - b.start);
        const pinned = group.required.every((r) => shifts.some((s) => s.start === r.start && s.hours === r.hours));
        if (pinned && fitsWeek(shifts, group.week, week)) out.push(shifts);
      }
    }
  }
  return out;
}
