import { queueDemand, type PlanConfig } from '../domain/config.js';
import type { ForecastPoint, Instant } from '../domain/types.js';
import { pooledForecast } from '../forecast/pooled.js';

/** Per tier, its queues' forecast pooled per hour (every queue of a one-tier center is its tier's). */
export function tierForecasts(
  forecast: readonly ForecastPoint[],
  config: Pick<PlanConfig, 'demand'>,
): Map<string, Map<Instant, ForecastPoint>> {
  const byTier = new Map<string, ForecastPoint[]>();
  for (const p of forecast) {
    const tier = queueDemand(config, p.queue).tier;
    byTier.set(tier, [...(byTier.get(tier) ?? []), p]);
  }
  return new Map([...byTier].map(([tier, points]) => [tier, new Map(pooledForecast(points).map((p) => [p.t, p]))]));
}
