import type { Counts } from './assemble.js';
import type { LinearProgram } from '../model/lpFormat.js';
import type { RosterModel } from '../model/model.js';

/**
 * The roster model restricted to the shifts (tours, on-call shifts) that the LP relaxation or the
 * seed roster staffs; every other one is left out, i.e. fixed at 0. This is RENS (Berthold's
 * relaxation-enforced neighbourhood search): the optimum usually lies among the LP's columns, and
 * the small MIP that remains has a cheap root, where the whole model's root cut rounds take most
 * of a solve (measured on tour weeks). The seed stays feasible in it, so its answer is never
 * worse; what it proves bounds only the neighbourhood, not the week.
 * @param relaxed the LP relaxation's value of each variable (absent = 0)
 */
export function supportProgram(model: RosterModel, program: LinearProgram, relaxed: Map<string, number>, seed: Counts): LinearProgram {
  const dropped = new Set(
    [...model.decisions, ...model.onCall]
      .filter((d) => (relaxed.get(d.name) ?? 0) < 1e-6 && (seed.get(d.name) ?? 0) === 0)
      .map((d) => d.name),
  );
  const keep = (terms: LinearProgram['objective']) => terms.filter((t) => !dropped.has(t.variable));
  return {
    objective: keep(program.objective),
    // A row left with no variable holds anyway (the seed met it with those columns at 0).
    rows: program.rows.map((r) => ({ ...r, terms: keep(r.terms) })).filter((r) => r.terms.length > 0),
    integers: program.integers.filter((v) => !dropped.has(v)),
  };
}
