import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTimestamp } from '../domain/time.js';
import type { ContactsPoint, TradeoffPoint } from '../report/charts.js';
import { costByDay } from '../report/costByDay.js';
import { reportPage } from '../report/page.js';
import type { PlanSummary } from '../report/summary.js';
import { buildRosterProblem } from '../roster/problem.js';
import type { Roster } from '../roster/types.js';
import type { ScenarioBase, ScenarioResult } from './types.js';

/** The grid's points that have a cost and a service level, for the trade-off chart. */
export function tradeoffPoints(result: ScenarioResult): TradeoffPoint[] {
  return result.points.flatMap((p) =>
    p.cost.total === null || p.service_level === null ? [] : [{ cost: p.cost.total, serviceLevel: p.service_level, pareto: p.pareto }],
  );
}

/**
 * A plan folder's report page again, with the trade-off curve of a scenario grid run on it. The
 * folder is only read (plans are immutable): the page goes wherever the caller writes it. The
 * folder keeps no history, so the contacts chart shows the week's forecast alone.
 * @param dir the plan folder
 * @param base the scenario base read from that folder (`planBase(dir)`)
 */
export async function planReportWithTradeoff(dir: string, base: ScenarioBase, result: ScenarioResult): Promise<string> {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as PlanSummary;
  const roster = JSON.parse(readFileSync(join(dir, 'roster.json'), 'utf8')) as Roster;
  const problem = buildRosterProblem(base.needs, base.config, base.weekStart, base.withOffset);
  const contacts = (base.demand ?? []).map(
    (p): ContactsPoint => ({
      time: formatTimestamp(p.t, base.config.timezone),
      series: 'forecast',
      contacts: p.contacts,
      lo80: p.lo80,
      hi80: p.hi80,
    }),
  );
  return reportPage(summary, roster, { contacts, costs: costByDay(roster, problem), tradeoff: tradeoffPoints(result) });
}
