import { describe, expect, it } from 'vitest';
import { weekHours } from '../../src/domain/time.js';
import { parseConfig } from '../../src/io/config.js';
import { type PointTask, solvePoint } from '../../src/scenarios/point.js';
import { inputErrorAsync } from '../support/inputError.js';

const WEEK = '2026-11-30';

/**
 * A tiny base: one in-house pool at 10 an hour with 8-hour shifts from 00:00, 08:00 and 16:00, no
 * night premium, and a flat need of 2 staff every hour that must be met in full. The cheapest
 * roster puts 2 agents on each of the 21 shifts: 2 x 168 x 10 = 3360.
 */
function task(o: { needPerHour?: number; contacts?: number | null; budget?: number | null; set?: Record<string, number> } = {}): PointTask {
  const config = parseConfig({
    week_start: WEEK,
    timezone: 'Asia/Shanghai',
    budget: o.budget ?? null,
    max_outsourced_share: null,
    min_coverage: 1,
    night: { min_coverage: 1 },
    demand: { bot_deflection: 0.5, aht_seconds: 240 },
    pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 10, shift_lengths: [8], start_hours: [0, 8, 16] }],
    solver: { time_limit_seconds: 20, mip_rel_gap: 0 },
  });
  const hours = weekHours(WEEK, config.timezone);
  const contacts = o.contacts === undefined ? null : o.contacts;
  return {
    config,
    weekStart: WEEK,
    withOffset: false,
    needs: hours.map((t) => ({ t, staffNeeded: o.needPerHour ?? 2 })),
    demand: contacts === null ? null : hours.map((t) => ({ t, contacts, lo80: contacts, hi80: contacts })),
    events: [],
    set: o.set ?? { budget: 1 },
    recompute: false,
    simulate: false,
  };
}

describe('solvePoint', () => {
  it('costs the cheapest roster and reports no shortfall, all in-house, echoing the point', async () => {
    const figures = await solvePoint(task({ set: { min_coverage: 1 } }));
    expect(figures.set).toEqual({ min_coverage: 1 });
    expect(figures.status).toBe('optimal');
    expect(figures.cost).toEqual({ total: 3360, by_pool: { inhouse: 3360 } });
    expect(figures.shortfall_staff_hours).toBe(0);
    expect(figures.outsourced_share).toBe(0);
  });

  it('has no service figures and no cost per contact without demand', async () => {
    const figures = await solvePoint(task());
    expect(figures.service_level).toBeNull();
    expect(figures.asa_seconds).toBeNull();
    expect(figures.cost_per_handled_contact).toBeNull();
  });

  it('divides the cost by the contacts that reach an agent (after bot deflection)', async () => {
    // 20 contacts an hour, half deflected: 10 x 168 = 1680 handled; 3360 / 1680 = 2.
    const figures = await solvePoint(task({ contacts: 20 }));
    expect(figures.cost_per_handled_contact).toBe(2);
    expect(figures.service_level).not.toBeNull();
    expect(figures.service_level!).toBeGreaterThanOrEqual(0);
    expect(figures.service_level!).toBeLessThanOrEqual(1);
    // Rounded as documented: four decimals for the service level, one for ASA.
    expect(figures.service_level).toBe(Math.round(figures.service_level! * 1e4) / 1e4);
    expect(figures.asa_seconds).toBe(Math.round(figures.asa_seconds! * 10) / 10);
  });

  it('delivers more service with more staff for the same contacts', async () => {
    const lean = await solvePoint(task({ contacts: 20, needPerHour: 2 }));
    const rich = await solvePoint(task({ contacts: 20, needPerHour: 4 }));
    expect([lean.cost.total, rich.cost.total]).toEqual([3360, 6720]);
    expect(rich.service_level!).toBeGreaterThan(lean.service_level!);
    expect(rich.asa_seconds!).toBeLessThan(lean.asa_seconds!);
  });

  it("recomputes the staff needs from the demand when a service target is varied, ignoring the base's needs", async () => {
    // Without needs in the week there is nothing to plan.
    const none = await inputErrorAsync(() => solvePoint({ ...task({ contacts: 20 }), needs: [], recompute: false }));
    expect(none.message).toMatch(/no row falls in the week starting 2026-11-30/);
    const recomputed = await solvePoint({ ...task({ contacts: 20 }), needs: [], recompute: true });
    expect(recomputed.status).toBe('optimal');
    expect(recomputed.cost.total!).toBeGreaterThan(0);
    expect(recomputed.shortfall_staff_hours).toBe(0);
  });

  it('leaves ASA out when the queue grows without bound', async () => {
    // 10 handled contacts of 240 s an hour are 0.67 Erlangs; 1 staff minus 30% shrinkage answers less.
    const figures = await solvePoint(task({ contacts: 20, needPerHour: 1 }));
    expect(figures.cost.total).toBe(1680);
    expect(figures.asa_seconds).toBeNull();
    expect(figures.service_level!).toBeLessThan(0.5);
  });

  it('reports an infeasible point with null figures when the budget cannot meet the floors', async () => {
    const figures = await solvePoint(task({ budget: 1000, contacts: 20, set: { budget: 1000 } }));
    expect(figures).toEqual({
      set: { budget: 1000 },
      status: 'infeasible',
      cost: { total: null, by_pool: {} },
      shortfall_staff_hours: null,
      service_level: null,
      asa_seconds: null,
      outsourced_share: null,
      cost_per_handled_contact: null,
    });
  });
});
