import type { Random } from '../domain/random.js';

/** How handle times vary around their mean: exponential (CV 1), or lognormal with a given CV. */
export type HandleTimeModel = { kind: 'exponential' } | { kind: 'lognormal'; cv: number };

/**
 * A sampler of handle times with mean 1 (multiply by the hour's AHT in seconds). A lognormal with
 * mean 1 and coefficient of variation cv has sigma^2 = ln(1 + cv^2) and mu = -sigma^2 / 2.
 * @example
 * const draw = unitHandleTime({ kind: 'lognormal', cv: 1.2 }, seededRandom(1));
 * 180 * draw() //=> a handle time, seconds
 */
export function unitHandleTime(model: HandleTimeModel, random: Random): () => number {
  if (model.kind === 'exponential') return () => random.exponential(1);
  const sigma = Math.sqrt(Math.log1p(model.cv * model.cv));
  const mu = (-sigma * sigma) / 2;
  return () => Math.exp(mu + sigma * random.normal());
}
