import { isOpen } from './closedHours.js';
import { applyEffects, learnEffects } from './events/effects.js';
import type { Occurrence } from './events/occurrences.js';
import type { ModelSpec } from './models/model.js';
import type { Series } from './series.js';

/**
 * The expected contacts at `targets` by one model family, as the product serves them: the
 * family's normal volume, times what past events taught about the events covering each hour,
 * and 0 in hours the center is closed. A family that throws or returns a non-finite value
 * is a bug surfaced to the caller (the backtest turns it into "not selectable").
 */
export function pointForecast(spec: ModelSpec, s: Series, occurrences: readonly Occurrence[], targets: readonly number[]): Float64Array {
  const normal = spec.create().fit(s).predict(targets);
  const withEvents = applyEffects(learnEffects(s, occurrences), occurrences, targets, normal);
  return withEvents.map((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`${spec.name} gave a non-finite forecast`);
    return isOpen(s, targets[i]) ? Math.max(0, v) : 0;
  });
}
