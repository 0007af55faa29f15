/**
 * A number rounded to `digits` decimal places, for figures written to files and reports.
 * @example roundTo(2.34567, 2) //=> 2.35
 */
export function roundTo(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
