import type { Roster, RosterProblem } from './types.js';
import { WEEKDAYS, weekdayOfDate } from '../domain/time.js';
import { roundTo } from '../domain/round.js';

const TOL = 1e-6;
// Day names as roster.json writes them.
const DAYS: readonly string[] = WEEKDAYS;

/**
 * Checks a roster against the SPEC's hard rules and its own reported figures, recomputing
 * everything from `roster.shifts` alone (deliberately sharing no code with the model builder):
 * integral agents, allowed lengths and start hours, coverage floors, max_agents, outsourced
 * share, budget, the standby cover, and the hourly, cost and KPI figures; tours must expand exactly into their
 * pool's shifts. Returns the problems found; an empty list means the roster is valid.
 * `floors: false` checks every rule but the coverage floors (a best-effort roster, bestEffort.ts).
 * @example verifyRoster(problem, { ...roster, cost: { ...roster.cost, total: 1 } })
 * //=> ['reported cost.total 1 differs from the recomputed 123456']
 */
export function verifyRoster(problem: RosterProblem, roster: Roster, options: { floors: boolean } = { floors: true }): string[] {
  const { slots, pools } = problem;
  const n = slots.length;
  const slotOf = new Map(slots.map((s, h) => [s.label, h]));
  const errors: string[] = [];
  const staffed = new Array<number>(n).fill(0);
  const heads = new Map(pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
  const byPool = new Map(pools.map((p) => [p.id, 0]));
  let paid = 0;
  let outsourcedPaid = 0;

  for (const shift of roster.shifts) {
    const pool = pools.find((p) => p.id === shift.pool);
    const start = slotOf.get(shift.start);
    if (!pool || start === undefined) {
      errors.push(`shift ${JSON.stringify(shift)}: unknown pool or start outside the week`);
      continue;
    }
    if (!Number.isInteger(shift.agents) || shift.agents <= 0)
      errors.push(`shift ${JSON.stringify(shift)}: agents must be a positive integer`);
    if (!pool.shift_lengths.includes(shift.hours))
      errors.push(`shift ${JSON.stringify(shift)}: ${shift.hours} h is not a shift length of ${pool.id}`);
    // Tour shifts may move off a missing DST hour; their start hours are checked on the tours.
    if (!pool.week_pattern && pool.start_hours && !pool.start_hours.includes(slots[start].hourOfDay)) {
      errors.push(`shift ${JSON.stringify(shift)}: ${pool.id} may not start at ${slots[start].hourOfDay}:00`);
    }
    for (let k = 0; k < shift.hours; k++) {
      const h = (start + k) % n;
      staffed[h] += shift.agents * pool.productivity;
      heads.get(pool.id)![h] += shift.agents;
      byPool.set(pool.id, byPool.get(pool.id)! + shift.agents * pool.cost_per_hour * (1 + (slots[h].night ? pool.night_premium : 0)));
    }
    paid += shift.agents * shift.hours;
    if (pool.kind === 'outsourced') outsourcedPaid += shift.agents * shift.hours;
  }

  const standby = verifyStandby(problem, roster, staffed);
  errors.push(...standby.errors);
  for (const [pool, cost] of standby.byPool) byPool.set(pool, cost);

  // Hard rules.
  slots.forEach((slot, h) => {
    if (options.floors && staffed[h] + TOL < slot.floor)
      errors.push(`${slot.label}: staffed ${fmt(staffed[h])} is below the coverage floor ${fmt(slot.floor)}`);
  });
  if (problem.teams) errors.push(...verifyTeams(problem, roster));
  const tiered = problem.tiers ? verifyTiers(problem, roster, heads, options.floors) : null;
  if (tiered) errors.push(...tiered.errors);
  for (const pool of pools) {
    const most = Math.max(...heads.get(pool.id)!);
    if (pool.max_agents !== null && most > pool.max_agents)
      errors.push(`pool ${pool.id}: ${most} agents on shift at once, max_agents is ${pool.max_agents}`);
  }
  const share = problem.maxOutsourcedShare;
  if (share !== null && outsourcedPaid > share * paid + TOL)
    errors.push(`outsourced share ${fmt(outsourcedPaid / paid)} is above ${share}`);
  const total = [...byPool.values()].reduce((a, b) => a + b, 0);
  if (problem.budget !== null && total > problem.budget * (1 + 1e-9))
    errors.push(`cost ${fmt(total)} is above the budget ${problem.budget}`);
  errors.push(...verifyTours(problem, roster));

  // Reported figures agree with the recomputation.
  const shortfall = tiered ? tiered.shortfall : slots.map((s, h) => Math.max(0, s.staffNeeded - staffed[h]));
  const agree = (what: string, reported: number | null, actual: number | null) => {
    const bad =
      reported === null || actual === null ? reported !== actual : Math.abs(reported - actual) > TOL * Math.max(1, Math.abs(actual));
    if (bad) errors.push(`reported ${what} ${reported} differs from the recomputed ${actual === null ? null : fmt(actual)}`);
  };
  if (roster.hourly.length !== n) errors.push(`hourly has ${roster.hourly.length} rows for ${n} slots`);
  roster.hourly.slice(0, n).forEach((row, h) => {
    if (row.timestamp !== slots[h].label) errors.push(`hourly row ${h} is ${row.timestamp}, expected ${slots[h].label}`);
    agree(`staffed at ${row.timestamp}`, row.staffed, staffed[h]);
    agree(`shortfall at ${row.timestamp}`, row.shortfall, shortfall[h]);
    agree(`staff_needed at ${row.timestamp}`, row.staff_needed, slots[h].staffNeeded);
  });
  agree('cost.total', roster.cost.total, total);
  for (const [pool, cost] of byPool) agree(`cost.by_pool.${pool}`, roster.cost.by_pool[pool] ?? 0, cost);
  agree('cost.shortfall_penalty', roster.cost.shortfall_penalty, problem.shortfallPenalty * shortfall.reduce((a, b) => a + b, 0));
  agree('kpis.outsourced_share', roster.kpis.outsourced_share, paid > 0 ? outsourcedPaid / paid : 0);
  // With tiers, an hour covers what its reported tier split covers (that split is checked above).
  const coveredAt = (h: number) =>
    tiered ? (roster.hourly[h]?.tiers ?? []).reduce((a, t) => a + Math.min(t.staffed, t.staff_needed), 0) : staffed[h];
  const covered = (hs: number[]) => {
    const need = hs.reduce((a, h) => a + slots[h].staffNeeded, 0);
    return need > 0 ? hs.reduce((a, h) => a + Math.min(coveredAt(h), slots[h].staffNeeded), 0) / need : 1;
  };
  const all = slots.map((_, h) => h);
  agree('kpis.coverage', roster.kpis.coverage, covered(all));
  agree('kpis.night_coverage', roster.kpis.night_coverage, covered(all.filter((h) => slots[h].night)));
  agree('kpis.budget_used', roster.kpis.budget_used, problem.budget ? total / problem.budget : null);
  return errors;
}

/**
 * Standby pools (SPEC section 7), from `roster.standby` alone: valid on-call shifts (a standby
 * pool's lengths and start hours, positive integer agents, max_agents), staffed + on-call staff
 * at least coverage x the hi80 need in every slot, and the hourly on_call figures. Returns the
 * errors and each standby pool's retainer cost.
 */
function verifyStandby(problem: RosterProblem, roster: Roster, staffed: readonly number[]) {
  const { slots } = problem;
  const n = slots.length;
  const errors: string[] = [];
  const byPool = new Map<string, number>();
  if (!problem.standby) {
    if (roster.standby?.length) errors.push('roster lists standby shifts but the configuration has no standby pool');
    return { errors, byPool };
  }
  const slotOf = new Map(slots.map((s, h) => [s.label, h]));
  const onCall = new Array<number>(n).fill(0);
  const heads = new Map(problem.standby.pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
  for (const p of problem.standby.pools) byPool.set(p.id, 0);
  if (!roster.standby) errors.push('roster has no standby list but the configuration has a standby pool');
  for (const shift of roster.standby ?? []) {
    const pool = problem.standby.pools.find((p) => p.id === shift.pool);
    const start = slotOf.get(shift.start);
    if (!pool || start === undefined) {
      errors.push(`standby shift ${JSON.stringify(shift)}: not a standby pool, or start outside the week`);
      continue;
    }
    if (!Number.isInteger(shift.agents) || shift.agents <= 0)
      errors.push(`standby shift ${JSON.stringify(shift)}: agents must be a positive integer`);
    if (!pool.shift_lengths.includes(shift.hours))
      errors.push(`standby shift ${JSON.stringify(shift)}: ${shift.hours} h is not a shift length of ${pool.id}`);
    if (pool.start_hours && !pool.start_hours.includes(slots[start].hourOfDay))
      errors.push(`standby shift ${JSON.stringify(shift)}: ${pool.id} may not start at ${slots[start].hourOfDay}:00`);
    for (let k = 0; k < shift.hours; k++) {
      onCall[(start + k) % n] += shift.agents * pool.productivity;
      heads.get(pool.id)![(start + k) % n] += shift.agents;
    }
    byPool.set(pool.id, byPool.get(pool.id)! + shift.agents * shift.hours * (pool.retainer_per_hour ?? 0));
  }
  for (const pool of problem.standby.pools) {
    const most = Math.max(...heads.get(pool.id)!);
    if (pool.max_agents !== null && most > pool.max_agents)
      errors.push(`standby pool ${pool.id}: ${most} agents on call at once, max_agents is ${pool.max_agents}`);
  }
  slots.forEach((slot, h) => {
    const need = problem.standby!.coverage * (slot.staffNeededHigh ?? 0);
    if (staffed[h] + onCall[h] + TOL < need)
      errors.push(`${slot.label}: staffed ${fmt(staffed[h])} and on call ${fmt(onCall[h])} are below the standby cover ${fmt(need)}`);
    const row = roster.hourly[h];
    if (row && (row.on_call === undefined || Math.abs(row.on_call - onCall[h]) > TOL * Math.max(1, onCall[h])))
      errors.push(`reported on_call at ${slot.label} ${row.on_call} differs from the recomputed ${fmt(onCall[h])}`);
  });
  return { errors, byPool };
}

/**
 * Tiers (issue 13), from the head counts per pool and hour and the problem's lists of which pools
 * serve which tier. For each hour and every non-empty set U of tiers, N(U) the pools serving any
 * tier of U: staff(N(U)) >= the floors of U (Hall's condition: a split meeting every tier floor
 * exists exactly then); the least shortfall is max over U of (need(U) - staff(N(U)))^+ (max-flow
 * min-cut). The reported tier rows must name the tiers in order with their needs, add up to the
 * hour's staff, take no more than N(U) can give for any U (so some pools' split yields them),
 * state shortfall = max(0, need - staffed), and leave the least shortfall.
 */
function verifyTiers(
  problem: RosterProblem,
  roster: Roster,
  heads: Map<string, number[]>,
  floors: boolean,
): { errors: string[]; shortfall: number[] } {
  const tiers = problem.tiers!;
  const errors: string[] = [];
  const m = tiers.length;
  const productivity = new Map(problem.pools.map((p) => [p.id, p.productivity]));
  const sets = Array.from({ length: (1 << m) - 1 }, (_, i) => {
    const members = tiers.filter((_, k) => ((i + 1) >> k) & 1);
    const pools = problem.pools.filter((p) => members.some((t) => t.pools.includes(p.id)));
    return { ks: tiers.flatMap((_, k) => (((i + 1) >> k) & 1 ? [k] : [])), names: members.map((t) => t.name), pools };
  });
  const shortfall = problem.slots.map((slot, h) => {
    const label = slot.label;
    const reach = (pools: typeof problem.pools) => pools.reduce((a, p) => a + heads.get(p.id)![h] * productivity.get(p.id)!, 0);
    const total = reach(problem.pools);
    const per = slot.tiers ?? [];
    if (per.length !== m) errors.push(`${label}: ${per.length} tier needs for ${m} tiers`);
    let least = 0;
    for (const u of sets) {
      const can = reach(u.pools);
      const floor = u.ks.reduce((a, k) => a + (per[k]?.floor ?? 0), 0);
      const need = u.ks.reduce((a, k) => a + (per[k]?.staffNeeded ?? 0), 0);
      if (floors && can + TOL < floor)
        errors.push(`${label}: the pools serving ${u.names.join(', ')} staff ${fmt(can)}, below the tier floor ${fmt(floor)}`);
      least = Math.max(least, need - can);
    }
    const rows = roster.hourly[h]?.tiers;
    if (!rows || rows.length !== m) {
      errors.push(`${label}: hourly row has no tier split of ${m} tiers`);
      return least;
    }
    rows.forEach((r, k) => {
      if (r.tier !== tiers[k].name) errors.push(`${label}: tier row ${k} is ${r.tier}, expected ${tiers[k].name}`);
      if (Math.abs(r.staff_needed - (per[k]?.staffNeeded ?? 0)) > TOL * Math.max(1, r.staff_needed))
        errors.push(`${label}: tier ${r.tier} staff_needed ${r.staff_needed} differs from ${fmt(per[k]?.staffNeeded ?? 0)}`);
      if (r.staffed < -TOL) errors.push(`${label}: tier ${r.tier} staffed ${r.staffed} is negative`);
      if (Math.abs(r.shortfall - Math.max(0, r.staff_needed - r.staffed)) > TOL * Math.max(1, r.staff_needed))
        errors.push(`${label}: tier ${r.tier} shortfall ${r.shortfall} is not max(0, need - staffed)`);
    });
    const sum = rows.reduce((a, r) => a + r.staffed, 0);
    if (Math.abs(sum - total) > TOL * Math.max(1, total) * m)
      errors.push(`${label}: tier rows staff ${fmt(sum)}, the hour's pools ${fmt(total)}`);
    for (const u of sets) {
      const took = u.ks.reduce((a, k) => a + rows[k].staffed, 0);
      const can = reach(u.pools);
      if (took > can + TOL * Math.max(1, can) * m)
        errors.push(`${label}: tier rows give ${u.names.join(', ')} ${fmt(took)}, more than the pools serving them staff (${fmt(can)})`);
    }
    const split = rows.reduce((a, r) => a + Math.max(0, r.staff_needed - r.staffed), 0);
    if (split > least + TOL * Math.max(1, least) * m)
      errors.push(`${label}: the tier split leaves ${fmt(split)} short, the least possible is ${fmt(least)}`);
    return least;
  });
  return { errors, shortfall };
}

/** Tours of a week_pattern pool follow the pattern and expand exactly into the pool's shifts. */
/**
 * Named pools (issue 14): each pool's shifts, counted from `roster.shifts` by start, within what
 * its team can staff (TeamCapacity): paid hours and shifts in their ranges, starts on each day,
 * night-covering starts on each day and every start cap.
 */
function verifyTeams(problem: RosterProblem, roster: Roster): string[] {
  const { slots } = problem;
  const n = slots.length;
  const slotOf = new Map(slots.map((s, h) => [s.label, h]));
  const errors: string[] = [];
  for (const team of problem.teams!) {
    const mine = roster.shifts.flatMap((s) => {
      const start = slotOf.get(s.start);
      return s.pool === team.pool && start !== undefined ? [{ start, hours: s.hours, agents: s.agents }] : [];
    });
    const total = (keep: (s: { start: number; hours: number }) => boolean) => mine.filter(keep).reduce((a, s) => a + s.agents, 0);
    const hours = mine.reduce((a, s) => a + s.agents * s.hours, 0);
    const shifts = total(() => true);
    const say = (what: string) => errors.push(`pool ${team.pool}: ${what}`);
    if (hours < team.minHours - TOL || hours > team.maxHours + TOL)
      say(`${fmt(hours)} paid hours, outside what its agents can work [${fmt(team.minHours)}, ${fmt(team.maxHours)}]`);
    if (shifts < team.minShifts || shifts > team.maxShifts)
      say(`${shifts} shifts, outside what its agents can work [${team.minShifts}, ${team.maxShifts}]`);
    const night = (s: { start: number; hours: number }) =>
      Array.from({ length: s.hours }, (_, k) => slots[(s.start + k) % n].night).some(Boolean);
    team.startsByDay.forEach((cap, day) => {
      const k = total((s) => slots[s.start].day === day);
      if (k > cap) say(`${k} shifts start on day ${day}, more than the ${cap} agents free to`);
    });
    team.nightStartsByDay.forEach((cap, day) => {
      const k = total((s) => slots[s.start].day === day && night(s));
      if (k > cap) say(`${k} night shifts start on day ${day}, more than the ${cap} agents free to take one`);
    });
    for (const cap of team.startCaps) {
      const listed = new Set(cap.shifts.map((s) => `${s.start}|${s.hours}`));
      const k = total((s) => listed.has(`${s.start}|${s.hours}`));
      if (k > cap.agents) say(`${k} of the shifts starting on day ${cap.day} that only ${cap.agents} agents may take`);
    }
    if (team.unschedulable.length > 0) say(`no schedule meets the contract of ${team.unschedulable.map((u) => u.agent).join(', ')}`);
  }
  return errors;
}

function verifyTours(problem: RosterProblem, roster: Roster): string[] {
  const errors: string[] = [];
  const firstWeekday = weekdayOfDate(problem.weekStart);
  const dayOf = (name: string) => (DAYS.indexOf(name) - firstWeekday + 7) % 7;
  for (const pool of problem.pools.filter((p) => p.week_pattern)) {
    const { days, consecutive_days_off } = pool.week_pattern!;
    const want = new Map<string, number>();
    for (const tour of roster.tours.filter((t) => t.pool === pool.id)) {
      const off = tour.days_off.map(dayOf).sort((a, b) => a - b);
      const offSet = new Set(off);
      if (tour.days_off.some((d) => !DAYS.includes(d)) || offSet.size !== 7 - days)
        errors.push(`tour ${JSON.stringify(tour)}: needs ${7 - days} distinct days off`);
      else if (consecutive_days_off && off.length > 0 && !off.some((d) => off.every((_, i) => offSet.has((d + i) % 7))))
        errors.push(`tour ${JSON.stringify(tour)}: days off are not consecutive`);
      if (pool.start_hours && !pool.start_hours.includes(tour.start_hour))
        errors.push(`tour ${JSON.stringify(tour)}: ${pool.id} may not start at ${tour.start_hour}:00`);
      const horizonDays = problem.slots[problem.slots.length - 1].day + 1;
      for (let day = 0; day < horizonDays; day++) {
        // Tours repeat every week of the horizon.
        if (offSet.has(day % 7)) continue;
        // The day's first slot at or after the start hour (a missing DST hour moves to the next).
        const slot = problem.slots.find((s) => s.day === day && s.hourOfDay >= tour.start_hour);
        const key = `${slot?.label}|${tour.hours}`;
        want.set(key, (want.get(key) ?? 0) + tour.agents);
      }
    }
    const got = new Map<string, number>();
    for (const s of roster.shifts.filter((s) => s.pool === pool.id))
      got.set(`${s.start}|${s.hours}`, (got.get(`${s.start}|${s.hours}`) ?? 0) + s.agents);
    const same = want.size === got.size && [...want].every(([k, v]) => got.get(k) === v);
    if (!same) errors.push(`pool ${pool.id}: shifts are not exactly the expansion of its tours`);
  }
  return errors;
}

const fmt = (v: number) => String(roundTo(v, 4));
