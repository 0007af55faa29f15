import type { ModelSpec } from './models/model.js';
import { DampedLevel } from './models/dampedLevel.js';
import { PoissonGlm } from './models/poissonGlm.js';
import { SeasonalNaive } from './models/seasonalNaive.js';
import { SeasonalProfile } from './models/seasonalProfile.js';

/**
 * Every model family the backtest may choose from, one line each. Names must be unique; the
 * first entry is the fallback when a series is too short to backtest.
 */
export const MODELS: readonly ModelSpec[] = [
  { name: 'seasonal-profile', create: () => new SeasonalProfile() },
  { name: 'damped-level', create: () => new DampedLevel() },
  { name: 'month-cycle', create: () => new DampedLevel(true) },
  { name: 'poisson-glm', create: () => new PoissonGlm() },
  // Half a year, half-life a quarter: where weekly levels swing and revert, a long memory wins.
  { name: 'poisson-glm-long', create: () => new PoissonGlm(26, 0.95, 'poisson-glm-long') },
  { name: 'seasonal-naive', create: () => new SeasonalNaive() },
];

/** The fallback family: robust and defined from a single week of history. */
export const FALLBACK: ModelSpec = MODELS[0];
