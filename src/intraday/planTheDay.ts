import { roundTo } from '../domain/round.js';
import { formatTimestamp, localDate } from '../domain/time.js';
import { agentsNeeded } from '../staffing/agentsNeeded.js';
import { availableAgents, staffedBySlot } from '../staffing/onDuty.js';
import { type ShiftSpan, planActions } from './actions.js';
import { dayAlerts } from './dayAlerts.js';
import { type PlacedShift, placeShifts } from './placeShifts.js';
import type { DemandHour } from './projectService.js';
import { reason } from './reasons.js';
import { reforecast } from './reforecast.js';
import { absenceFactor, ahtFactor } from './todaysDeparture.js';
import type { DayAnswer, DayInput } from './types.js';

/**
 * The day's corrections (SPEC section 7): the re-forecast of every remaining hour of the week, the
 * service projected for each with the roster (backlog carried across overloaded hours), the
 * cheapest actions that bring each within the ASA limit and the service target, and alerts for
 * the hours nothing left can fix. Pure and deterministic.
 *
 * The remaining hours' work is the re-forecast's contacts times the plan's handled share, at the
 * plan's handle time; today's remaining hours also take today's departures so far: the handle
 * time's (`ahtFactor`) and the agents showing up (`absenceFactor`, on the roster's staff). Other
 * days keep the plan's. Agents available are floor(staffed x (1 - shrinkage)) as in the plan,
 * actions included (a called-in agent takes breaks too). Overtime and time off are offered for
 * today; on-call agents are called for any remaining hour that needs them (`planActions`).
 * @throws InputError when the actuals do not fit the plan's week or `now` (reforecast), or a
 *   shift names an unknown pool or an hour off the week
 * @example
 * const answer = planTheDay(input);
 * answer.actions[0]
 * //=> { kind: 'activate_standby', pool: 'standby', start: '2026-12-01T14:00', hours: 3, agents: 6, cost: 1260, reason: 'From 14:00 ...' }
 */
export function planTheDay(input: DayInput): DayAnswer {
  const { timeZone, shrinkage } = input;
  const plan = [...input.hours].sort((a, b) => a.t - b.t);
  const ahead = reforecast({
    plan: plan.map(({ t, contacts, lo80, hi80 }) => ({ t, contacts, lo80, hi80 })),
    actuals: input.actuals.map(({ t, contacts }) => ({ t, contacts })),
    now: input.now,
    timeZone,
    file: input.actualsFile,
    nowFrom: input.nowFrom,
  });
  // The re-forecast covers the hour holding `now` and every later one: the remaining hours.
  const first = plan.length - ahead.length;
  const remaining = plan.slice(first);
  const today = localDate(input.now, timeZone);
  const todayEnd = remaining.findIndex((p) => localDate(p.t, timeZone) !== today);
  const todayHours = todayEnd < 0 ? remaining.length : todayEnd;

  const week = plan.map((p) => p.t);
  const placed = placeShifts(input.shifts, week, input.pools, timeZone, 'roster.json');
  const staffed = staffedBySlot(
    placed.map((s) => ({ ...s, productivity: s.pool.productivity })),
    plan.length,
  );
  const actualAt = new Map(input.actuals.map((a) => [a.t, a]));
  const ended = plan.slice(0, first).filter((p) => localDate(p.t, timeZone) === today);
  const endedActuals = ended.map((p) => actualAt.get(p.t));
  const absence = absenceFactor(
    ended.map((_, k) => availableAgents(staffed[first - ended.length + k], shrinkage)),
    endedActuals,
  );
  const aht = ahtFactor(ended, endedActuals);
  const isToday = (i: number) => i < todayHours;

  const work = (contacts: (i: number) => number): DemandHour[] =>
    remaining.map((p, i) => ({
      handled: contacts(i) * p.handledShare,
      ahtSeconds: p.ahtSeconds * (isToday(i) ? aht : 1),
      concurrency: p.concurrency,
      target: p.target,
    }));
  const demand = work((i) => ahead[i].contacts);
  const upper = work((i) => ahead[i].hi80);
  const base = remaining.map((_, i) => staffed[first + i] * (isToday(i) ? absence : 1));
  const span = (s: PlacedShift): ShiftSpan => ({
    pool: s.pool,
    from: s.startSlot - first,
    // A shift wrapping past the week's end covers the week's first hours, long past: cut it at the end.
    until: Math.min(s.startSlot + s.hours, plan.length) - first,
    agents: s.agents,
  });
  const firstFullHour = input.now === remaining[0].t ? 0 : 1;
  const result = planActions({
    demand,
    upper,
    planned: remaining.map((p) => p.contacts),
    upperContacts: ahead.map((f) => f.hi80),
    base,
    night: remaining.map((p) => p.night),
    shrinkage,
    maxAsaSeconds: input.maxAsaSeconds,
    today: todayHours,
    firstFullHour,
    working: placed.map(span).filter((s) => s.until > 0),
    onCall: placeShifts(input.standby, week, input.pools, timeZone, 'roster.json')
      .map(span)
      .filter((s) => s.until > 0)
      .map((s) => ({ ...s, from: Math.max(0, s.from) })),
    overtime: input.overtime,
  });

  const hours = remaining.map((p) => p.t);
  const stamp = (i: number) => formatTimestamp(hours[i], timeZone, input.withOffset);
  const context = {
    hours,
    today,
    timeZone,
    currency: input.currency,
    maxAsaSeconds: input.maxAsaSeconds,
    shrinkage,
    overtimePremium: input.overtime.premium,
    planned: remaining.map((p) => p.contacts),
    expected: ahead.map((f) => f.contacts),
    upper: ahead.map((f) => f.hi80),
    demand,
    staffed: result.staffed,
    projection: result.projection,
    upperProjection: result.upperProjection,
    meets: result.meets,
  };
  return {
    now: formatTimestamp(input.now, timeZone, input.withOffset),
    reforecast: ahead.map((f, i) => ({
      timestamp: stamp(i),
      contacts: roundTo(f.contacts, 2),
      lo80: roundTo(f.lo80, 2),
      hi80: roundTo(f.hi80, 2),
    })),
    projected: result.projection.map((h, i) => ({
      timestamp: stamp(i),
      staffed: roundTo(result.staffed[i], 3),
      agents_needed: agentsNeeded(demand[i].handled, demand[i].ahtSeconds / demand[i].concurrency, demand[i].target),
      service_level: roundTo(h.serviceLevel, 4),
      asa_seconds: roundTo(h.asaSeconds, 1),
    })),
    actions: result.actions.map((a) => ({
      kind: a.kind,
      pool: a.pool.id,
      start: stamp(a.start),
      hours: a.hours,
      agents: a.agents,
      cost: roundTo(a.cost, 2),
      reason: reason(a, context),
    })),
    alerts: dayAlerts({
      hours,
      timeZone,
      withOffset: input.withOffset,
      maxAsaSeconds: input.maxAsaSeconds,
      demand,
      agents: result.staffed.map((s) => availableAgents(s, shrinkage)),
      projection: result.projection,
      meets: result.meets,
    }),
  };
}
