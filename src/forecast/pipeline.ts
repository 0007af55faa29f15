import { isOpen } from './closedHours.js';
import { applyEffects, type EventEffects, type WithEvents } from './events/effects.js';
import { type Exposure, spillExposure } from './events/exposure.js';
import { learnEffects } from './events/learn.js';
import type { Occurrence } from './events/occurrences.js';
import type { ModelSpec } from './models/model.js';
import type { Series } from './series.js';

/**
 * A history to fit on, with the calendar and what its past events taught. The effects are the
 * same for every family fitted on one history, so they are learnt once here and passed along.
 */
export interface Training {
  series: Series;
  occurrences: readonly Occurrence[];
  exposure: Exposure;
  effects: EventEffects;
}

export function training(series: Series, occurrences: readonly Occurrence[]): Training {
  const exposure = spillExposure(series);
  return { series, occurrences, exposure, effects: learnEffects(series, occurrences, exposure) };
}

/**
 * The expected contacts at `targets` by one model family, as the product serves them: the
 * family's normal volume, times what past events taught about the events covering each hour,
 * and 0 in hours the center is closed; with the uncertainty new event names add there
 * (`WithEvents.newNameVariance`). A family that throws or returns a non-finite value is a bug surfaced
 * to the caller (the backtest turns it into "not selectable").
 */
export function pointForecast(spec: ModelSpec, t: Training, targets: readonly number[]): WithEvents {
  const normal = spec.create().fit(t.series).predict(targets);
  const { contacts, newNameVariance } = applyEffects(t.effects, t.occurrences, targets, normal, t.exposure);
  return {
    contacts: contacts.map((v, i) => {
      if (!Number.isFinite(v)) throw new Error(`${spec.name} gave a non-finite forecast`);
      return isOpen(t.series, targets[i]) ? Math.max(0, v) : 0;
    }),
    newNameVariance,
  };
}
