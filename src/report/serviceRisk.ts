import { pct } from '../domain/format.js';
import type { RiskFigures } from './summary.js';

/** The service risk in one sentence, for the report, the text summary and the console. */
export function riskText(risk: RiskFigures): string {
  const staffedTo =
    risk.max_miss_probability === null
      ? 'staffed to the point forecast'
      : `staffed for at most ${pct(risk.max_miss_probability)} miss risk per hour`;
  return `${pct(risk.week_miss_probability)} chance the week misses its service level; ${risk.expected_missed_hours} hours expected to miss their target (${staffedTo})`;
}

/** The hours most likely to miss their target, riskiest first (the report and the text name them). */
export function riskiestHours(risk: RiskFigures, count: number): RiskFigures['hours'] {
  return [...risk.hours]
    .sort((a, b) => b.miss_probability - a.miss_probability)
    .slice(0, count)
    .filter((h) => h.miss_probability > 0);
}
