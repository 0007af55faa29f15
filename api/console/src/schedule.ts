import { html, type TemplateResult } from 'lit-html';
import { number, percent } from './format.js';

/** One agent's week as the schedule table shows it. */
export interface AgentWeek {
  id: string;
  pool: string;
  /** Per day of the week (0 = the week's first day): the shifts starting that day, "HH:MM–HH:MM". */
  shifts: string[][];
  leave: boolean[];
  wishOff: boolean[];
  hours: number;
  minHours: number | null;
  maxHours: number | null;
}

const WEEKDAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/**
 * The named schedule as one row per agent across the week: schedule.csv's shifts (on the day
 * they start, as the labour rules count them) with agents.csv's leave (`unavailable`) and wishes
 * (`prefers_off`). Agents without shifts still get their row: an idle agent is a finding too.
 */
export function agentWeeks(weekStart: string, schedule: Record<string, string>[], agents: Record<string, string>[]): AgentWeek[] {
  const first = dayNumber(weekStart);
  const dates = Array.from({ length: 7 }, (_, k) => first + k);
  const weeks = new Map<string, AgentWeek>();
  const week = (id: string, pool: string) => {
    let w = weeks.get(id);
    if (!w) {
      w = {
        id,
        pool,
        shifts: dates.map(() => []),
        leave: dates.map(() => false),
        wishOff: dates.map(() => false),
        hours: 0,
        minHours: null,
        maxHours: null,
      };
      weeks.set(id, w);
    }
    return w;
  };
  for (const a of agents) {
    const w = week(a.id, a.pool);
    w.minHours = a.min_hours ? Number(a.min_hours) : null;
    w.maxHours = a.max_hours ? Number(a.max_hours) : null;
    for (const part of (a.unavailable ?? '').split(';').filter(Boolean)) {
      const [from, to = from] = part.split('..');
      dates.forEach((d, k) => {
        if (d >= dayNumber(from) && d <= dayNumber(to)) w.leave[k] = true;
      });
    }
    // The week starts on its own weekday; a wish names weekdays.
    dates.forEach((d, k) => {
      if ((a.prefers_off ?? '').split(';').includes(WEEKDAY[(((d + 3) % 7) + 7) % 7])) w.wishOff[k] = true;
    });
  }
  for (const r of schedule) {
    const w = week(r.agent, r.pool);
    const k = dayNumber(r.start.slice(0, 10)) - first;
    const hours = Number(r.hours);
    const startHour = Number(r.start.slice(11, 13));
    const end = `${String((startHour + hours) % 24).padStart(2, '0')}:${r.start.slice(14, 16)}`;
    if (k >= 0 && k < 7) w.shifts[k].push(`${r.start.slice(11, 16)}–${end}`);
    w.hours += hours;
  }
  return [...weeks.values()].sort((a, b) => (a.pool === b.pool ? a.id.localeCompare(b.id) : a.pool.localeCompare(b.pool)));
}

/** How many rows the table draws at once: search or filter to reach the others. */
const SHOWN = 300;

export function scheduleTable(weeks: AgentWeek[], dayLabels: string[]): TemplateResult {
  const shown = weeks.slice(0, SHOWN);
  return html`<p class="muted" aria-live="polite">${
    weeks.length > SHOWN
      ? `Showing ${SHOWN} of ${weeks.length} agents: search or pick a pool to see the others.`
      : `${weeks.length} ${weeks.length === 1 ? 'agent' : 'agents'}.`
  }</p>
    <div class="scroll"><table class="schedule">
      <caption>Schedule</caption>
      <thead><tr><th scope="col">Agent</th><th scope="col">Pool</th>${dayLabels.map((d) => html`<th scope="col">${d}</th>`)}
        <th scope="col" class="num">Hours</th></tr></thead>
      <tbody>${shown.map(
        (w) => html`<tr>
          <th scope="row">${w.id}</th><td>${w.pool}</td>
          ${w.shifts.map((shifts, k) => {
            const clash = w.wishOff[k] && shifts.length > 0;
            const cls = `${w.leave[k] ? 'leave' : ''} ${w.wishOff[k] ? 'wish' : ''} ${clash ? 'clash' : ''}`;
            const note = w.leave[k] ? 'leave' : w.wishOff[k] ? (clash ? 'works on a day-off wish' : 'wish: day off') : '';
            return html`<td class=${cls} title=${note}>${shifts.length > 0 ? shifts.join(', ') : note ? html`<span class="muted">${note}</span>` : ''}</td>`;
          })}
          <td class="num ${w.minHours !== null && w.hours < w.minHours ? 'bad' : ''}">${number(w.hours)}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
}

/** Per pool: agents, their hours (least, mean, most), days-off wishes met, and shifts on leave (must be 0). */
export function fairnessTable(weeks: AgentWeek[]): TemplateResult {
  const pools = [...new Set(weeks.map((w) => w.pool))];
  return html`<div class="scroll"><table>
    <caption>Fairness by pool</caption>
    <thead><tr><th scope="col">Pool</th><th scope="col" class="num">Agents</th><th scope="col" class="num">Hours: least</th>
      <th scope="col" class="num">mean</th><th scope="col" class="num">most</th><th scope="col" class="num">Day-off wishes met</th></tr></thead>
    <tbody>${pools.map((pool) => {
      const ws = weeks.filter((w) => w.pool === pool);
      const hours = ws.map((w) => w.hours);
      const wishes = ws.flatMap((w) => w.wishOff.map((wish, k) => (wish ? w.shifts[k].length === 0 : null))).filter((x) => x !== null);
      return html`<tr><th scope="row">${pool}</th><td class="num">${ws.length}</td><td class="num">${number(Math.min(...hours))}</td>
        <td class="num">${number(hours.reduce((a, h) => a + h, 0) / ws.length, 1)}</td><td class="num">${number(Math.max(...hours))}</td>
        <td class="num">${wishes.length === 0 ? '–' : percent(wishes.filter(Boolean).length / wishes.length, 0)}</td></tr>`;
    })}</tbody>
  </table></div>`;
}
