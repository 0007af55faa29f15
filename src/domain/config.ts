import { z } from 'zod';
import { isTimeZone } from './time.js';

/**
 * The plan configuration (SPEC section 3). The zod schema is the single source: it validates
 * the file at the edge, fills every default, and gives the TypeScript type the engine uses.
 */

const share = z.number().min(0).max(1);
const hourOfDay = z.number().int().min(0).max(23);

/*
 * Upper bounds on every open-ended number (issue 11). A value past them passed validation and then
 * overflowed the solver or the queueing search ("internal error"); each bound is far beyond what
 * any center uses yet small enough that sums over a week of hours and agents stay exact in a
 * double and well scaled for HiGHS, so the error names the field instead.
 */
/** Durations (handle time, waits, patience, solver time): a day. An hourly queue model says nothing about longer waits. */
const MAX_SECONDS = 86_400;
/** Money per agent-hour: 1e6 covers an agent-hour even in the currencies with the most digits (VND, IDR: ~1e5). */
const MAX_PER_HOUR = 1e6;
/** A week's budget: 1e12 pays 100,000 agents round the clock for a week at 50,000 an hour (a VND or IDR rate). */
const MAX_BUDGET = 1e12;
/** Head counts: a million agents of one pool on shift at once. */
const MAX_AGENTS = 1_000_000;

const seconds = z.number().positive().max(MAX_SECONDS);

const serviceTarget = z.object({
  answer_within_seconds: z.number().min(0).max(MAX_SECONDS),
  service_level: z.number().gt(0).lt(1),
  max_asa_seconds: seconds.nullable(),
  max_occupancy: z.number().gt(0).max(1).nullable(),
  patience_seconds: seconds.nullable(),
  max_abandon_rate: z.number().gt(0).lt(1).nullable(),
});

/** Day types a service period may name: a weekday, `workday`/`weekend` (not a holiday), `holiday`. */
export const DAY_TYPES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'workday', 'weekend', 'holiday'] as const;

/**
 * A service target for some hours of the week (issue 4): the hours whose day type is in `days`
 * (any day when absent) and whose local hour of day is in [start_hour, end_hour) (wrapping past
 * midnight when start_hour > end_hour; every hour when absent). Its fields replace the defaults.
 */
const servicePeriod = serviceTarget
  .partial()
  .extend({
    days: z.array(z.enum(DAY_TYPES)).min(1).optional(),
    start_hour: hourOfDay.optional(),
    end_hour: z.number().int().min(0).max(24).optional(),
  })
  .strict()
  .refine((p) => (p.start_hour === undefined) === (p.end_hour === undefined), {
    message: 'give both start_hour and end_hour, or neither',
    path: ['end_hour'],
  })
  .refine((p) => p.start_hour === undefined || p.end_hour === undefined || p.start_hour !== p.end_hour % 24, {
    message: 'start_hour and end_hour must differ (leave both out for the whole day)',
    path: ['end_hour'],
  });

/** A pool, tier or queue name as configs and LP variable names carry it. */
const idName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'use letters, digits, _ or -, starting with a letter');

/** The tier every queue goes to and every pool staffs unless the config says otherwise. */
export const GENERAL_TIER = 'general';

/** At most this many tiers: the checks enumerate every subset of tiers each hour. */
export const MAX_TIERS = 8;

/**
 * One queue's (or intent's) demand, over the `demand` defaults (issue 13): what the bot resolves
 * of it, its handle time, how much longer the contacts get when the bot keeps more of the easy
 * ones, and the tier of agents it goes to. A queue is what the history's `queue` column names.
 */
const queueDemandSchema = z.strictObject({
  bot_deflection: z.number().min(0).lt(1).optional(),
  aht_seconds: z.number().min(1).max(MAX_SECONDS).optional(),
  concurrency: z.number().min(1).max(100).optional(),
  // Relative rise of the handle time per percentage point the bot resolves above baseline_deflection.
  aht_rise_per_point: z.number().min(0).max(1).optional(),
  // The bot's share when the handle times (history or aht_seconds) were measured; absent: bot_deflection.
  baseline_deflection: z.number().min(0).lt(1).optional(),
  tier: idName.optional(),
});

export const weekPatternSchema = z.strictObject({
  days: z.number().int().min(1).max(7),
  consecutive_days_off: z.boolean().default(false),
});

export const poolSchema = z
  .strictObject({
    id: idName,
    // `standby` (SPEC section 7): agents on call, paid a retainer per on-call hour and cost_per_hour when called in.
    kind: z.enum(['in_house', 'outsourced', 'standby']),
    cost_per_hour: z.number().min(0).max(MAX_PER_HOUR),
    retainer_per_hour: z.number().min(0).max(MAX_PER_HOUR).optional(),
    // (1 + night_premium) times the day rate: up to 11 times.
    night_premium: z.number().min(0).max(10).default(0),
    productivity: z.number().gt(0).max(2).default(1),
    shift_lengths: z.array(z.number().int().min(1).max(24)).min(1).default([8]),
    start_hours: z.array(hourOfDay).min(1).nullable().default(null),
    max_agents: z.number().int().min(0).max(MAX_AGENTS).nullable().default(null),
    week_pattern: weekPatternSchema.nullable().default(null),
    // From quality inspection: absent when the pool was not inspected.
    quality: z.strictObject({ bad_review_rate: share.optional(), repeat_complaint_rate: share.optional() }).optional(),
    // The tiers whose contacts its agents may take; absent: the general tier only.
    tiers: z.array(idName).min(1).max(MAX_TIERS).optional(),
  })
  .refine((p) => new Set(p.shift_lengths).size === p.shift_lengths.length, {
    message: 'shift_lengths must not repeat a length',
    path: ['shift_lengths'],
  })
  .refine((p) => p.tiers === undefined || new Set(p.tiers).size === p.tiers.length, {
    message: 'tiers must not repeat a tier',
    path: ['tiers'],
  })
  .refine((p) => (p.kind === 'standby') === (p.retainer_per_hour !== undefined), {
    message: 'a standby pool needs retainer_per_hour, and only a standby pool has one',
    path: ['retainer_per_hour'],
  })
  // An on-call agent covers whatever the hour needs: no tour, no tier of its own.
  .refine((p) => p.kind !== 'standby' || (p.week_pattern === null && p.tiers === undefined), {
    message: 'a standby pool takes no week_pattern and no tiers',
    path: ['kind'],
  });

/** SPEC section 3's default pools (in-house day, one vendor, in-house night). */
export const DEFAULT_POOLS = [
  {
    id: 'inhouse',
    kind: 'in_house',
    cost_per_hour: 55,
    night_premium: 0.3,
    productivity: 1.0,
    shift_lengths: [8, 10],
    start_hours: null,
    max_agents: null,
  },
  {
    id: 'vendor',
    kind: 'outsourced',
    cost_per_hour: 38,
    night_premium: 0.2,
    productivity: 0.9,
    shift_lengths: [4, 8],
    start_hours: null,
    max_agents: 300,
  },
  {
    id: 'night',
    kind: 'in_house',
    cost_per_hour: 55,
    night_premium: 0.5,
    productivity: 1.0,
    shift_lengths: [8],
    start_hours: [22, 23, 0],
    max_agents: null,
  },
] as const;

/** SPEC section 6's defaults of the `schedule` block. */
export const SCHEDULE_DEFAULTS = { min_rest_hours: 11, max_consecutive_days: 6, min_hours: 0, max_hours: 40, max_days: 5 } as const;

/**
 * Labour rules for named agents (SPEC section 6, issue 14). Optional in the schema, every field
 * too, so a config that does not use it serialises unchanged; `scheduleRules` fills the defaults.
 */
export const scheduleSchema = z
  .strictObject({
    // Hours between the end of one shift and the start of the next: a week at most.
    min_rest_hours: z.number().min(0).max(168).optional(),
    // Consecutive dates worked; with the previous week counted a run may reach 14.
    max_consecutive_days: z.number().int().min(1).max(14).optional(),
    min_hours: z.number().min(0).max(168).optional(),
    max_hours: z.number().min(0).max(168).optional(),
    max_days: z.number().int().min(0).max(7).optional(),
  })
  .refine((s) => (s.min_hours ?? SCHEDULE_DEFAULTS.min_hours) <= (s.max_hours ?? SCHEDULE_DEFAULTS.max_hours), {
    message: 'min_hours must not exceed max_hours',
    path: ['min_hours'],
  });

/** SPEC section 7's default of `standby.coverage`, and this tool's defaults of `intraday` (README). */
export const STANDBY_DEFAULTS = { coverage: 1 } as const;
export const INTRADAY_DEFAULTS = { overtime_premium: 0.5, max_overtime_hours: 2 } as const;

/** The labour rules of named agents with every default filled in. */
export interface ScheduleRules {
  minRestHours: number;
  maxConsecutiveDays: number;
  /** Defaults of each agent's paid hours and days worked in the week (agents.csv may override). */
  minHours: number;
  maxHours: number;
  maxDays: number;
}

export const configSchema = z
  .strictObject({
    timezone: z.string().refine(isTimeZone, 'not a known IANA time zone').default('Asia/Shanghai'),
    week_start: z.iso.date().nullable().default(null),
    currency: z.string().min(1).default('CNY'),
    demand: z
      .strictObject({
        bot_deflection: z.number().min(0).lt(1).default(0.78),
        // A contact handled in under a second is a counting error, not a contact.
        aht_seconds: z.number().min(1).max(MAX_SECONDS).default(240),
        // Contacts one agent works at once: chat runs 2-5, 100 is far past any.
        concurrency: z.number().min(1).max(100).default(1),
        aht_rise_per_point: queueDemandSchema.shape.aht_rise_per_point,
        baseline_deflection: queueDemandSchema.shape.baseline_deflection,
        queues: z.record(z.string().min(1), queueDemandSchema).optional(),
      })
      .prefault({}),
    service: serviceTarget
      .extend({
        answer_within_seconds: serviceTarget.shape.answer_within_seconds.default(15),
        service_level: serviceTarget.shape.service_level.default(0.8),
        max_asa_seconds: serviceTarget.shape.max_asa_seconds.default(null),
        max_occupancy: serviceTarget.shape.max_occupancy.default(0.85),
        patience_seconds: serviceTarget.shape.patience_seconds.default(null),
        max_abandon_rate: serviceTarget.shape.max_abandon_rate.default(null),
        holiday: serviceTarget.partial().strict().default({ answer_within_seconds: 30 }),
        periods: z.array(servicePeriod).default([]),
        // A tier's own target, over the hour's target (default, period or holiday).
        tiers: z.record(idName, serviceTarget.partial().strict()).optional(),
        // Staff each hour so that it misses its target with at most this probability (null: the point forecast; requirements.ts riskScales).
        max_miss_probability: z
          .number({ error: 'service.max_miss_probability must be a number in (0, 0.5], or null' })
          .gt(0, { error: 'service.max_miss_probability must be above 0 (null staffs to the point forecast)' })
          .lte(0.5, { error: 'service.max_miss_probability must be at most 0.5 (0.5 is the point forecast)' })
          .nullable()
          .default(null),
      })
      .strict()
      .prefault({}),
    shrinkage: z
      .union([share, z.record(z.string(), share)])
      .default(0.3)
      .refine((s) => totalShrinkage(s) < 1, 'shrinkage must add up to less than 1'),
    night: z
      .strictObject({
        start_hour: hourOfDay.default(0),
        end_hour: hourOfDay.default(8),
        min_coverage: share.default(0.85),
      })
      .prefault({}),
    min_coverage: share.default(0.95),
    // Per staff-hour short: up to 100 times the dearest agent-hour, enough to make any shortfall dearer than staffing.
    shortfall_penalty: z
      .number()
      .min(0)
      .max(100 * MAX_PER_HOUR)
      .default(500),
    max_outsourced_share: share.nullable().default(0.45),
    budget: z.number().min(0).max(MAX_BUDGET).nullable().default(null),
    pools: z
      .array(poolSchema)
      .min(1)
      .default(
        DEFAULT_POOLS.map((p) => ({
          ...p,
          shift_lengths: [...p.shift_lengths],
          start_hours: p.start_hours && [...p.start_hours],
          week_pattern: null,
        })),
      ),
    schedule: scheduleSchema.optional(),
    // Optional so a config without a standby pool serialises unchanged (STANDBY_DEFAULTS fill it).
    standby: z.strictObject({ coverage: z.number().min(0).max(10).optional() }).optional(),
    intraday: z
      .strictObject({
        // Overtime pay over cost_per_hour: 0.5 pays time and a half.
        overtime_premium: z.number().min(0).max(10).optional(),
        // Hours an agent may stay past the end of a shift.
        max_overtime_hours: z.number().int().min(0).max(12).optional(),
      })
      .optional(),
    solver: z
      .strictObject({
        time_limit_seconds: seconds.default(30),
        mip_rel_gap: z.number().min(0).max(1).default(0.005),
      })
      .prefault({}),
    alerts: z
      .strictObject({
        max_asa_seconds: seconds.default(60),
        // Over budget by up to 10 times the budget (1000%).
        budget_tolerance: z.number().min(0).max(10).default(0.1),
        min_night_coverage: share.default(0.85),
        max_shortfall_share: share.default(0.15),
        max_quality_rate: share.default(0.15),
      })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.pools.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['pools', i, 'id'], message: `pool id "${p.id}" is used twice` });
      seen.add(p.id);
    });
    if (c.pools.every((p) => p.kind === 'standby'))
      ctx.addIssue({
        code: 'custom',
        path: ['pools'],
        message: 'every pool is a standby pool: on-call agents need a planned pool to back up',
      });
    // Every tier a queue goes to, or that has a target, needs a pool to staff it.
    const staffed = new Set(c.pools.flatMap(poolTiers));
    const unstaffed = (tier: string) => `no pool staffs tier "${tier}": list it in some pool's tiers`;
    for (const [queue, q] of Object.entries(c.demand.queues ?? {}))
      if (q.tier !== undefined && !staffed.has(q.tier))
        ctx.addIssue({ code: 'custom', path: ['demand', 'queues', queue, 'tier'], message: unstaffed(q.tier) });
    for (const tier of Object.keys(c.service.tiers ?? {}))
      if (!staffed.has(tier)) ctx.addIssue({ code: 'custom', path: ['service', 'tiers', tier], message: unstaffed(tier) });
    const tiers = configTiers(c).length;
    if (tiers > MAX_TIERS)
      ctx.addIssue({ code: 'custom', path: ['pools'], message: `at most ${MAX_TIERS} tiers (the config names ${tiers})` });
  });

/** A validated configuration with every default filled in. */
export type PlanConfig = z.infer<typeof configSchema>;
export type Pool = PlanConfig['pools'][number];
export type ServiceTarget = Omit<PlanConfig['service'], 'holiday' | 'periods' | 'tiers' | 'max_miss_probability'>;
export type ServicePeriod = PlanConfig['service']['periods'][number];

/** The share of paid time agents are unavailable: a number, or named parts that add up. */
export function totalShrinkage(shrinkage: number | Record<string, number>): number {
  return typeof shrinkage === 'number' ? shrinkage : Object.values(shrinkage).reduce((a, b) => a + b, 0);
}

/** The service target for hours in a `holiday` event: the holiday fields over the defaults. */
export function holidayTarget(config: PlanConfig): ServiceTarget {
  const { holiday, periods: _periods, tiers: _tiers, max_miss_probability: _risk, ...normal } = config.service;
  return { ...normal, ...holiday };
}

/** The tiers a pool's agents may take contacts of (the general tier unless it lists them). */
export function poolTiers(pool: { tiers?: readonly string[] }): string[] {
  return pool.tiers ? [...pool.tiers] : [GENERAL_TIER];
}

/** Every tier the configuration names (pools, queues, targets), general first, then by name. */
export function configTiers(config: Pick<PlanConfig, 'pools' | 'demand' | 'service'>): string[] {
  const named = new Set([
    ...config.pools.flatMap(poolTiers),
    ...Object.values(config.demand.queues ?? {}).flatMap((q) => (q.tier ? [q.tier] : [])),
    ...Object.keys(config.service.tiers ?? {}),
  ]);
  named.delete(GENERAL_TIER);
  return [GENERAL_TIER, ...[...named].sort()];
}

/** A queue's demand with the `demand` defaults filled in. */
export interface QueueDemand {
  botDeflection: number;
  ahtSeconds: number;
  concurrency: number;
  ahtRisePerPoint: number;
  baselineDeflection: number;
  tier: string;
}

/** The demand of a queue (or intent): its entry in `demand.queues` over the `demand` defaults. */
export function queueDemand(config: Pick<PlanConfig, 'demand'>, queue: string | undefined): QueueDemand {
  const d = config.demand;
  const q = (queue !== undefined && d.queues?.[queue]) || {};
  // A baseline belongs to the deflection it was measured against: a queue with a deflection of
  // its own never takes the demand's baseline.
  const own = q.bot_deflection !== undefined;
  const botDeflection = q.bot_deflection ?? d.bot_deflection;
  return {
    botDeflection,
    ahtSeconds: q.aht_seconds ?? d.aht_seconds,
    concurrency: q.concurrency ?? d.concurrency,
    ahtRisePerPoint: q.aht_rise_per_point ?? d.aht_rise_per_point ?? 0,
    baselineDeflection: q.baseline_deflection ?? (own ? undefined : d.baseline_deflection) ?? botDeflection,
    tier: q.tier ?? GENERAL_TIER,
  };
}

/** The `schedule` block's rules over SPEC section 6's defaults. */
export function scheduleRules(config: Pick<PlanConfig, 'schedule'>): ScheduleRules {
  const s = { ...SCHEDULE_DEFAULTS, ...config.schedule };
  return {
    minRestHours: s.min_rest_hours,
    maxConsecutiveDays: s.max_consecutive_days,
    minHours: s.min_hours,
    maxHours: s.max_hours,
    maxDays: s.max_days,
  };
}
