import { parseConfig } from '../../src/io/config.js';
import { costByDay } from '../../src/report/costByDay.js';
import { reportPage } from '../../src/report/page.js';
import { buildSummary } from '../../src/report/summary.js';
import { solveRoster } from '../../src/roster/solve/solve.js';
import { makeProblem, plainConfig } from '../roster/helpers.js';
import { realisticWeek } from '../roster/weekShape.js';

/** report.html of a small solved week (peak 20 staff), with made-up history and scenarios. */
export async function reportFixture(options: { withTradeoff: boolean }): Promise<string> {
  const pools = [
    { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] },
    { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, shift_lengths: [8], max_agents: 8 },
  ];
  const week = realisticWeek(20);
  const configInput = plainConfig(pools, { budget: 90_000 });
  const problem = makeProblem(configInput, (slot) => week[slot].staffNeeded);
  const config = parseConfig({ week_start: '2026-11-30', ...configInput });
  const roster = await solveRoster(problem);
  const requirements = problem.slots.map((s) => ({
    t: s.t,
    contacts: s.staffNeeded * 40,
    handledContacts: s.staffNeeded * 9,
    ahtSeconds: 240,
    agentsNeeded: Math.ceil(s.staffNeeded * 0.7),
    staffNeeded: s.staffNeeded,
  }));
  const summary = buildSummary({
    planId: 'fixture',
    weekStart: '2026-11-30',
    created: '2026-11-24T00:00:00Z',
    config,
    requirements,
    roster,
    delivered: {
      hours: roster.hourly.map(() => ({ serviceLevel: 0.9, asaSeconds: 10, occupancy: 0.8 })),
      week: { serviceLevel: 0.9, asaSeconds: 10 },
    },
    fullCoverageCost: null,
    files: [],
  });
  const history = week.map((h) => ({
    time: h.timestamp.replace('2026-11-30', '2026-11-23').replace('2026-12-0', '2026-11-2'),
    series: 'history' as const,
    contacts: h.staffNeeded * 38,
  }));
  const forecast = week.map((h, i) => ({
    time: problem.slots[i].label,
    series: 'forecast' as const,
    contacts: h.staffNeeded * 40,
    lo80: h.staffNeeded * 34,
    hi80: h.staffNeeded * 47,
  }));
  const tradeoff = options.withTradeoff
    ? [55_000, 58_000, 60_000, 62_000]
        .map((cost, i) => ({ cost, serviceLevel: 0.85 + 0.03 * i, pareto: true }))
        .concat([{ cost: 61_000, serviceLevel: 0.86, pareto: false }])
    : undefined;
  return reportPage(summary, roster, { contacts: [...history, ...forecast], costs: costByDay(roster, problem), tradeoff });
}
