import { STANDBY_DEFAULTS, totalShrinkage, type PlanConfig } from '../domain/config.js';
import { agentsShortOfAsa } from '../staffing/callIn.js';
import { availableAgents } from '../staffing/onDuty.js';
import type { Requirement } from '../domain/types.js';
import type { QueueModel } from '../forecast/index.js';
import type { Roster } from '../roster/types.js';
import type { RosterService } from '../staffing/delivered.js';
import { historyAlerts, planAlerts, type Alert, type RemedyFacts } from './alerts.js';
import { roundTo } from '../domain/round.js';
import type { DayCost } from './costByDay.js';
import type { WeekRisk } from '../staffing/weekRisk.js';

/** summary.json: what a manager and finance read first. */
export interface PlanSummary {
  plan_id: string;
  week_start: string;
  created: string;
  status: Roster['status'];
  currency: string;
  cost: {
    total: number;
    by_pool: Record<string, number>;
    /** By local day and pool (night premiums and retainers included), summing to total; absent in older plans. */
    by_day?: DayCost[];
    budget: number | null;
    budget_used: number | null;
    per_handled_contact: number | null;
  };
  kpis: {
    outsourced_share: number;
    night_coverage: number;
    coverage: number;
    hours_below_target: number;
    shortfall_staff_hours: number;
    peak_staff_needed: number;
    peak_staffed: number;
    service_level: number | null;
    asa_seconds: number | null;
    contacts: number;
    handled_contacts: number;
    /** Handled contacts per paid 8-hour agent-day (the seed operation runs 180-220); null when infeasible or nobody is paid. */
    contacts_per_agent_day: number | null;
  };
  /** With tiers: each tier's week (its staff split as roster.json's hourly tiers, its own target). */
  tiers?: {
    tier: string;
    /** The tier's workday threshold (its `service.tiers` entry over the default). */
    answer_within_seconds: number;
    handled_contacts: number;
    staff_hours_needed: number;
    shortfall_staff_hours: number;
    service_level: number | null;
    asa_seconds: number | null;
  }[];
  alerts: Alert[];
  /** Only for the best roster a budget too small for the floors buys: the hours below their floor (roster.json's unmet_floors). */
  unmet_floors?: NonNullable<Roster['unmet_floors']>;
  shadow_prices: Roster['shadow_prices'];
  explanation: string;
  solver: Roster['solver'];
  /** With named agents (SPEC section 6): roster.json's `schedule` figures. */
  schedule?: NonNullable<Roster['schedule']>;
  /** With standby pools (SPEC section 7): the on-call plan that backs up the forecast's hi80. */
  standby?: {
    /** Agent-hours on call in the week, and the most agents on call at once. */
    on_call_hours: number;
    peak_on_call: number;
    /** Retainers for the week, in the plan's currency. */
    retainer_cost: number;
    /** standby.coverage: the share of the hi80 need that planned plus on-call staff cover in every hour. */
    coverage: number;
  };
  /**
   * The roster's service risk (issue 19) against the forecast's spread: per hour the probability
   * that more contacts arrive than its scheduled agents take at target, the expected hours that
   * miss, and the probability that the week's service level misses its target (day-correlated
   * Monte Carlo). Absent for infeasible plans and in older plans.
   */
  service_risk?: {
    /** service.max_miss_probability: the per-hour risk the requirements were staffed to (null: the point forecast). */
    max_miss_probability: number | null;
    week_miss_probability: number;
    expected_missed_hours: number;
    /** Every hour of the roster, in order. */
    hours: { timestamp: string; miss_probability: number }[];
  };
  files: string[];
  /** Per queue, the family (or `+`-joined average) the backtest chose and its held-out error (absent in older plans). */
  forecast?: QueueModel[];
}

export interface SummaryInputs {
  planId: string;
  /** `YYYY-MM-DD` of the week's first day. */
  weekStart: string;
  created: string;
  config: PlanConfig;
  requirements: Requirement[];
  roster: Roster;
  /** The service the roster delivers (`deliveredByHour`), its hours aligned with roster.hourly. */
  delivered: Pick<RosterService, 'hours' | 'week' | 'tiers'>;
  fullCoverageCost: number | null;
  /** The cost by local day and pool (costByDay.ts). */
  costByDay?: DayCost[];
  /** The `over_budget` remedy, when the alert is raised and its search ran. */
  remedy?: RemedyFacts;
  files: string[];
  /** Weeks of history the forecast had (of the shortest queue), when known. */
  historyWeeks?: number;
  /** What the forecast chose per queue, when known. */
  forecastModels?: QueueModel[];
  /** The roster's service risk (rosterRisk.ts), hours aligned with roster.hourly, when measured. */
  risk?: WeekRisk;
}

/** Builds summary.json from the plan's stages. */
export function buildSummary(s: SummaryInputs): PlanSummary {
  const { roster, config, requirements, delivered } = s;
  const handled = requirements.reduce((a, r) => a + r.handledContacts, 0);
  const contacts = requirements.reduce((a, r) => a + r.contacts, 0);
  const asa = delivered.week.asaSeconds;
  const infeasible = roster.status === 'infeasible';
  const paidHours = roster.shifts.reduce((a, sh) => a + sh.agents * sh.hours, 0);
  return {
    plan_id: s.planId,
    week_start: s.weekStart,
    created: s.created,
    status: roster.status,
    currency: config.currency,
    cost: {
      total: roster.cost.total,
      by_pool: roster.cost.by_pool,
      ...(s.costByDay ? { by_day: s.costByDay } : {}),
      budget: config.budget,
      budget_used: roster.kpis.budget_used,
      per_handled_contact: handled > 0 && !infeasible ? roundTo(roster.cost.total / handled, 4) : null,
    },
    kpis: {
      outsourced_share: roster.kpis.outsourced_share,
      night_coverage: roster.kpis.night_coverage,
      coverage: roster.kpis.coverage,
      hours_below_target: roster.hourly.filter((h) => h.shortfall > 1e-9).length,
      shortfall_staff_hours: roundTo(
        roster.hourly.reduce((a, h) => a + h.shortfall, 0),
        2,
      ),
      peak_staff_needed: roundTo(Math.max(0, ...roster.hourly.map((h) => h.staff_needed)), 2),
      peak_staffed: roundTo(Math.max(0, ...roster.hourly.map((h) => h.staffed)), 2),
      service_level: infeasible ? null : roundOrNull(delivered.week.serviceLevel, 4),
      asa_seconds: infeasible || asa === null || !Number.isFinite(asa) ? null : roundTo(asa, 1),
      contacts: Math.round(contacts),
      handled_contacts: Math.round(handled),
      contacts_per_agent_day: infeasible || paidHours === 0 ? null : roundTo(handled / (paidHours / 8), 1),
    },
    ...(delivered.tiers && !infeasible ? { tiers: tierKpis(roster, config, delivered.tiers) } : {}),
    alerts: [
      ...planAlerts(roster, config, {
        asaSeconds: delivered.hours.map((d) => d.asaSeconds),
        callIn: callInByHour(roster, config, requirements),
        fullCoverageCost: s.fullCoverageCost,
        currency: config.currency,
        remedy: s.remedy,
      }),
      // About the inputs, so raised on infeasible plans too.
      ...(s.historyWeeks === undefined ? [] : historyAlerts(s.historyWeeks)),
    ],
    ...(roster.unmet_floors ? { unmet_floors: roster.unmet_floors } : {}),
    shadow_prices: roster.shadow_prices,
    explanation: roster.explanation,
    solver: roster.solver,
    ...(roster.schedule ? { schedule: roster.schedule } : {}),
    ...(roster.standby ? { standby: standbyFigures(roster, config) } : {}),
    ...(s.risk && !infeasible ? { service_risk: riskFigures(s.risk, roster, config) } : {}),
    files: s.files,
    ...(s.forecastModels ? { forecast: s.forecastModels.map(roundedModel) } : {}),
  };
}

function tierKpis(roster: Roster, config: PlanConfig, weeks: NonNullable<RosterService['tiers']>): NonNullable<PlanSummary['tiers']> {
  return weeks.map((w) => {
    const rows = roster.hourly.flatMap((h) => h.tiers?.filter((t) => t.tier === w.tier) ?? []);
    return {
      tier: w.tier,
      answer_within_seconds: config.service.tiers?.[w.tier]?.answer_within_seconds ?? config.service.answer_within_seconds,
      handled_contacts: Math.round(w.handledContacts),
      staff_hours_needed: roundTo(
        rows.reduce((a, t) => a + t.staff_needed, 0),
        2,
      ),
      shortfall_staff_hours: roundTo(
        rows.reduce((a, t) => a + t.shortfall, 0),
        2,
      ),
      service_level: roundOrNull(w.serviceLevel, 4),
      asa_seconds: w.asaSeconds === null || !Number.isFinite(w.asaSeconds) ? null : roundTo(w.asaSeconds, 1),
    };
  });
}

/** summary.json's service risk. */
export type RiskFigures = NonNullable<PlanSummary['service_risk']>;

function riskFigures(risk: WeekRisk, roster: Roster, config: PlanConfig): RiskFigures {
  return {
    max_miss_probability: config.service.max_miss_probability,
    week_miss_probability: roundTo(risk.weekMissProbability, 3),
    expected_missed_hours: roundTo(risk.expectedMissedHours, 1),
    hours: roster.hourly.map((h, i) => ({ timestamp: h.timestamp, miss_probability: roundTo(risk.hours[i] ?? 0, 3) })),
  };
}

function roundedModel(m: QueueModel): QueueModel {
  const bt = m.backtest;
  return { ...m, backtest: bt && { ...bt, mae: roundTo(bt.mae, 4), wape: bt.wape === null ? null : roundTo(bt.wape, 4) } };
}

/** One queue's forecast model in words, for the report and the text summary. */
export function forecastModelText(m: QueueModel): string {
  const bt = m.backtest;
  return bt
    ? `${m.model}, WAPE ${bt.wape === null ? 'n/a' : `${(100 * bt.wape).toFixed(1)}%`} (MAE ${bt.mae.toFixed(1)}) over ${bt.weeks} held-out weeks`
    : `${m.model}, untested (history too short to hold weeks out)`;
}

function roundOrNull(v: number | null, digits: number): number | null {
  return v === null ? null : roundTo(v, digits);
}

/**
 * Per hour of the roster, the staff to call in for ASA within alerts.max_asa_seconds (pooled over
 * tiers: a planner's estimate for the alarm, not a tier split); aligned with roster.hourly.
 */
function callInByHour(roster: Roster, config: PlanConfig, requirements: readonly Requirement[]): number[] {
  const shrinkage = totalShrinkage(config.shrinkage);
  return roster.hourly.map((h, i) => {
    const r = requirements[i];
    if (!r || r.handledContacts <= 0) return 0;
    const available = availableAgents(h.staffed, shrinkage);
    const concurrency = r.concurrency ?? config.demand.concurrency;
    const short = agentsShortOfAsa(
      r.handledContacts,
      r.ahtSeconds / concurrency,
      available,
      config.alerts.max_asa_seconds,
      config.service.patience_seconds,
    );
    return short / (1 - shrinkage);
  });
}

/** The week's on-call figures from roster.json's `standby` list. */
function standbyFigures(roster: Roster, config: PlanConfig): NonNullable<PlanSummary['standby']> {
  const standby = roster.standby ?? [];
  const ids = new Set(config.pools.filter((p) => p.kind === 'standby').map((p) => p.id));
  const index = new Map(roster.hourly.map((h, i) => [h.timestamp, i]));
  const heads = new Array<number>(roster.hourly.length).fill(0);
  for (const s of standby) {
    const start = index.get(s.start)!;
    for (let k = 0; k < s.hours; k++) heads[(start + k) % heads.length] += s.agents;
  }
  return {
    on_call_hours: standby.reduce((a, s) => a + s.agents * s.hours, 0),
    peak_on_call: Math.max(0, ...heads),
    retainer_cost: roundTo(
      [...ids].reduce((a, id) => a + (roster.cost.by_pool[id] ?? 0), 0),
      2,
    ),
    coverage: config.standby?.coverage ?? STANDBY_DEFAULTS.coverage,
  };
}
