import { addDaysToDate, localParts, WEEKDAYS } from '../domain/time.js';
import { pct } from '../domain/format.js';
import type { Agent, LocalDate, ScheduleFigures, ScheduleRow } from '../schedule/types.js';

/** What the report's week view of a named schedule is drawn from. */
export interface ScheduleWeek {
  /** `YYYY-MM-DD` of the week's first day. */
  weekStart: LocalDate;
  timeZone: string;
  /** The configuration's night hours, [start, end) wrapping past midnight when start > end. */
  night: { start_hour: number; end_hour: number };
  agents: readonly Agent[];
  rows: readonly ScheduleRow[];
  /** roster.json's `schedule` block, when the roster has one. */
  figures?: ScheduleFigures;
}

/** Pixels of one hour and of one agent's row: 7 x 24 x 4 = 672 px a week; 2,000 agents fit 24,000 px. */
const HOUR_PX = 4;
const ROW_PX = 12;
const BAR_PX = 8;
const LABEL_PX = 110;
const HEAD_PX = 16;
const DAYS = 7;
const WEEK_PX = DAYS * 24 * HOUR_PX;
const TOTALS_PX = 150;
/** Pools with more agents than this start folded (the figures stay in view). */
const OPEN_UP_TO = 400;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The view's styles, for the page's `<style>` (classes keep 2,000 rows of bars small). */
export const SCHEDULE_VIEW_STYLE =
  '.sched svg{display:block;font:9px system-ui,sans-serif}.sched .s{fill:#3b6ea5}.sched .sn{fill:#28406b}' +
  '.sched .u{fill:#c8c8c8}.sched .p{fill:#fff2b3}.sched .pb{fill:#d9822b}.sched .g{stroke:#ddd}.sched .z{fill:#f7f7f7}' +
  '.sched summary{font-weight:600;cursor:pointer}.sched .key span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;vertical-align:middle}';

interface AgentWeek {
  hours: number;
  days: number;
  weekendDays: number;
  nightShifts: number;
}

/**
 * A per-agent week view of a named schedule, as an HTML section for report.html: one row per
 * agent, grouped by pool, across the 7 days; each shift a bar (night shifts darker), unavailable
 * days shaded grey, prefers_off days marked yellow (orange where a shift lands on one anyway),
 * and per agent its hours, days, weekend days and night shifts beside the row. Inline SVG with
 * classes styled by SCHEDULE_VIEW_STYLE: no script, no external asset.
 * @example scheduleView({ weekStart: '2026-11-30', timeZone: 'UTC', night: { start_hour: 0, end_hour: 8 }, agents: [], rows: [] }) // a section saying no agents
 */
export function scheduleView(week: ScheduleWeek): string {
  const { agents, rows } = week;
  const head = `<section class="sched" id="schedule"><h2>Schedule: who works when</h2>`;
  if (agents.length === 0) return `${head}<p>No named agents.</p></section>`;
  const byAgent = new Map<string, ScheduleRow[]>(agents.map((a) => [a.id, []]));
  for (const r of rows) byAgent.get(r.agent)?.push(r);
  const pools = [...new Set(agents.map((a) => a.pool))];
  const sections = pools.map((pool) => {
    const team = agents.filter((a) => a.pool === pool);
    const totals = team.map((a) => agentWeek(week, byAgent.get(a.id) ?? []));
    const hours = totals.reduce((s, t) => s + t.hours, 0);
    const open = team.length <= OPEN_UP_TO ? ' open' : '';
    const summary = `${escapeHtml(pool)}: ${team.length} agent${team.length === 1 ? '' : 's'}, ${hours} paid hours, weekend days ${spread(totals.map((t) => t.weekendDays))}, night shifts ${spread(totals.map((t) => t.nightShifts))}`;
    return `<details${open}><summary>${summary}</summary>${poolSvg(week, team, byAgent, totals)}</details>`;
  });
  const key =
    '<p class="key"><span style="background:#3b6ea5"></span>shift<span style="background:#28406b"></span>night shift' +
    '<span style="background:#c8c8c8"></span>unavailable<span style="background:#fff2b3"></span>prefers off' +
    '<span style="background:#d9822b"></span>works a day they prefer off</p>';
  return `${head}${figuresTable(week.figures)}${key}${sections.join('\n')}</section>`;
}

/** `0 to 2 (spread 2)`: the least and most of a count over a pool's agents. */
function spread(counts: number[]): string {
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? `${lo} each` : `${lo} to ${hi}`;
}

function figuresTable(f: ScheduleFigures | undefined): string {
  if (!f) return '';
  const row = (k: string, v: string) => `<tr><th>${k}</th><td>${v}</td></tr>`;
  return `<table>${[
    row('Agents', String(f.agents)),
    row('Assigned hours', String(f.assigned_hours)),
    row('Days off wished for and kept', pct(f.preferences_met)),
    row('Weekend spread', `${f.weekend_spread} day${f.weekend_spread === 1 ? '' : 's'} (most minus least weekend days, within a pool)`),
    row('Night spread', `${f.night_spread} shift${f.night_spread === 1 ? '' : 's'} (most minus least night shifts, within a pool)`),
  ].join('')}</table>`;
}

/** Local hours of start instants, per zone: shifts of many agents start at the same few instants. */
const hourCache = new Map<string, Map<number, number>>();

/** Where a row's shift sits: day index from the week's start (may be outside 0..6 for stray rows) and local hour. */
function placed(week: ScheduleWeek, r: ScheduleRow): { day: number; hour: number } {
  let hours = hourCache.get(week.timeZone);
  if (!hours) hourCache.set(week.timeZone, (hours = new Map()));
  let hour = hours.get(r.t);
  if (hour === undefined) hours.set(r.t, (hour = localParts(r.t, week.timeZone).hour));
  return { day: dayIndex(week.weekStart, r.date), hour };
}

/** The weekday (0 = Monday) of the week's day `day` (any integer). */
const weekdayAt = (week: ScheduleWeek, day: number) => (((weekdayOfDate(week.weekStart) + day) % 7) + 7) % 7;

/** The weekday (0 = Monday) of a `YYYY-MM-DD` date, by plain arithmetic (the view asks it thousands of times). */
function weekdayOfDate(date: LocalDate): number {
  return (new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay() + 6) % 7;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function dayIndex(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const isNightHour = (hour: number, { start_hour: s, end_hour: e }: ScheduleWeek['night']) =>
  s === e ? false : s < e ? hour >= s && hour < e : hour >= s || hour < e;

function agentWeek(week: ScheduleWeek, shifts: readonly ScheduleRow[]): AgentWeek {
  const days = new Set<number>();
  let weekendDays = 0;
  let nightShifts = 0;
  for (const r of shifts) {
    const { day, hour } = placed(week, r);
    if (!days.has(day)) {
      days.add(day);
      if (weekdayAt(week, day) >= 5) weekendDays++;
    }
    if (Array.from({ length: r.hours }, (_, k) => (hour + k) % 24).some((h) => isNightHour(h, week.night))) nightShifts++;
  }
  return { hours: shifts.reduce((s, r) => s + r.hours, 0), days: days.size, weekendDays, nightShifts };
}

/** The dates of the week an agent is unavailable on, as day indexes. */
function unavailableDays(dates: readonly LocalDate[], agent: Agent): number[] {
  // ISO dates order as text.
  return dates.flatMap((date, d) => (agent.unavailable.some((u) => u.from <= date && date <= u.to) ? [d] : []));
}

/** One pool's agents as an SVG: day header, then a row per agent (id, bars, totals). */
function poolSvg(week: ScheduleWeek, team: readonly Agent[], byAgent: Map<string, ScheduleRow[]>, totals: AgentWeek[]): string {
  const width = LABEL_PX + WEEK_PX + TOTALS_PX;
  const height = HEAD_PX + team.length * ROW_PX;
  const parts: string[] = [];
  const x = (day: number, hour: number) => LABEL_PX + (day * 24 + hour) * HOUR_PX;
  const weekdayOfStart = weekdayOfDate(week.weekStart);
  const dates = Array.from({ length: DAYS }, (_, d) => addDaysToDate(week.weekStart, d));
  for (let d = 0; d < DAYS; d++) {
    const date = dates[d];
    const name = WEEKDAYS[(weekdayOfStart + d) % 7];
    if ((weekdayOfStart + d) % 7 >= 5) parts.push(`<rect class="z" x="${x(d, 0)}" y="0" width="${24 * HOUR_PX}" height="${height}"/>`);
    parts.push(`<text x="${x(d, 0) + 2}" y="11">${name} ${date.slice(5)}</text>`);
  }
  parts.push(`<text x="${LABEL_PX + WEEK_PX + 4}" y="11">hours · days · weekend · night</text>`);
  team.forEach((agent, i) => {
    const y = HEAD_PX + i * ROW_PX;
    const barY = y + (ROW_PX - BAR_PX) / 2;
    const mark = (cls: string, d: number) =>
      parts.push(`<rect class="${cls}" x="${x(d, 0)}" y="${y}" width="${24 * HOUR_PX}" height="${ROW_PX}"/>`);
    for (const d of unavailableDays(dates, agent)) mark('u', d);
    for (let d = 0; d < DAYS; d++) if (agent.prefersOff.includes(WEEKDAYS[(weekdayOfStart + d) % 7])) mark('p', d);
    for (const r of byAgent.get(agent.id) ?? []) {
      const { day, hour } = placed(week, r);
      const night = Array.from({ length: r.hours }, (_, k) => (hour + k) % 24).some((h) => isNightHour(h, week.night));
      const cls = agent.prefersOff.includes(WEEKDAYS[weekdayAt(week, day)]) ? 'pb' : night ? 'sn' : 's';
      // A shift past the week's end wraps to its start (the week repeats, as the roster's does).
      const from = day * 24 + hour;
      for (const [a, b] of wrap(from, from + r.hours))
        parts.push(`<rect class="${cls}" x="${LABEL_PX + a * HOUR_PX}" y="${barY}" width="${(b - a) * HOUR_PX}" height="${BAR_PX}"/>`);
    }
    parts.push(`<text x="2" y="${y + 9}">${escapeHtml(agent.id)}</text>`);
    const t = totals[i];
    parts.push(`<text x="${LABEL_PX + WEEK_PX + 4}" y="${y + 9}">${t.hours} h · ${t.days} d · ${t.weekendDays} · ${t.nightShifts}</text>`);
  });
  for (let d = 0; d <= DAYS; d++) parts.push(`<line class="g" x1="${x(d, 0)}" y1="0" x2="${x(d, 0)}" y2="${height}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${parts.join('')}</svg>`;
}

/** An hour range of the week as the pieces drawn: what runs past the week's end, from its start. */
function wrap(from: number, to: number): [number, number][] {
  const end = DAYS * 24;
  const a = ((from % end) + end) % end;
  const b = a + (to - from);
  return b <= end
    ? [[a, b]]
    : [
        [a, end],
        [0, b - end],
      ];
}
