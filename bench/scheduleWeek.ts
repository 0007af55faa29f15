/**
 * Named-schedule benchmark instances (issue 14): a realistic week of a given peak (as
 * bench/roster.ts plans it) with two in-house pools whose agents are named (a day pool with 8/10 h
 * shifts at any hour, a night crew) and a vendor without names, and the team as agents.csv: sized
 * for the head-count roster's paid hours with about 15% slack, with the sample team's mix of
 * part-timers, leave, onboarding hires, weekday wishes and day-only staff. Deterministic from the
 * seed. No week_pattern pools: schedule-check.py's cbc and bound modes do not support them.
 */
import { DEFAULT_POOLS } from '../src/domain/config.js';
import { seededRandom } from '../src/domain/random.js';
import { type TeamPool, teamCsv } from '../src/sample/team.js';
import { realisticWeek, requirementsCsv } from '../test/roster/weekShape.js';
import { SAMPLE_NIGHT_CREW } from '../src/sample/center.js';

export const WEEK_START = '2026-11-30';

/** The night crew as the sample center's, with no head-count cap. */
const NIGHT_CREW = { ...SAMPLE_NIGHT_CREW, max_agents: null };

/**
 * The head-count roster's paid hours of the in-house pools by peak, measured with this file's
 * config and `node bin/shiftcast.js roster` (no --agents; 30 s limit, gap 1.2%, 0.3%, 0.06%):
 * peak 30: day 1,308 h (151 shifts), night 112 h (14); peak 250: day 10,910 h (1,250), night
 * 688 h (86); peak 1,600: day 69,786 h (7,945), night 4,208 h (526). Other peaks scale the
 * nearest measured one.
 */
const PLANNED_HOURS: Record<number, { day: number; night: number }> = {
  30: { day: 1308, night: 112 },
  250: { day: 10_910, night: 688 },
  1600: { day: 69_786, night: 4208 },
};

/** Paid hours a team may give above the head-count roster's. */
const SLACK = 0.15;
const MIX = { day: { partTime: 0.2, dayOnly: 0.15 }, night: { partTime: 0.15, dayOnly: 0 } };
/** Share of agents on leave for part of the week, and their mean most hours (see teamCsv). */
const LEAVE = { share: 0.05, hours: 22 };

/** Agents whose contracts give `hours` paid hours with SLACK to spare, for a pool's mix. */
function teamSize(hours: number, partTime: number): number {
  const mean = (1 - partTime - LEAVE.share) * 40 + partTime * 24 + LEAVE.share * LEAVE.hours;
  return Math.max(3, Math.ceil(((1 + SLACK) * hours) / mean));
}

/** The teams of the in-house pools at a peak: a new hire per 100 day agents (at least one). */
export function benchTeams(peak: number): TeamPool[] {
  const measured = Object.keys(PLANNED_HOURS)
    .map(Number)
    .reduce((best, p) => (Math.abs(Math.log(p / peak)) < Math.abs(Math.log(best / peak)) ? p : best));
  const scale = peak / measured;
  const day = teamSize(PLANNED_HOURS[measured].day * scale, MIX.day.partTime);
  const night = teamSize(PLANNED_HOURS[measured].night * scale, MIX.night.partTime);
  return [
    { pool: DEFAULT_POOLS[0].id, agents: day, ...MIX.day, hires: Math.max(1, Math.round(day / 100)) },
    { pool: NIGHT_CREW.id, agents: night, ...MIX.night, hires: 0 },
  ];
}

export interface ScheduleInstance {
  peak: number;
  /** config.json's object. */
  config: Record<string, unknown>;
  requirementsCsv: string;
  agentsCsv: string;
  teams: TeamPool[];
}

/**
 * A benchmark instance: the realistic week of `peak`, the config (the SPEC's in-house day pool, a
 * night crew, the vendor with no head-count cap under the 45% outsourced share, no budget) and
 * the named team of the in-house pools.
 * @example scheduleWeek(250).teams.map((t) => t.agents) //=> [350, 22]
 */
export function scheduleWeek(peak: number, seed = 1): ScheduleInstance {
  const config = {
    timezone: 'Asia/Shanghai',
    week_start: WEEK_START,
    budget: null,
    max_outsourced_share: 0.45,
    min_coverage: 0.95,
    night: { start_hour: 0, end_hour: 8, min_coverage: 0.85 },
    shortfall_penalty: 500,
    pools: [DEFAULT_POOLS[0], { ...DEFAULT_POOLS[1], max_agents: null }, NIGHT_CREW],
  };
  const teams = benchTeams(peak);
  return {
    peak,
    config,
    requirementsCsv: requirementsCsv(realisticWeek(peak, WEEK_START)),
    agentsCsv: teamCsv(teams, WEEK_START, seededRandom(seed, peak)),
    teams,
  };
}
