import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { formatRequirements, parseStaffNeeds } from '../../src/io/requirementsFile.js';
import { requirementsFor } from '../../src/staffing/requirements.js';
import { fullCoverageCost } from '../../src/roster/explain/fullCoverage.js';
import { shadowPrices } from '../../src/roster/explain/shadowPrices.js';
import { buildRosterModel } from '../../src/roster/model/model.js';
import { solveWithHighs } from '../../src/roster/solve/highs.js';
import { solveRoster } from '../../src/roster/solve/solve.js';
import type { Roster, RosterProblem } from '../../src/roster/types.js';
import { verifyRoster } from '../../src/roster/verify.js';
import { makeProblem, plainConfig } from './helpers.js';
import { relaxRoster } from '../../src/roster/solve/relaxation.js';

const inhouse = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, night_premium: 0.5, shift_lengths: [8], start_hours: [0, 8, 16] };
const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 7, shift_lengths: [8], start_hours: [0, 8, 16], max_agents: 4 };
const standby = {
  id: 'oncall',
  kind: 'standby',
  cost_per_hour: 10,
  retainer_per_hour: 2,
  shift_lengths: [4],
  start_hours: [8, 12, 16, 20],
  max_agents: 6,
};
// Day hours need 6, nights 2; the forecast's hi80 asks 3 more by day.
const need = (_: number, hour: number) => (hour >= 8 ? 6 : 2);
const high = (_: number, hour: number) => (hour >= 8 ? 9 : 2.5);

/** On-call staff per slot of a roster, recomputed from its standby list. */
function onCallBySlot(problem: RosterProblem, roster: Roster): number[] {
  const index = new Map(problem.slots.map((s, h) => [s.label, h]));
  const out = problem.slots.map(() => 0);
  for (const s of roster.standby ?? []) for (let k = 0; k < s.hours; k++) out[(index.get(s.start)! + k) % out.length] += s.agents;
  return out;
}

describe('a standby pool in the roster (SPEC section 7)', () => {
  let problem: RosterProblem;
  let roster: Roster;
  beforeAll(async () => {
    problem = makeProblem(plainConfig([inhouse, vendor, standby], { max_outsourced_share: 0.4 }), need, 1, high);
    roster = await solveRoster(problem);
  });

  it('plans on-call shifts so that staffed plus on-call staff cover the hi80 need in every hour', () => {
    expect(roster.status).toBe('optimal');
    expect(verifyRoster(problem, roster)).toEqual([]);
    const onCall = onCallBySlot(problem, roster);
    roster.hourly.forEach((h, i) => {
      expect(h.on_call).toBe(onCall[i]);
      expect(h.staffed + onCall[i]).toBeGreaterThanOrEqual(problem.slots[i].staffNeededHigh! - 1e-9);
    });
    // Retainers (2 an hour) are far cheaper than staffing the hi80 (7-10 an hour): the gap is on call.
    expect(onCall.some((v) => v > 0)).toBe(true);
    expect(roster.standby!.every((s) => s.pool === 'oncall' && [8, 12, 16, 20].includes(Number(s.start.slice(11, 13))))).toBe(true);
  });

  it('keeps on-call agents out of the shifts, the staffed figures and the outsourced share, and in the cost at the retainer', () => {
    expect(roster.shifts.some((s) => s.pool === 'oncall')).toBe(false);
    const retainers = (roster.standby ?? []).reduce((a, s) => a + s.agents * s.hours * 2, 0);
    expect(roster.cost.by_pool.oncall).toBeCloseTo(retainers, 6);
    const shiftsCost = roster.cost.by_pool.inhouse + roster.cost.by_pool.vendor;
    expect(roster.cost.total).toBeCloseTo(shiftsCost + retainers, 6);
    const paid = roster.shifts.reduce((a, s) => a + s.agents * s.hours, 0);
    const outsourced = roster.shifts.filter((s) => s.pool === 'vendor').reduce((a, s) => a + s.agents * s.hours, 0);
    expect(roster.kpis.outsourced_share).toBeCloseTo(outsourced / paid, 6);
  });

  it('costs between the week without the cover and the week staffed to its hi80, and keeps no on-call shift it could drop', async () => {
    const objective = (r: Roster) => r.cost.total + r.cost.shortfall_penalty;
    const plain = await solveRoster({ ...problem, standby: undefined });
    expect(plain.standby).toBeUndefined();
    const staffedToHigh = await solveRoster(
      makeProblem(plainConfig([inhouse, vendor], { max_outsourced_share: 0.4, min_coverage: 1, night: { min_coverage: 1 } }), high),
    );
    expect(objective(roster)).toBeGreaterThan(objective(plain));
    expect(objective(roster)).toBeLessThan(objective(staffedToHigh));
    // Dropping any one on-call shift breaks the cover somewhere.
    for (let i = 0; i < roster.standby!.length; i++) {
      const fewer = structuredClone(roster);
      const shift = fewer.standby![i];
      shift.agents -= 1;
      if (shift.agents === 0) fewer.standby!.splice(i, 1);
      expect(verifyRoster(problem, fewer).some((e) => e.includes('standby cover'))).toBe(true);
    }
  });

  it('is rejected by the check when an on-call shift is dropped, moved off its start hours or over max_agents', () => {
    const moved = structuredClone(roster);
    moved.standby!.push({ pool: 'oncall', start: '2026-11-30T09:00', hours: 4, agents: 7 });
    const errors = verifyRoster(problem, moved);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('may not start at 9:00'),
        expect.stringContaining('max_agents is 6'),
        expect.stringContaining('reported on_call'),
      ]),
    );
    const none = structuredClone(roster);
    delete none.standby;
    expect(verifyRoster(problem, none)).toEqual(expect.arrayContaining([expect.stringContaining('no standby list')]));
  });

  it('prices the standby cover per 0.01 less, as a re-solve of the relaxation finds it', async () => {
    const prices = shadowPrices(problem, await relaxRoster(problem), 'CNY');
    const cover = prices.find((p) => p.rule === 'standby.coverage')!;
    expect(cover.per).toBe('0.01 less');
    const lp = async (p: RosterProblem) =>
      (await solveWithHighs(buildRosterModel(p).program, { timeLimitSeconds: 30, mipRelGap: 0, relax: true })).objective!;
    const fall = (await lp(problem)) - (await lp({ ...problem, standby: { ...problem.standby!, coverage: 0.99 } }));
    expect(fall).toBeGreaterThan(0);
    expect(cover.value).toBeCloseTo(fall, 3);
    expect(prices.find((p) => p.rule === 'pools.oncall.max_agents')).toBeDefined();
  });

  it("counts the retainers in the cost of covering every hour fully (the over_budget alarm's figure)", async () => {
    const withCover = fullCoverageCost(await relaxRoster(problem))!;
    const without = fullCoverageCost(await relaxRoster({ ...problem, standby: undefined }))!;
    // Fully staffed, the hi80 still asks 3 more by day (16 h x 7 days on call at a retainer of 2)
    // and 0.5 more at night, where no one may be on call (8 h x 7 nights of in-house at 10 x 1.5).
    expect(withCover - without).toBeGreaterThan(0);
    expect(withCover - without).toBeLessThanOrEqual(3 * 16 * 7 * 2 + 0.5 * 8 * 7 * 15 + 1e-6);
  });

  it('needs no on-call shift at standby.coverage 0', async () => {
    const zero = await solveRoster({ ...problem, standby: { ...problem.standby!, coverage: 0 } });
    expect(zero.standby).toEqual([]);
    expect(zero.cost.by_pool.oncall).toBe(0);
  });

  it('names the standby cover, and the coverage that can be met, when on-call capacity cannot reach the hi80', async () => {
    // Nobody may be on call at night, and the in-house pool is capped: a night hi80 of 5 is out of reach.
    const capped = { ...inhouse, max_agents: 2 };
    const thin = makeProblem(plainConfig([capped, vendor, standby]), need, 1, (_, hour) => (hour >= 8 ? 9 : 12));
    const result = await solveRoster(thin);
    expect(result.status).toBe('infeasible');
    expect(result.explanation).toMatch(/standby\.coverage/);
    // At night 2 in-house + 4 vendor staff = 6 of the 12 asked: at most 0.5.
    expect(result.explanation).toContain('lower standby.coverage to 0.5');
  });
});

describe('standby pools in the configuration', () => {
  const base = { pools: [inhouse] };
  it('need a retainer, and only they have one', () => {
    expect(() => parseConfig({ ...base, pools: [inhouse, { ...standby, retainer_per_hour: undefined }] })).toThrow(/retainer_per_hour/);
    expect(() => parseConfig({ ...base, pools: [{ ...inhouse, retainer_per_hour: 2 }] })).toThrow(/retainer_per_hour/);
  });
  it('take no tour and no tier, and cannot be the only pools', () => {
    expect(() => parseConfig({ pools: [inhouse, { ...standby, week_pattern: { days: 5 } }] })).toThrow(/week_pattern/);
    expect(() => parseConfig({ pools: [standby] })).toThrow(/every pool is a standby pool/);
  });
  it('need the hi80 column in the requirements', () => {
    expect(() => makeProblem(plainConfig([inhouse, standby]), need)).toThrow(/staff_needed_hi80/);
  });
});

describe('the staff the forecast hi80 needs (requirements.csv)', () => {
  const points = [0, 1, 2].map((h) => ({ t: Date.UTC(2026, 10, 30, h), contacts: 400, lo80: 350, hi80: 480 }));
  it('is the same staffing at hi80, written as staff_needed_hi80 and read back, only with a standby pool', () => {
    const config = parseConfig({ pools: [inhouse, standby] });
    const rows = requirementsFor(points, config, []);
    const atHigh = requirementsFor(
      points.map((p) => ({ ...p, contacts: p.hi80 })),
      parseConfig({ pools: [inhouse] }),
      [],
    );
    rows.forEach((r, i) => {
      expect(r.staffNeededHigh).toBe(atHigh[i].staffNeeded);
      expect(r.staffNeededHigh!).toBeGreaterThan(r.staffNeeded);
    });
    const csv = formatRequirements(rows, config.timezone, false);
    expect(csv.split('\n')[0]).toContain('staff_needed,staff_needed_hi80');
    const { needs } = parseStaffNeeds(csv, 'requirements.csv', config.timezone);
    needs.forEach((n, i) => expect(n.staffNeededHigh).toBeCloseTo(rows[i].staffNeededHigh!, 3));
    expect(requirementsFor(points, parseConfig({ pools: [inhouse] }), [])[0].staffNeededHigh).toBeUndefined();
  });
});
