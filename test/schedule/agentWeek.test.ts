import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.js';
import { HOUR_MS } from '../../src/domain/time.js';
import { blockedDays, fitsWeek } from '../../src/schedule/agentWeek.js';
import { previousTail, type PatternShift } from '../../src/schedule/pricing.js';
import type { Agent, ScheduleRow } from '../../src/schedule/types.js';
import { verifySchedule } from '../../src/schedule/verify.js';
import { agent, at, countedShifts, problem, row } from './fixtures.js';

const { slots } = problem;
const t0 = slots[0].t;
const slotOf = (r: ScheduleRow) => Math.round((r.t - t0) / HOUR_MS);

/** The solver's check of one agent's week, from schedule rows (as the solver holds them: start slots). */
function fits(
  a: Agent,
  rows: ScheduleRow[],
  rules: { minRestHours: number; maxConsecutiveDays: number },
  previous?: ScheduleRow[],
): boolean {
  const shifts: PatternShift[] = rows.map((r) => ({ start: slotOf(r), hours: r.hours })).sort((x, y) => x.start - y.start);
  const boundary = previous
    ? {
        wrap: false as const,
        ...previousTail(
          previous.map((r) => ({
            start: slotOf(r),
            hours: r.hours,
            day: Math.round((Date.parse(`${r.date}T00:00Z`) - Date.parse('2026-11-30T00:00Z')) / 86_400_000),
          })),
        ),
      }
    : { wrap: true as const };
  const pool = problem.pools.find((p) => p.id === a.pool)!;
  return fitsWeek(shifts, { agent: a, blocked: blockedDays(a, problem.weekStart, 7), pool, boundary }, { slots, rules });
}

describe('fitsWeek: the solver check agrees with the independent verifier', () => {
  it('on 1,500 random weeks of random agents, with and without last week', () => {
    const random = seededRandom(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random.uniform() * xs.length)];
    let valid = 0;
    for (let k = 0; k < 1500; k++) {
      const pool = pick(['inhouse', 'night', 'fixed'] as const);
      const spec = problem.pools.find((p) => p.id === pool)!;
      const a = agent('a', pool, {
        minHours: pick([0, 16, 32]),
        maxHours: pick([24, 40, 48]),
        maxDays: pick([3, 5, 6, 7]),
        night: random.uniform() < 0.7,
        unavailable:
          random.uniform() < 0.3 ? [{ from: at(pick([0, 3, 6, 7]), 0).slice(0, 10), to: at(pick([0, 3, 6, 7]), 0).slice(0, 10) }] : [],
      });
      const rules = { minRestHours: pick([8, 11, 14]), maxConsecutiveDays: pick([3, 5, 6]) };
      const hour = pick(spec.start_hours ?? [0, 6, 8, 14, 20, 22]);
      const hours = pick(spec.shift_lengths);
      // Tours mostly keep one shift; other pools vary by the day.
      const rows = [0, 1, 2, 3, 4, 5, 6]
        .filter(() => random.uniform() < 0.7)
        .map((d) =>
          pool === 'fixed' && random.uniform() < 0.9
            ? row('a', pool, at(d, hour), hours)
            : row('a', pool, at(d, pick(spec.start_hours ?? [0, 6, 8, 14, 20, 22])), pick(spec.shift_lengths)),
        );
      const previous =
        random.uniform() < 0.5
          ? [4, 5, 6].filter(() => random.uniform() < 0.6).map((d) => row('a', pool, at(d - 7, pick([8, 16, 22])), 8))
          : undefined;
      const verdict = verifySchedule(problem, {
        rules: { ...rules, minHours: 0, maxHours: 40, maxDays: 5 },
        agents: [a],
        rows,
        shifts: countedShifts(rows),
        previous,
      });
      const ok = verdict.errors.length === 0;
      if (ok) valid++;
      expect(fits(a, rows, rules, previous), `case ${k}: ${verdict.errors.join('; ')}`).toBe(ok);
    }
    // Both answers occur often enough to mean something.
    expect(valid).toBeGreaterThan(75);
    expect(valid).toBeLessThan(1425);
  });
});
