/** A term `coef * variable` of a linear expression. */
export interface LinearTerm {
  variable: string;
  coef: number;
}

/** One constraint `terms (>= | <= | =) rhs`, named so a solver log or an LP file reads by meaning. */
export interface LinearRow {
  name: string;
  terms: LinearTerm[];
  sense: '>=' | '<=' | '=';
  rhs: number;
}

/**
 * A linear program in plain data: minimise `objective` subject to `rows`, every variable >= 0,
 * the `integers` integral. Every variable must appear in the objective or in a row.
 */
export interface LinearProgram {
  objective: LinearTerm[];
  rows: LinearRow[];
  /** Names of the integer variables; the others are continuous. */
  integers: string[];
}

const TERMS_PER_LINE = 8;

/**
 * The program as CPLEX LP text, the format HiGHS reads (and `--export-lp` writes).
 * @example toLpFormat({ objective: [{ variable: 'x', coef: 2 }], rows: [{ name: 'r', terms: [{ variable: 'x', coef: 1 }], sense: '>=', rhs: 3 }], integers: ['x'] })
 * //=> 'Minimize\n obj: 2 x\nSubject To\n r: 1 x >= 3\nGenerals\n x\nEnd\n'
 */
export function toLpFormat(lp: LinearProgram): string {
  const out = ['Minimize', ` obj: ${expression(lp.objective)}`];
  if (lp.rows.length > 0) {
    out.push('Subject To');
    for (const row of lp.rows) out.push(` ${row.name}: ${expression(row.terms)} ${row.sense} ${num(row.rhs)}`);
  }
  if (lp.integers.length > 0) {
    out.push('Generals');
    for (let i = 0; i < lp.integers.length; i += TERMS_PER_LINE) out.push(` ${lp.integers.slice(i, i + TERMS_PER_LINE).join(' ')}`);
  }
  out.push('End');
  return `${out.join('\n')}\n`;
}

// Long rows are wrapped: CPLEX-style readers limit the line length.
function expression(terms: readonly LinearTerm[]): string {
  if (terms.length === 0) return '0';
  const parts = terms.map((t, i) => {
    const sign = t.coef < 0 ? '-' : i === 0 ? '' : '+';
    return `${sign}${sign ? ' ' : ''}${num(Math.abs(t.coef))} ${t.variable}`;
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += TERMS_PER_LINE) lines.push(parts.slice(i, i + TERMS_PER_LINE).join(' '));
  return lines.join('\n   ');
}

// Shortest round-trip decimal: exact coefficients, no exponent for the magnitudes a roster has.
function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
}
