import type { LinearRow, LinearTerm } from '../model/lpFormat.js';
import type { RosterModel } from '../model/model.js';
import type { LpVariant } from '../solve/highs.js';
import type { RosterRelaxation } from '../solve/relaxation.js';
import type { Roster, RosterProblem } from '../types.js';
import { roundTo } from '../../domain/round.js';

/** One entry of roster.json's `shadow_prices` (SPEC section 3). */
export type ShadowPrice = Roster['shadow_prices'][number];

/** A change to one row of the program: its new right-hand side, and new terms when they change. */
interface RowEdit {
  name: string;
  rhs: number;
  terms?: LinearTerm[];
}

/** What the LP's optimum says to first order: row duals, and the paid hours of its roster. */
interface LpSlopes {
  dual: (row: string) => number;
  paidHours: number;
}

/** A configured rule: its unit, the first-order fall its duals give, and the rows it relaxes. */
interface RuleRelaxation {
  rule: string;
  /** Objective fall per unit from the row duals (the slope at the current value). */
  slope: (lp: LpSlopes) => number;
  /** The rule's rows one unit looser. */
  edits: RowEdit[];
  say: (fall: number) => string;
  idle: string;
}

// Duals below this are solver noise, not a binding rule (objective units: currency).
const NOISE = 1e-7;

/**
 * What one more unit of each configured hard rule is worth (SPEC section 3, Shadow prices), from
 * the roster model's LP relaxation: `budget` per 1 currency unit, `max_outsourced_share` per 0.01,
 * `min_coverage` and `night.min_coverage` per 0.01 less, `pools.<id>.max_agents` per 1 agent, and
 * with standby pools `standby.coverage` per 0.01 less (SPEC section 7).
 * `value` is how much the objective (cost + shortfall penalty) falls when the rule is relaxed by
 * that unit. The row duals tell which rules bind (0 for the others); a binding rule's value is
 * then the LP re-solved from the optimal basis with the rule relaxed (ruleVariants), because a
 * whole unit (one agent in every hour) can cross a change of basis, past which the dual
 * overstates the saving.
 * Empty when the relaxation has no optimum (an infeasible week has no prices).
 * @param problem the week's roster problem
 * @param relaxation its plain model's LP relaxation (relaxation.ts)
 * @param currency the config's currency, for the sentences
 * @example
 * shadowPrices(problem, await relaxRoster(problem), 'CNY')
 * //=> [{ rule: 'budget', per: '1 CNY', value: 2.58, text: 'The budget binds: ...' }, ...]
 */
export function shadowPrices(problem: RosterProblem, relaxation: RosterRelaxation, currency: string): ShadowPrice[] {
  const { model, objective: base, values, duals } = relaxation;
  if (base === null) return [];
  const paidHours = model.decisions.reduce((a, d) => a + d.paidHours * (values.get(d.name) ?? 0), 0);
  const lp = { dual: (row: string) => duals.get(row) ?? 0, paidHours };
  return ruleRelaxations(problem, model, currency).map((r) => {
    const slope = r.slope(lp);
    if (slope <= NOISE) return { rule: r.rule, per: perOf(r.rule, currency), value: 0, text: r.idle };
    const relaxed = relaxation.relaxed.get(r.rule) ?? null;
    const value = roundTo(Math.max(0, relaxed === null ? slope : base - relaxed), 4);
    return { rule: r.rule, per: perOf(r.rule, currency), value, text: value > 0 ? r.say(value) : r.idle };
  });
}

/** Each configured rule relaxed by its unit, as a variant of the plain model's LP (what shadowPrices reads back by rule). */
export function ruleVariants(problem: RosterProblem, model: RosterModel): { rule: string; variant: LpVariant }[] {
  return ruleRelaxations(problem, model, '').map((r) => ({ rule: r.rule, variant: { rows: r.edits } }));
}

function perOf(rule: string, currency: string): string {
  if (rule === 'budget') return `1 ${currency}`;
  if (rule === 'max_outsourced_share') return '0.01';
  return rule.endsWith('min_coverage') || rule === 'standby.coverage' ? '0.01 less' : '1 agent';
}

/** Every configured rule with its slope from the duals and its rows one unit looser. */
function ruleRelaxations(
  problem: RosterProblem,
  { program, decisions, onCall, floorRows, standbyRows }: RosterModel,
  currency: string,
): RuleRelaxation[] {
  const out: RuleRelaxation[] = [];
  const rows = (test: (r: LinearRow) => boolean) => program.rows.filter(test);

  // Budget: a <= row; its dual is d(objective)/d(budget) <= 0.
  if (problem.budget !== null && rows((r) => r.name === 'budget').length > 0) {
    out.push({
      rule: 'budget',
      slope: (lp) => -lp.dual('budget'),
      edits: [{ name: 'budget', rhs: problem.budget + 1 }],
      say: (v) =>
        `The budget binds: each extra 1 ${currency} of budget buys staff that cut the shortfall penalty by ${money(v + 1, currency)}, a net saving of ${money(v, currency)} a week.`,
      idle: 'The budget does not bind: a larger budget would change nothing.',
    });
  }

  // Outsourced share: the cap sits in the row's coefficients (out - share x all paid hours <= 0),
  // so 0.01 more share moves it like 0.01 x all paid hours more right-hand side, to first order.
  const share = problem.maxOutsourcedShare;
  if (share !== null) {
    const row = rows((r) => r.name === 'outsourced_share')[0];
    const looser = share + 0.01;
    out.push({
      rule: 'max_outsourced_share',
      slope: (lp) => (row ? -lp.dual(row.name) * lp.paidHours * 0.01 : 0),
      edits: row
        ? [
            {
              name: row.name,
              rhs: 0,
              terms: decisions.map((d) => ({ variable: d.name, coef: d.paidHours * ((d.pool.kind === 'outsourced' ? 1 : 0) - looser) })),
            },
          ]
        : [],
      say: (v) =>
        `The outsourcing cap binds: allowing one more percentage point of paid hours to the vendor would save ${money(v, currency)} a week.`,
      idle: 'The outsourcing cap does not bind: moving more hours to the vendor would not save money.',
    });
  }

  // Coverage floors: >= rows of min_coverage x need (per tier with tiers); 0.01 less lowers each by 0.01 x need.
  const floorOf = new Map(floorRows.map((f) => [f.name, f]));
  for (const night of [false, true]) {
    const floors = rows((r) => floorOf.has(r.name) && problem.slots[floorOf.get(r.name)!.slot].night === night);
    const need = (r: LinearRow) => floorOf.get(r.name)!.need;
    const what = night ? 'The night coverage floor' : 'The coverage floor';
    out.push({
      rule: night ? 'night.min_coverage' : 'min_coverage',
      slope: (lp) => floors.reduce((a, r) => a + lp.dual(r.name) * need(r) * 0.01, 0),
      edits: floors.map((r) => ({ name: r.name, rhs: Math.max(0, r.rhs - 0.01 * need(r)) })),
      say: (v) =>
        `${what} binds: lowering it by one percentage point would save ${money(v, currency)} a week, at the price of thinner coverage in those hours.`,
      idle: `${what} does not bind: lowering it would save nothing.`,
    });
  }

  // Standby cover: >= rows of coverage x hi80 need; 0.01 less lowers each by 0.01 x that need.
  if (problem.standby) {
    const rhs = new Map(program.rows.map((r) => [r.name, r.rhs]));
    out.push({
      rule: 'standby.coverage',
      slope: (lp) => standbyRows.reduce((a, r) => a + lp.dual(r.name) * r.need * 0.01, 0),
      edits: standbyRows.map((r) => ({ name: r.name, rhs: Math.max(0, rhs.get(r.name)! - 0.01 * r.need) })),
      say: (v) =>
        `The standby cover binds: backing up one percentage point less of the forecast's upper end would save ${money(v, currency)} a week in retainers, at the price of fewer agents to call in on a busy day.`,
      idle: "The standby cover does not bind: the planned staff already back up the forecast's upper end.",
    });
  }

  // max_agents: one <= row per slot; one more agent raises every row of the pool by 1 (for a
  // standby pool: one more agent on call in every hour).
  const poolOf = new Map([...decisions, ...onCall].map((d) => [d.name, d.pool.id]));
  for (const pool of [...problem.pools, ...(problem.standby?.pools ?? [])]) {
    if (pool.max_agents === null) continue;
    const caps = rows((r) => r.name.startsWith('max_') && poolOf.get(r.terms[0].variable) === pool.id);
    out.push({
      rule: `pools.${pool.id}.max_agents`,
      slope: (lp) => -caps.reduce((a, r) => a + lp.dual(r.name), 0),
      edits: caps.map((r) => ({ name: r.name, rhs: r.rhs + 1 })),
      say: (v) => `Pool ${pool.id} is at its capacity: one more agent allowed on shift would save ${money(v, currency)} a week.`,
      idle: `Pool ${pool.id} is below its capacity: allowing more agents would save nothing.`,
    });
  }
  return out;
}

function money(v: number, currency: string): string {
  const digits = Math.abs(v) >= 100 ? 0 : 2;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** The roster with its shadow prices from the relaxation; an infeasible week keeps none (its relaxation has no optimum). */
export function withShadowPrices(roster: Roster, problem: RosterProblem, relaxation: RosterRelaxation, currency: string): Roster {
  return roster.status === 'infeasible' ? roster : { ...roster, shadow_prices: shadowPrices(problem, relaxation, currency) };
}
