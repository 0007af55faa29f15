import type { ScenarioPoint, ScenarioResult } from './types.js';
import type { PointFigures } from './point.js';
import { roundTo } from '../domain/round.js';

// Costs within a cent and service levels within 1e-9 count as equal.
const COST_EPS = 0.005;
const LEVEL_EPS = 1e-9;

type Rated = PointFigures & { cost: { total: number }; service_level: number };

/**
 * Marks the Pareto frontier of cost against weekly service level (no other point is at most as
 * costly and at least as good, and better in one) and the marginal cost of one more point of
 * service level along it: per frontier point up to the next, and over the whole frontier.
 */
export function withFrontier(points: readonly PointFigures[]): ScenarioResult {
  const rated = points.filter((p): p is Rated => p.cost.total !== null && p.service_level !== null);
  const dominated = (p: Rated) =>
    rated.some(
      (q) =>
        q.cost.total <= p.cost.total + COST_EPS &&
        q.service_level >= p.service_level - LEVEL_EPS &&
        (q.cost.total < p.cost.total - COST_EPS || q.service_level > p.service_level + LEVEL_EPS),
    );
  const frontier = rated.filter((p) => !dominated(p)).sort((a, b) => a.service_level - b.service_level || a.cost.total - b.cost.total);
  const slope = (a: Rated, b: Rated) => (b.cost.total - a.cost.total) / (100 * (b.service_level - a.service_level));
  const marginal = new Map<PointFigures, number | null>(
    frontier.map((p) => {
      const up = frontier.find((q) => q.service_level > p.service_level + LEVEL_EPS);
      return [p, up ? roundTo(slope(p, up), 2) : null];
    }),
  );
  const [low, high] = [frontier[0], frontier[frontier.length - 1]];
  const overall = low && high && high.service_level > low.service_level + LEVEL_EPS ? roundTo(slope(low, high), 2) : null;
  return {
    points: points.map(
      (p): ScenarioPoint => ({ ...p, pareto: marginal.has(p), marginal_cost_per_service_level_point: marginal.get(p) ?? null }),
    ),
    marginal_cost_per_service_level_point: overall,
  };
}
