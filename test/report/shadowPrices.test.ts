import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { solveWithHighs } from '../../src/roster/solve/highs.js';
import { buildRosterModel } from '../../src/roster/model/model.js';
import { shadowPrices, type ShadowPrice } from '../../src/roster/explain/shadowPrices.js';
import { realisticWeek, requirementsCsv } from '../roster/weekShape.js';
import { shadowConfig, shadowProblem, SHADOW_POOLS } from './shadowFixture.js';
import type { RosterProblem } from '../../src/roster/types.js';
import { relaxRoster } from '../../src/roster/solve/relaxation.js';

// The prices of a week from its plain model's relaxation, solved on its own.
const pricesOf = async (problem: RosterProblem, currency: string) => shadowPrices(problem, await relaxRoster(problem), currency);

const NIGHT = { start_hour: 0, end_hour: 8 };
// Two weeks: in the first the budget, both floors and the vendor's capacity bind; in the second
// the outsourcing cap binds instead of the budget.
const TIGHT_BUDGET = { budget: 168_000, max_outsourced_share: 0.3, min_coverage: 0.9, night: { ...NIGHT, min_coverage: 0.8 } };
const TIGHT_SHARE = { budget: null, max_outsourced_share: 0.1, min_coverage: 0.9, night: { ...NIGHT, min_coverage: 0.8 } };

/** Each rule relaxed by its unit, as config overrides (the checker's --set takes the same). */
function relaxed(rules: Record<string, unknown>, rule: string): { extra: Record<string, unknown>; set: string } {
  const r = rules as { budget: number; max_outsourced_share: number; min_coverage: number; night: { min_coverage: number } };
  switch (rule) {
    case 'budget':
      return { extra: { ...rules, budget: r.budget + 1 }, set: `budget=${r.budget + 1}` };
    case 'max_outsourced_share':
      return {
        extra: { ...rules, max_outsourced_share: r.max_outsourced_share + 0.01 },
        set: `max_outsourced_share=${r.max_outsourced_share + 0.01}`,
      };
    case 'min_coverage':
      return { extra: { ...rules, min_coverage: r.min_coverage - 0.01 }, set: `min_coverage=${r.min_coverage - 0.01}` };
    case 'night.min_coverage':
      return {
        extra: { ...rules, night: { ...r.night, min_coverage: r.night.min_coverage - 0.01 } },
        set: `night.min_coverage=${r.night.min_coverage - 0.01}`,
      };
    default: {
      const id = rule.split('.')[1];
      const pools = SHADOW_POOLS.map((p) => (p.id === id ? { ...p, max_agents: p.max_agents! + 1 } : p));
      return { extra: { ...rules, pools }, set: `${rule}=${SHADOW_POOLS.find((p) => p.id === id)!.max_agents! + 1}` };
    }
  }
}

async function lpObjective(extra: Record<string, unknown>): Promise<number> {
  const lp = await solveWithHighs(buildRosterModel(shadowProblem(extra)).program, { timeLimitSeconds: 30, mipRelGap: 0, relax: true });
  expect(lp.status).toBe('optimal');
  return lp.objective!;
}

// A dual is the slope at the current value; a one-unit step may cross a change of basis, after
// which the LP (convex in its right-hand sides) falls a little more slowly.
function expectAgrees(price: ShadowPrice, fall: number) {
  expect(Math.abs(fall - price.value), `${price.rule}: dual ${price.value}, re-solved ${fall}`).toBeLessThanOrEqual(
    0.02 * Math.abs(price.value) + 0.01,
  );
}

describe('shadow prices', () => {
  for (const [name, rules] of [
    ['budget', TIGHT_BUDGET],
    ['outsourcing cap', TIGHT_SHARE],
  ] as const) {
    it(`agree with re-solving the relaxation one unit looser (binding ${name})`, async () => {
      const prices = await pricesOf(shadowProblem(rules), 'CNY');
      const base = await lpObjective(rules);
      expect(prices.find((p) => p.rule === (name === 'budget' ? 'budget' : 'max_outsourced_share'))!.value).toBeGreaterThan(0);
      for (const price of prices) expectAgrees(price, base - (await lpObjective(relaxed(rules, price.rule).extra)));
    });
  }

  it('list one entry per configured rule, and none for a rule that is not set', async () => {
    const rules = (await pricesOf(shadowProblem({ ...TIGHT_SHARE }), 'CNY')).map((p) => p.rule);
    expect(rules).toEqual(['max_outsourced_share', 'min_coverage', 'night.min_coverage', 'pools.vendor.max_agents']);
  });

  it('are 0, and say so, for a rule that does not bind', async () => {
    const prices = await pricesOf(shadowProblem({ ...TIGHT_SHARE, budget: 10_000_000 }), 'EUR');
    const budget = prices.find((p) => p.rule === 'budget')!;
    expect(budget).toMatchObject({ per: '1 EUR', value: 0 });
    expect(budget.text).toMatch(/does not bind/);
  });

  it('are empty for a week whose rules cannot all hold', async () => {
    expect(await pricesOf(shadowProblem({ ...TIGHT_BUDGET, budget: 1000 }), 'CNY')).toEqual([]);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const checker = path.join(path.resolve(repoRoot, '../shared'), 'bench/roster-check.py');
const python = '/usr/bin/python3';
const checkerPresent = existsSync(python) && existsSync(checker);
if (!checkerPresent) console.warn(`SKIPPED: shadow prices against roster-check.py lp --set need ${python} and ${checker}.`);

describe('shadow prices against the independent checker (roster-check.py lp --set)', () => {
  it.runIf(checkerPresent)('match its finite differences of the LP relaxation (CBC)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shadow-'));
    const files = { config: path.join(dir, 'config.json'), requirements: path.join(dir, 'requirements.csv') };
    writeFileSync(files.config, JSON.stringify({ week_start: '2026-11-30', timezone: 'Asia/Shanghai', ...shadowConfig(TIGHT_BUDGET) }));
    writeFileSync(files.requirements, requirementsCsv(realisticWeek(40)));
    const lp = (set: string[]) =>
      JSON.parse(
        execFileSync(
          python,
          [checker, 'lp', '--config', files.config, '--requirements', files.requirements, ...set.flatMap((s) => ['--set', s])],
          { encoding: 'utf8' },
        ),
      ).objective as number;
    const base = lp([]);
    for (const price of await pricesOf(shadowProblem(TIGHT_BUDGET), 'CNY'))
      expectAgrees(price, base - lp([relaxed(TIGHT_BUDGET, price.rule).set]));
  });
});
