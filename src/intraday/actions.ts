import type { Pool } from '../domain/config.js';
import { availableAgents } from '../staffing/onDuty.js';
import { type Change, type DemandHour, type HourProjection, projectService } from './projectService.js';

/*
 * Hours here are indices into the remaining hours (0 = the hour holding `now`); a shift that began
 * before it has a negative start.
 */

/** Agents of a pool on one shift (on call for a standby pool): hours [from, until). */
export interface ShiftSpan {
  pool: Pool;
  from: number;
  until: number;
  agents: number;
}

/** What the actions are chosen from. */
export interface ActionsInput {
  /** The remaining hours' work at the re-forecast's contacts, and at its hi80 (the margin of time off). */
  demand: readonly DemandHour[];
  upper: readonly DemandHour[];
  /** Contacts per remaining hour: the plan's forecast and the re-forecast's hi80 (a quiet hour: hi80 below plan). */
  planned: readonly number[];
  upperContacts: readonly number[];
  /** Staff on shift per remaining hour before any action (agents x productivity). */
  base: readonly number[];
  night: readonly boolean[];
  shrinkage: number;
  maxAsaSeconds: number;
  /** Remaining hours before this index are today's: overtime and time off stay within them. */
  today: number;
  /** The first hour an agent can still stay on or leave from (1 when `now` is past the top of its hour). */
  firstFullHour: number;
  working: readonly ShiftSpan[];
  onCall: readonly ShiftSpan[];
  overtime: { premium: number; maxHours: number };
}

/** One action as the engine decided it, hours as remaining-hour indices; cost in currency (negative: saved). */
export interface Action {
  kind: 'activate_standby' | 'offer_overtime' | 'offer_time_off';
  pool: Pool;
  start: number;
  hours: number;
  agents: number;
  cost: number;
}

export interface ActionsResult {
  actions: Action[];
  /** Staff on shift per remaining hour with the actions taken. */
  staffed: number[];
  /** The projection with the actions taken, at the re-forecast's contacts and at its hi80. */
  projection: HourProjection[];
  upperProjection: HourProjection[];
  /** Whether each remaining hour meets the ASA limit and the service target. */
  meets: (h: HourProjection, i: number) => boolean;
}

// Service levels and waits equal to the limit up to rounding count as met.
const EPS = 1e-9;

/**
 * The cheapest set of actions found that brings every remaining hour's projected ASA within
 * `maxAsaSeconds` (and the target's own max_asa_seconds) and its service level to the target:
 *
 * 1. Repair, a greedy in time order: backlog only flows forward, so the earliest failing hour is
 *    fixed first, one agent at a time, by the cheapest unit per productive agent that covers it:
 *    an on-call agent of a standby pool for that hour (inside an on-call shift that still has
 *    agents not called), or an agent of a working pool whose shift ended at most
 *    `maxHours` before staying on through it (today only; extending an agent already staying is
 *    one more hour, a new one pays every hour from the shift's end). After each unit the hours
 *    from the change on are projected again (until the backlog is back to what it was), and the
 *    hour is checked again. An hour no unit is left for is left failing (the alerts name it).
 * 2. Prune: an agent-hour whose removal leaves every hour's status as it is and no failing hour
 *    worse is taken back (dearest first), so that no more is called than needed: a later
 *    overtime may have made an earlier call redundant.
 * 3. Time off, on a quiet day only: an agent of a working pool may leave from hour h to the end of
 *    the shift when every hour left is quiet (the re-forecast's hi80 below the plan's forecast),
 *    none of them has a repair, and the service stays as it was (met hours met, failing hours
 *    no worse) even at the hi80 contacts. Dearest pools per productive agent and longest leaves first.
 *
 * Each projection after a unit costs only the hours it changes, so a week of 168 hours answers in
 * milliseconds.
 * @example planActions(input).actions.filter((a) => a.kind === 'activate_standby')
 */
export function planActions(input: ActionsInput): ActionsResult {
  const n = input.demand.length;
  const limits = input.demand.map((d) => ({
    asa: Math.min(input.maxAsaSeconds, d.target.max_asa_seconds ?? Infinity),
    serviceLevel: d.target.service_level,
  }));
  const meets = (h: HourProjection, i: number) => h.asaSeconds <= limits[i].asa + EPS && h.serviceLevel >= limits[i].serviceLevel - EPS;
  const extra = new Array<number>(n).fill(0);
  const agents = input.base.map((b) => availableAgents(b, input.shrinkage));
  const point: Track = { demand: input.demand, hours: projectService(input.demand, agents) };
  const upper: Track = { demand: input.upper, hours: [] };
  const tracks = [point];

  /** Adds staff to hours [from, until] and projects again; returns how to undo it. */
  const add = (from: number, until: number, staff: number): (() => void) => {
    const before = tracks.map((t) => t.hours);
    const change: Change = { from, until };
    for (let i = from; i <= until; i++) {
      extra[i] += staff;
      agents[i] = availableAgents(Math.max(0, input.base[i] + extra[i]), input.shrinkage);
    }
    for (const t of tracks) t.hours = projectService(t.demand, agents, { hours: t.hours, change });
    return () => {
      for (let i = from; i <= until; i++) {
        extra[i] -= staff;
        agents[i] = availableAgents(Math.max(0, input.base[i] + extra[i]), input.shrinkage);
      }
      tracks.forEach((t, k) => {
        t.hours = before[k];
      });
    };
  };
  /** Adds staff and keeps it only when no hour's status changes and no failing hour gets worse. */
  const tryAdd = (from: number, until: number, staff: number): boolean => {
    const before = tracks.map((t) => t.hours);
    const undo = add(from, until, staff);
    if (tracks.every((t, k) => harmless(before[k], t.hours, from, meets))) return true;
    undo();
    return false;
  };

  const standby = input.onCall.map((s) => ({ ...s, called: new Array<number>(s.until - s.from).fill(0) }));
  const groups = overtimeGroups(input);
  const rate = (pool: Pool, i: number, premium = 0) => pool.cost_per_hour * (1 + premium) * (1 + (input.night[i] ? pool.night_premium : 0));

  // 1. Repair, earliest failing hour first.
  for (let i = 0; i < n; ) {
    if (meets(point.hours[i], i)) {
      i++;
      continue;
    }
    const unit = cheapestUnit(i);
    if (!unit) {
      i++;
      continue;
    }
    unit.commit();
  }

  /** The cheapest agent that can be added to hour i, per productive agent. */
  function cheapestUnit(i: number): { cost: number; commit: () => void } | null {
    const units: { cost: number; order: string; commit: () => void }[] = [];
    for (const s of standby) {
      const k = i - s.from;
      if (k < 0 || k >= s.called.length || s.called[k] >= s.agents) continue;
      // The shift whose call at hour i continues a call the hour before, else the earliest: blocks stay whole.
      const continues = k > 0 && s.called[k - 1] > s.called[k];
      units.push({
        cost: rate(s.pool, i) / s.pool.productivity,
        order: `0 ${s.pool.id} ${continues ? 0 : 1}`,
        commit: () => {
          s.called[k]++;
          add(i, i, s.pool.productivity);
        },
      });
    }
    for (const g of groups) {
      const k = i - g.end;
      if (i >= input.today || k < 0 || k >= g.stay.length) continue;
      // The agent staying longest short of hour i stays on: hours first..k are added.
      let first = k;
      while (first > 0 && g.stay[first - 1] === g.stay[k]) first--;
      if (first === 0 && g.stay[0] >= g.agents) continue;
      let cost = 0;
      for (let j = first; j <= k; j++) cost += rate(g.pool, g.end + j, input.overtime.premium);
      units.push({
        cost: cost / g.pool.productivity,
        order: `1 ${g.pool.id} ${String(g.end).padStart(4, '0')}`,
        commit: () => {
          for (let j = first; j <= k; j++) g.stay[j]++;
          add(g.end + first, i, g.pool.productivity);
        },
      });
    }
    units.sort((a, b) => a.cost - b.cost || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    return units[0] ?? null;
  }

  // 2. Prune, dearest agent-hours first, until a pass takes nothing back.
  for (let removed = true; removed; ) {
    removed = false;
    const hours = [
      ...standby.flatMap((s) =>
        s.called.flatMap((c, k) => {
          const i = s.from + k;
          if (c === 0) return [];
          return [
            {
              cost: rate(s.pool, i) / s.pool.productivity,
              i,
              staff: s.pool.productivity,
              release: () => s.called[k]--,
            },
          ];
        }),
      ),
      ...groups.flatMap((g) =>
        g.stay.flatMap((c, j) => {
          const i = g.end + j;
          // Only the last hour of a stay can go: agents stay on without a break.
          if (c === 0 || c === (g.stay[j + 1] ?? 0)) return [];
          return [
            {
              cost: rate(g.pool, i, input.overtime.premium) / g.pool.productivity,
              i,
              staff: g.pool.productivity,
              release: () => g.stay[j]--,
            },
          ];
        }),
      ),
    ].sort((a, b) => b.cost - a.cost || b.i - a.i);
    for (const h of hours) {
      if (!tryAdd(h.i, h.i, -h.staff)) continue;
      h.release();
      removed = true;
    }
  }

  // 3. Time off on a quiet day, checked at the re-forecast's contacts and at its hi80.
  upper.hours = projectService(upper.demand, agents);
  tracks.push(upper);
  const leaves = timeOff();

  function timeOff(): { pool: Pool; start: number; end: number; agents: number }[] {
    const out: { pool: Pool; start: number; end: number; agents: number }[] = [];
    const quiet = input.planned.map((p, i) => i >= input.firstFullHour && input.upperContacts[i] < p && extra[i] <= 0);
    const byEnd = new Map<string, ShiftSpan[]>();
    for (const s of input.working) {
      if (s.until <= input.firstFullHour || s.from >= input.today) continue;
      const key = `${s.pool.id}\u0000${s.until}`;
      byEnd.set(key, [...(byEnd.get(key) ?? []), s]);
    }
    const ends = [...byEnd.values()].sort(
      (a, b) =>
        b[0].pool.cost_per_hour / b[0].pool.productivity - a[0].pool.cost_per_hour / a[0].pool.productivity ||
        (a[0].pool.id < b[0].pool.id ? -1 : a[0].pool.id > b[0].pool.id ? 1 : 0) ||
        a[0].until - b[0].until,
    );
    for (const shifts of ends) {
      const { pool, until: end } = shifts[0];
      if (groups.some((g) => g.pool === pool && g.end === end && g.stay[0] > 0)) continue;
      let gone = 0;
      for (let h = Math.max(input.firstFullHour, Math.min(...shifts.map((s) => s.from))); h < Math.min(end, input.today); h++) {
        if (!quiet.slice(h, end).every(Boolean)) continue;
        // Agents whose shift has begun by h can leave at h; those who left earlier are gone already.
        const present = shifts.reduce((sum, s) => sum + (s.from <= h ? s.agents : 0), 0);
        let agentsLeaving = 0;
        while (gone < present && tryAdd(h, end - 1, -pool.productivity)) {
          gone++;
          agentsLeaving++;
        }
        if (agentsLeaving > 0) out.push({ pool, start: h, end, agents: agentsLeaving });
      }
    }
    return out;
  }

  const actions: Action[] = [
    ...standby.flatMap((s) =>
      blocksOf(s.called).map((b) => ({ kind: 'activate_standby' as const, pool: s.pool, ...b, start: s.from + b.start })),
    ),
    ...groups.flatMap((g) =>
      g.stay.flatMap((c, j) => {
        const agentsStaying = c - (g.stay[j + 1] ?? 0);
        return agentsStaying > 0
          ? [{ kind: 'offer_overtime' as const, pool: g.pool, start: g.end, hours: j + 1, agents: agentsStaying }]
          : [];
      }),
    ),
    ...leaves.map((l) => ({ kind: 'offer_time_off' as const, pool: l.pool, start: l.start, hours: l.end - l.start, agents: l.agents })),
  ].map((a) => {
    const sign = a.kind === 'offer_time_off' ? -1 : 1;
    const premium = a.kind === 'offer_overtime' ? input.overtime.premium : 0;
    let cost = 0;
    for (let i = a.start; i < a.start + a.hours; i++) cost += sign * a.agents * rate(a.pool, i, premium);
    return { ...a, cost };
  });

  return {
    actions: mergeActions(actions),
    staffed: input.base.map((b, i) => Math.max(0, b + extra[i])),
    projection: point.hours,
    upperProjection: upper.hours,
    meets,
  };
}

/** A series of hours' work and its projection, kept up to date as actions are added. */
interface Track {
  demand: readonly DemandHour[];
  hours: HourProjection[];
}

/**
 * Whether a change left the service as it was where it matters: every hour that met the limits
 * still does, and no hour that failed got worse. Compares from `from` until the projections share
 * their hours again (projectService reuses the unchanged tail).
 */
function harmless(
  before: readonly HourProjection[],
  after: readonly HourProjection[],
  from: number,
  meets: (h: HourProjection, i: number) => boolean,
): boolean {
  for (let i = from; i < after.length && after[i] !== before[i]; i++) {
    const [b, a] = [before[i], after[i]];
    if (meets(b, i) ? !meets(a, i) : a.asaSeconds > b.asaSeconds + EPS || a.serviceLevel < b.serviceLevel - EPS) return false;
  }
  return true;
}

/**
 * The working shifts grouped by pool and end (today's, not yet over), each with its overtime:
 * `stay[k]` agents staying at least k + 1 hours past the end (never more than the agents, never
 * rising with k).
 */
function overtimeGroups(input: ActionsInput): { pool: Pool; end: number; agents: number; stay: number[] }[] {
  const groups = new Map<string, { pool: Pool; end: number; agents: number; stay: number[] }>();
  for (const s of input.working) {
    if (s.until < input.firstFullHour || s.until >= input.today || input.overtime.maxHours === 0) continue;
    const key = `${s.pool.id}\u0000${s.until}`;
    const g = groups.get(key) ?? { pool: s.pool, end: s.until, agents: 0, stay: new Array<number>(input.overtime.maxHours).fill(0) };
    g.agents += s.agents;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * Agents per hour as blocks of whole calls: each rise opens a block, each fall closes the latest
 * opened first.
 * @example blocksOf([1, 3, 3, 1]) //=> [{ start: 1, hours: 2, agents: 2 }, { start: 0, hours: 4, agents: 1 }]
 */
function blocksOf(counts: readonly number[]): { start: number; hours: number; agents: number }[] {
  const out: { start: number; hours: number; agents: number }[] = [];
  const open: { start: number; agents: number }[] = [];
  let level = 0;
  for (let i = 0; i <= counts.length; i++) {
    const c = counts[i] ?? 0;
    while (level > c) {
      const top = open[open.length - 1];
      const cut = Math.min(top.agents, level - c);
      out.push({ start: top.start, hours: i - top.start, agents: cut });
      top.agents -= cut;
      level -= cut;
      if (top.agents === 0) open.pop();
    }
    if (c > level) {
      open.push({ start: i, agents: c - level });
      level = c;
    }
  }
  return out;
}

/** Actions of the same kind, pool, start and length as one (agents and cost added), in time order. */
function mergeActions(actions: readonly Action[]): Action[] {
  const merged = new Map<string, Action>();
  for (const a of actions) {
    const key = `${a.kind} ${a.pool.id} ${a.start} ${a.hours}`;
    const m = merged.get(key);
    merged.set(key, m ? { ...m, agents: m.agents + a.agents, cost: m.cost + a.cost } : a);
  }
  const kinds = ['activate_standby', 'offer_overtime', 'offer_time_off'];
  return [...merged.values()].sort(
    (a, b) =>
      a.start - b.start ||
      kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
      (a.pool.id < b.pool.id ? -1 : a.pool.id > b.pool.id ? 1 : 0) ||
      a.hours - b.hours,
  );
}
