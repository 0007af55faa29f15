import { money, pct } from '../domain/format.js';
import { formatTimestamp, HOUR_MS } from '../domain/time.js';
import type { Instant } from '../domain/types.js';
import { availableAgents } from '../staffing/onDuty.js';
import type { Action } from './actions.js';
import { type DemandHour, type HourProjection, projectService } from './projectService.js';

/** What a reason reads: the remaining hours, their contacts, and the projection with every action taken. */
export interface ReasonContext {
  /** The remaining hours' instants. */
  hours: readonly Instant[];
  /** Today's date (`YYYY-MM-DD`): hours of other days name their date. */
  today: string;
  timeZone: string;
  currency: string;
  maxAsaSeconds: number;
  shrinkage: number;
  overtimePremium: number;
  /** Contacts per remaining hour: the plan's, the re-forecast's and its hi80. */
  planned: readonly number[];
  expected: readonly number[];
  upper: readonly number[];
  demand: readonly DemandHour[];
  staffed: readonly number[];
  projection: readonly HourProjection[];
  upperProjection: readonly HourProjection[];
  /** Whether a remaining hour meets the ASA limit and the service target. */
  meets: (h: HourProjection, i: number) => boolean;
}

/**
 * Why an action, in one sentence a team lead reads: how the hours it covers run against the plan,
 * what it does to the ASA (against the projection without it), and what it costs.
 * @example
 * reason(action, context)
 * //=> 'From 14:00 to 17:00 contacts run 38% above plan (1,240 expected, 900 planned); calling in 6
 * //   on-call agents of standby keeps ASA within 60 s and the service level at target (41 s and 82%;
//   142 s and 35% without them). Costs CNY 1,260.'
 */
export function reason(a: Action, c: ReasonContext): string {
  const end = a.start + a.hours;
  const sum = (xs: readonly number[]) => xs.slice(a.start, end).reduce((s, x) => s + x, 0);
  const [expected, planned] = [sum(c.expected), sum(c.planned)];
  const when = span(a.start, end, c);
  const running = `contacts run ${level(expected, planned)} (${money(expected)} expected, ${money(planned)} planned)`;
  const agents = plural(a.agents, 'agent');
  const worst = (p: readonly HourProjection[]) => Math.round(Math.max(...p.slice(a.start, end).map((h) => h.asaSeconds)));
  if (a.kind === 'offer_time_off') {
    return (
      `${when} ${running}, at most ${money(sum(c.upper))} at the upper forecast; ${agents} of ${a.pool.id} may leave at ` +
      `${clock(c.hours[a.start], c.timeZone)} and ASA stays within ${c.maxAsaSeconds} s (${worst(c.projection)} s, ` +
      `${worst(c.upperProjection)} s at the upper forecast). Saves ${c.currency} ${money(-a.cost)}.`
    );
  }
  const [after, before] = [worstOf(c.projection, a), worstOf(withoutAction(a, c), a)];
  const met = c.projection.slice(a.start, end).every((h, k) => c.meets(h, a.start + k));
  const verb = a.kind === 'activate_standby' || a.agents === 1 ? 'keeps' : 'keep';
  const effect = met
    ? `${verb} ASA within ${c.maxAsaSeconds} s and the service level at target (${after}; ${before} without them)`
    : `${verb.replace('keep', 'take')} ASA and the service level from ${before} to ${after}, still short of the limits`;
  const who =
    a.kind === 'activate_standby'
      ? `calling in ${plural(a.agents, 'on-call agent')} of ${a.pool.id}`
      : `${agents} of ${a.pool.id} whose shift ends at ${clock(c.hours[a.start], c.timeZone)} staying ${plural(a.hours, 'hour')}`;
  const pay = a.kind === 'offer_overtime' ? ` at overtime pay (${1 + c.overtimePremium} times the rate)` : '';
  return `${when} ${running}; ${who} ${effect}. Costs ${c.currency} ${money(a.cost)}${pay}.`;
}

/** `15 s and 86%`: the longest ASA and the lowest service level of the action's hours. */
function worstOf(p: readonly HourProjection[], a: Action): string {
  const hours = p.slice(a.start, a.start + a.hours);
  return `${Math.round(Math.max(...hours.map((h) => h.asaSeconds)))} s and ${pct(Math.min(...hours.map((h) => h.serviceLevel)))}`;
}

/** The projection of the action's hours (and those its backlog reaches) without it. */
function withoutAction(a: Action, c: ReasonContext): HourProjection[] {
  const agents = c.staffed.map((s, i) =>
    availableAgents(i >= a.start && i < a.start + a.hours ? Math.max(0, s - a.agents * a.pool.productivity) : s, c.shrinkage),
  );
  return projectService(c.demand, agents, { hours: c.projection, change: { from: a.start, until: a.start + a.hours - 1 } });
}

/** `From 14:00 to 17:00`, with the date when not today. */
function span(start: number, end: number, c: ReasonContext): string {
  const first = formatTimestamp(c.hours[start], c.timeZone);
  const date = first.slice(0, 10) === c.today ? '' : ` on ${first.slice(0, 10)}`;
  return `From ${clock(c.hours[start], c.timeZone)} to ${clock(c.hours[end - 1] + HOUR_MS, c.timeZone)}${date}`;
}

/** `14:00`: the local time of an instant. */
function clock(t: Instant, timeZone: string): string {
  return formatTimestamp(t, timeZone).slice(11, 16);
}

/** `38% above plan`, `12% below plan`, `at plan`. */
function level(expected: number, planned: number): string {
  if (!(planned > 0)) return 'on a plan of none';
  const percent = Math.round((100 * (expected - planned)) / planned);
  if (percent === 0) return 'at plan';
  return `${Math.abs(percent)}% ${percent > 0 ? 'above' : 'below'} plan`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
