import type { PlanConfig } from '../domain/config.js';
import { MIN_TRAIN_WEEKS } from '../forecast/backtest.js';
import { isNightHour } from '../roster/problem.js';
import type { Roster } from '../roster/types.js';
import { money, pct } from '../domain/format.js';

/** One alert of summary.json (SPEC section 3, Alerts). */
export interface Alert {
  kind:
    | 'asa_over_limit'
    | 'over_budget'
    | 'outsourced_share_over'
    | 'night_coverage_under'
    | 'shortfall_over'
    | 'quality_over'
    | 'history_short';
  severity: 'critical' | 'warning';
  /** Timestamps of the hours concerned (empty for weekly alerts). */
  hours: string[];
  value: number;
  threshold: number;
  message: string;
}

/** What the alerts are computed from, beyond the roster. */
export interface AlertFacts {
  /** Delivered ASA per hour of the roster, seconds (aligned with roster.hourly). */
  asaSeconds: number[];
  /** Per hour, the staff to call in for ASA within alerts.max_asa_seconds (agentsShortOfAsa over 1 - shrinkage); absent: not said. */
  callIn?: number[];
  /** Least cost of staffing every hour fully (no shortfall), or null when unknown. */
  fullCoverageCost: number | null;
  currency: string;
  /** The outsourced share that brings full coverage within budget, found by re-solving (budgetRemedy.ts), when searched. */
  remedy?: RemedyFacts;
}

/** What the `over_budget` message proposes: a BudgetRemedy with the service its roster delivers. */
export interface RemedyFacts {
  /** The least max_outsourced_share that fits the budget; null when even outsourcing without a cap does not. */
  share: number | null;
  /** Cost of the re-solved full-coverage roster at that share (with no cap when none fits); null when none was found. */
  cost: number | null;
  /** Per outsourced pool, its part of the outsourced paid hours. */
  split: Record<string, number>;
  /** Contact-weighted share answered within the target that roster delivers; null when unknown. */
  serviceLevel: number | null;
}

/** ASA is reported up to an hour; beyond that the queue does not clear within the hour. */
const MAX_REPORTED_ASA = 3600;

/**
 * What the ASA alarm asks of the standby pool (SPEC section 3): how many on-call agents at the
 * worst hour, when, the agent-hours in all and what calling them in costs (the standby pool's
 * cost_per_hour, with its night premium), and how much of it the planned on-call shifts hold.
 */
function callInText(roster: Roster, config: PlanConfig, facts: AlertFacts, slow: Roster['hourly']): string {
  const pool = config.pools.find((p) => p.kind === 'standby');
  if (!facts.callIn) return 'call in the standby pool for them.';
  const index = new Map(roster.hourly.map((h, i) => [h.timestamp, i]));
  const rows = slow.map((h) => ({ h, i: index.get(h.timestamp)!, staff: facts.callIn![index.get(h.timestamp)!] }));
  const worst = rows.reduce((a, b) => (b.staff > a.staff ? b : a));
  const agents = (staff: number) => Math.ceil(staff / (pool?.productivity ?? 1) - 1e-9);
  const agentHours = rows.reduce((a, r) => a + agents(r.staff), 0);
  const need = `about ${agents(worst.staff)} more agents at ${worst.h.timestamp}, ${money(agentHours)} agent-hours in all`;
  if (!pool) return `${need}; no standby pool is planned (add a pool of kind standby) or staff those hours.`;
  // Timestamps are local wall-clock time (YYYY-MM-DDTHH:mm...), so the hour of day is in the text.
  const night = (t: string) => isNightHour(Number(t.slice(11, 13)), config.night);
  const cost = rows.reduce((a, r) => a + agents(r.staff) * pool.cost_per_hour * (1 + (night(r.h.timestamp) ? pool.night_premium : 0)), 0);
  const held = rows.reduce((a, r) => a + Math.min(agents(r.staff), Math.floor((r.h.on_call ?? 0) / pool.productivity + 1e-9)), 0);
  return `call in ${need} from pool ${pool.id}, about ${moneyIn(cost, facts.currency)} at its call-in rate; the planned on-call shifts hold ${money(held)} of those agent-hours.`;
}

/** An amount with its currency, as alert messages state it. */
const moneyIn = (v: number, currency: string) => `${money(v)} ${currency}`;

/**
 * The alerts operations act on, with the configured thresholds. Each alert is one small rule;
 * an alert is raised only when its condition holds. On an infeasible plan only the alerts about
 * the inputs are raised (budget, quality): the roster's figures are not a plan's.
 */
export function planAlerts(roster: Roster, config: PlanConfig, facts: AlertFacts): Alert[] {
  const a = config.alerts;
  const alerts: Alert[] = [];
  const hourly = roster.status === 'infeasible' ? [] : roster.hourly;

  const slowHours = hourly.filter((_, i) => facts.asaSeconds[i] > a.max_asa_seconds);
  if (slowHours.length > 0) {
    // An hour with no more agents than its load never clears its queue: ASA is unbounded.
    const worst = Math.min(MAX_REPORTED_ASA, Math.max(...facts.asaSeconds));
    const worstText = worst >= MAX_REPORTED_ASA ? 'in some the queue never clears' : `the worst is ${worst.toFixed(0)} s`;
    alerts.push({
      kind: 'asa_over_limit',
      severity: 'critical',
      hours: slowHours.map((h) => h.timestamp),
      value: worst,
      threshold: a.max_asa_seconds,
      message: `${slowHours.length} hours will answer slower than ${a.max_asa_seconds} s on average (${worstText}): ${callInText(roster, config, facts, slowHours)}`,
    });
  }

  if (config.budget !== null && facts.fullCoverageCost !== null && overBudget(config, facts.fullCoverageCost)) {
    const over = facts.fullCoverageCost / config.budget - 1;
    const costs = `would cost at least ${moneyIn(facts.fullCoverageCost, facts.currency)}, ${pct(over)} over the budget`;
    alerts.push({
      kind: 'over_budget',
      severity: 'critical',
      hours: [],
      value: facts.fullCoverageCost,
      threshold: config.budget * (1 + a.budget_tolerance),
      message: `Covering every hour fully ${costs} of ${moneyIn(config.budget, facts.currency)}: ${remedyText(config, facts)}`,
    });
  }

  for (const pool of config.pools) {
    const rates = Object.entries(pool.quality ?? {}).filter(([, rate]) => rate !== undefined && rate > a.max_quality_rate);
    if (rates.length === 0) continue;
    const worst = Math.max(...rates.map(([, rate]) => rate!));
    const named = rates.map(([name, rate]) => `${name} of ${pct(rate!)}`).join(' and ');
    alerts.push({
      kind: 'quality_over',
      severity: 'warning',
      hours: [],
      value: worst,
      threshold: a.max_quality_rate,
      message: `Pool ${pool.id}'s ${named} exceeds ${pct(a.max_quality_rate)}: review that pool.`,
    });
  }

  if (
    roster.status !== 'infeasible' &&
    config.max_outsourced_share !== null &&
    roster.kpis.outsourced_share > config.max_outsourced_share + 1e-9
  ) {
    alerts.push({
      kind: 'outsourced_share_over',
      severity: 'warning',
      hours: [],
      value: roster.kpis.outsourced_share,
      threshold: config.max_outsourced_share,
      message: `Outsourced hours are ${pct(roster.kpis.outsourced_share)} of paid hours, over the cap of ${pct(config.max_outsourced_share)}.`,
    });
  }

  if (roster.status !== 'infeasible' && roster.kpis.night_coverage < a.min_night_coverage - 1e-9) {
    alerts.push({
      kind: 'night_coverage_under',
      severity: 'warning',
      hours: [],
      value: roster.kpis.night_coverage,
      threshold: a.min_night_coverage,
      message: `Night hours are covered at ${pct(roster.kpis.night_coverage)} of need, under ${pct(a.min_night_coverage)}.`,
    });
  }

  const shortHours = hourly.filter((h) => h.staff_needed > 0 && h.shortfall > a.max_shortfall_share * h.staff_needed + 1e-9);
  if (shortHours.length > 0) {
    const worst = Math.max(...shortHours.map((h) => h.shortfall / h.staff_needed));
    alerts.push({
      kind: 'shortfall_over',
      severity: 'warning',
      hours: shortHours.map((h) => h.timestamp),
      value: worst,
      threshold: a.max_shortfall_share,
      message: `${shortHours.length} hours are short of more than ${pct(a.max_shortfall_share)} of the staff they need (worst ${pct(worst)}).`,
    });
  }
  return alerts;
}

/** Whether full coverage costs more than the budget by over alerts.budget_tolerance (`over_budget`). */
export function overBudget(config: PlanConfig, fullCoverageCost: number | null): boolean {
  return config.budget !== null && fullCoverageCost !== null && fullCoverageCost > config.budget * (1 + config.alerts.budget_tolerance);
}

/** The `over_budget` remedy: the outsourced share (and the vendor split) that fits, with the service it buys. */
function remedyText(config: PlanConfig, facts: AlertFacts): string {
  const r = facts.remedy;
  if (!r) return 'revisit the outsourcing mix or the budget.';
  if (r.share === null) {
    const cost = r.cost === null ? 'no roster covering every hour was found' : `it costs ${moneyIn(r.cost, facts.currency)}`;
    const uncapped = `re-solved with outsourcing uncapped, ${cost}`;
    return `no outsourced share brings it within budget (${uncapped}): raise the budget or lower the coverage.`;
  }
  const vendors = Object.entries(r.split);
  const split = vendors.length > 1 ? ` (${vendors.map(([pool, part]) => `${pool} ${pct(part)}`).join(', ')} of outsourced hours)` : '';
  const service = r.serviceLevel === null ? '' : `, answering ${pct(r.serviceLevel)} within ${config.service.answer_within_seconds} s`;
  const cost = moneyIn(r.cost!, facts.currency);
  return `raise max_outsourced_share to ${r.share}: re-solved, covering every hour then costs ${cost}${split}${service}.`;
}

/** Weeks of history the forecast's backtest needs to hold one week out after its training weeks. */
export const HISTORY_WEEKS_WANTED = MIN_TRAIN_WEEKS + 1;

/**
 * `history_short` (warning): with less history than the backtest needs, the forecast chose no
 * model by held-out error and its intervals are defaults, so the plan rests on an untested forecast.
 * @param historyWeeks weeks of history before the planned week (of the shortest queue)
 */
export function historyAlerts(historyWeeks: number): Alert[] {
  if (historyWeeks >= HISTORY_WEEKS_WANTED) return [];
  const weeks = Math.floor(historyWeeks * 10) / 10;
  return [
    {
      kind: 'history_short',
      severity: 'warning',
      hours: [],
      value: weeks,
      threshold: HISTORY_WEEKS_WANTED,
      message: `The history before this week covers only ${weeks.toFixed(1)} weeks; the forecast needs ${HISTORY_WEEKS_WANTED} weeks to test its models on a held-out week, so this one is untested: check it before relying on the roster.`,
    },
  ];
}
