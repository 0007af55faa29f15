import { addDaysToDate, formatTimestamp, HOUR_MS, localParts, nextMonday, startOfLocalDay, weekdayOfDate } from '../domain/time.js';
import { DEFAULT_POOLS } from '../domain/config.js';
import { poisson, seededRandom, type Random } from '../domain/random.js';
import { teamCsv, type TeamPool } from './team.js';

/**
 * The bundled sample center: a live-commerce platform's chat service center in Asia/Shanghai,
 * generated from a seed and today's date so that `npm start` always plans the coming week.
 * Volumes are contacts offered before the bot (78% of them never reach an agent).
 */

export const SAMPLE_TIME_ZONE = 'Asia/Shanghai';
const HISTORY_WEEKS = 30;
/** Contacts an hour on a weekday afternoon, before bot deflection. */
const DAYTIME_LEVEL = 6200;
const WEEKLY_GROWTH = 0.003;

/** Relative volume by local hour of day: night trough, daytime plateau, live-stream evening. */
const HOUR_SHAPE = [
  0.34, 0.22, 0.15, 0.11, 0.09, 0.1, 0.16, 0.3, 0.55, 0.8, 0.95, 1.0, 0.92, 0.95, 1.0, 1.0, 0.97, 0.95, 1.0, 1.25, 1.45, 1.5, 1.3, 0.8,
];
/** Relative volume by weekday, Monday first; weekend evenings carry more live streams. */
const DAY_SHAPE = [1.0, 0.97, 0.96, 0.98, 1.02, 1.1, 1.08];
const WEEKEND_EVENING = 1.12;
/** Escalations (bad reviews, complex disputes) per contact offered to the bot. */
const ESCALATION_SHARE = 0.003;

export interface SampleEvent {
  start: string;
  end: string;
  kind: string;
  name: string;
  intensity: number;
  /** How the event moves volume by local hour (a multiplier); not written to events.csv. */
  effect: (hour: number) => number;
}

export interface SampleCenter {
  historyCsv: string;
  eventsCsv: string;
  config: Record<string, unknown>;
  /** agents.csv: the named team of the day and night pools for the planned week (seniors stay head counts). */
  agentsCsv: string;
  /** `YYYY-MM-DD`: the Monday the main job plans. */
  weekStart: string;
  /** The first hour after the history. */
  historyEnd: number;
}

/** The sample's night crew: cheaper at night than the day pool, starts 22:00-00:00. */
export const SAMPLE_NIGHT_CREW = {
  id: 'night',
  kind: 'in_house',
  cost_per_hour: 45,
  night_premium: 0.35,
  productivity: 1.0,
  shift_lengths: [8],
  start_hours: [22, 23, 0],
  max_agents: 120,
};

/**
 * The in-house team, sized for a typical week's head-count roster with 10-20% slack in paid hours.
 * Measured with `shiftcast sample --today D` for six weeks of September 2026 to March 2027 (not
 * the 12.12 week): the day pool plans 3,080-3,360 h (337-387 shifts), the night crew 424-440 h
 * (53-55), the seniors 1,140-1,260 h (143-157). Promotion weeks need more than the team: the
 * vendor and the shortfall take the rest.
 */
// The senior pool stays head counts: it alone keeps the senior tier's floor in every hour, a
// week the schedule's price-and-branch does not yet find a whole-agent answer for in the time
// limit (see README, Named schedules). With 38 named seniors it would need 1,112-1,384 h.
const SAMPLE_TEAM: readonly TeamPool[] = [
  { pool: DEFAULT_POOLS[0].id, agents: 104, partTime: 0.2, dayOnly: 0.15, hires: 1 },
  { pool: 'night', agents: 14, partTime: 0.15, dayOnly: 0, hires: 0 },
];

/**
 * Generates the sample center's history (up to the start of `today`, local time), its events
 * (past and the coming weeks), its configuration and its in-house team.
 */
export function generateSampleCenter(today: string, seed = 20261124): SampleCenter {
  const tz = SAMPLE_TIME_ZONE;
  const random = seededRandom(seed);
  const weekStart = nextMonday(today);
  const firstDay = addDaysToDate(today, -7 * HISTORY_WEEKS);
  const events = sampleEvents(firstDay, addDaysToDate(weekStart, 21), random);
  const from = startOfLocalDay(firstDay, tz);
  const to = startOfLocalDay(today, tz);

  // One level shock per day: real days differ by more than Poisson noise.
  const dayNoise = new Map<string, number>();
  const rows: string[] = ['timestamp,queue,contacts'];
  const escalations: string[] = [];
  for (let t = from; t < to; t += HOUR_MS) {
    const p = localParts(t, tz);
    const label = formatTimestamp(t, tz);
    const date = label.slice(0, 10);
    if (!dayNoise.has(date)) dayNoise.set(date, Math.exp(0.05 * random.normal()));
    const weeks = (t - from) / (7 * 24 * HOUR_MS);
    let mean = DAYTIME_LEVEL * (1 + WEEKLY_GROWTH * weeks) * HOUR_SHAPE[p.hour] * DAY_SHAPE[p.weekday] * dayNoise.get(date)!;
    if (p.weekday >= 5 && p.hour >= 19) mean *= WEEKEND_EVENING;
    // Local wall-clock labels of one zone sort like the hours they name.
    for (const e of events) if (e.start <= label && label < e.end) mean *= e.effect(p.hour);
    rows.push(`${label},chat,${poisson(random, mean)}`);
    // Bad-review tickets and disputes: a steady share of the day's contacts, to senior agents.
    escalations.push(`${label},escalation,${poisson(random, mean * ESCALATION_SHARE)}`);
  }
  // One unannounced anomaly (a viral post): it must not poison the forecast's profile.
  const anomaly = 1 + Math.floor(rows.length / 3);
  rows[anomaly] = rows[anomaly].replace(/,(\d+)$/, (_, n) => `,${Number(n) * 3}`);
  rows.push(...escalations);

  const eventsCsv = `${['start,end,kind,name,intensity', ...events.map((e) => `${e.start},${e.end},${e.kind},${e.name},${e.intensity}`)].join('\n')}\n`;
  // The team from a stream of its own: the history's draws do not move it.
  const agentsCsv = teamCsv(SAMPLE_TEAM, weekStart, seededRandom(seed, 1));
  return { historyCsv: `${rows.join('\n')}\n`, eventsCsv, config: sampleConfig(weekStart), agentsCsv, weekStart, historyEnd: to };
}

const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00`;

/** Promotion days, their eves' presales, weekly and monthly live-commerce sessions, holidays. */
function sampleEvents(firstDay: string, lastDay: string, random: Random): SampleEvent[] {
  const events: SampleEvent[] = [];
  const evening = (hour: number, peak: number, day: number) => (hour >= 19 ? peak : hour >= 8 ? day : 1.2);
  for (let date = firstDay; date < lastDay; date = addDaysToDate(date, 1)) {
    const [, month, day] = date.split('-').map(Number);
    const weekday = weekdayOfDate(date);
    const promotion = PROMOTIONS.find((p) => p.month === month && p.day === day);
    if (promotion) {
      const i = promotion.intensity;
      events.push({
        start: at(addDaysToDate(date, -1), 20),
        end: at(date, 0),
        kind: 'promotion',
        name: `${promotion.name}-presale`,
        intensity: 1,
        effect: () => 2.2,
      });
      events.push({
        start: at(date, 0),
        end: at(addDaysToDate(date, 1), 0),
        kind: 'promotion',
        name: promotion.name,
        intensity: i,
        effect: (h) => 1 + (evening(h, 3.4, 0.8) - 1 + (h < 2 ? 1.5 : 0)) * i,
      });
    }
    const holiday = HOLIDAYS.find((h) => h.month === month && day >= h.day && day < h.day + h.days);
    if (holiday) {
      if (day === holiday.day)
        events.push({
          start: at(addDaysToDate(date, -1), 0),
          end: at(date, 0),
          kind: 'holiday_eve',
          name: holiday.name,
          intensity: 1,
          effect: (h) => (h >= 17 ? 1.1 : 1),
        });
      events.push({
        start: at(date, 0),
        end: at(addDaysToDate(date, 1), 0),
        kind: 'holiday',
        name: holiday.name,
        intensity: 1,
        effect: (h) => (h < 10 ? 0.7 : 0.88),
      });
    }
    // A top streamer every Friday evening, and a brand's live-commerce day on the 20th.
    if (weekday === 4 && !promotion)
      events.push({
        start: at(date, 20),
        end: at(date, 23),
        kind: 'live_commerce',
        name: 'streamer-x-evening',
        intensity: 1,
        effect: () => 1.45,
      });
    if (day === 20) {
      const intensity = Math.round((0.8 + 0.6 * random.uniform()) * 10) / 10;
      events.push({
        start: at(date, 19),
        end: at(addDaysToDate(date, 1), 0),
        kind: 'live_commerce',
        name: 'brand-day',
        intensity,
        effect: () => 1 + 0.9 * intensity,
      });
    }
  }
  return events;
}

const PROMOTIONS = [
  { month: 6, day: 18, name: '618', intensity: 1 },
  { month: 8, day: 8, name: 'double-8', intensity: 0.5 },
  { month: 9, day: 9, name: 'double-9', intensity: 0.6 },
  { month: 11, day: 11, name: 'double-11', intensity: 1.3 },
  { month: 12, day: 12, name: 'double-12', intensity: 0.8 },
];
const HOLIDAYS = [
  { month: 1, day: 1, days: 1, name: 'new-year' },
  { month: 5, day: 1, days: 5, name: 'labour-day' },
  { month: 10, day: 1, days: 7, name: 'national-day' },
];

/** The sample center's configuration, after the platform's reported operation. */
function sampleConfig(weekStart: string): Record<string, unknown> {
  return {
    timezone: SAMPLE_TIME_ZONE,
    week_start: weekStart,
    currency: 'CNY',
    // Chat: three conversations at once, 4 minutes each, which runs 180-220 handled contacts per agent-day.
    // Escalated tickets skip the bot and take a senior agent's whole attention for 8 minutes.
    demand: {
      bot_deflection: 0.78,
      aht_seconds: 240,
      concurrency: 3,
      queues: { escalation: { bot_deflection: 0, aht_seconds: 480, concurrency: 1, tier: 'senior' } },
    },
    service: {
      answer_within_seconds: 15,
      service_level: 0.8,
      max_asa_seconds: null,
      // The operation's choice: with chat concurrency an 85% cap staffs past the 15 s target (93% in 15 s, 5% dearer).
      max_occupancy: null,
      patience_seconds: null,
      holiday: { answer_within_seconds: 30 },
      tiers: { senior: { answer_within_seconds: 60 } },
    },
    shrinkage: { breaks: 0.12, training: 0.06, meetings: 0.04, absence: 0.08 },
    night: { start_hour: 0, end_hour: 8, min_coverage: 0.85 },
    min_coverage: 0.95,
    shortfall_penalty: 500,
    max_outsourced_share: 0.45,
    // Sized for the dearest promotion weeks (11.11 and 12.12 cost about 510,000), so any week's plan is feasible.
    budget: 560_000,
    // The week's roster is found in seconds; proving the last half-percent of gap took the whole 30 s.
    solver: { time_limit_seconds: 30, mip_rel_gap: 0.01 },
    // The SPEC's in-house day and vendor pools; the night crew is cheaper here; seniors take
    // escalations and chats, the others chats alone.
    pools: [
      DEFAULT_POOLS[0],
      DEFAULT_POOLS[1],
      SAMPLE_NIGHT_CREW,
      {
        id: 'senior',
        kind: 'in_house',
        cost_per_hour: 70,
        night_premium: 0.3,
        productivity: 1.0,
        shift_lengths: [8],
        start_hours: null,
        max_agents: null,
        tiers: ['senior', 'general'],
      },
      // On call for the forecast's upper end (SPEC section 7): a retainer per on-call hour, the
      // in-house rate when called in (the alarm at ASA > 60 s).
      {
        id: 'standby',
        kind: 'standby',
        cost_per_hour: 55,
        retainer_per_hour: 8,
        night_premium: 0.3,
        productivity: 1.0,
        shift_lengths: [4, 8],
        start_hours: null,
        max_agents: 40,
      },
    ],
  };
}
