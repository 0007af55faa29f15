/**
 * Numbers as planners read them in the summary, the report, alerts and tables: a share as a
 * percentage with one decimal, money in whole units with thousands separators.
 * @example pct(0.4512) //=> '45.1%'
 * @example money(1093069.6) //=> '1,093,070'
 */
export const pct = (share: number | null, none = 'n/a') =>
  share === null ? none : `${(100 * share).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;

// `+ 0` turns the -0 of a tiny negative (rounding noise) into 0, which prints without a sign.
export const money = (amount: number | null, none = 'n/a') => (amount === null ? none : (Math.round(amount) + 0).toLocaleString('en-US'));
