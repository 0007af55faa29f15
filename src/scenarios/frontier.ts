import type { ScenarioPoint, ScenarioResult } from './types.js';
import type { PointFigures } from './point.js';
import { roundTo } from '../domain/round.js';

// Costs within a cent and service levels (or shortfalls) within 1e-9 count as equal.
const COST_EPS = 0.005;
const LEVEL_EPS = 1e-9;

/** A point that can be judged: its cost and how good its service is (higher is better). */
interface Rated {
  point: PointFigures;
  cost: number;
  good: number;
}

/**
 * Marks the Pareto frontier: the points no other point beats on both cost and weekly service
 * level (at most as costly and at least as good, and better in one). Without contacts no point
 * has a service level, so the frontier is cost against `shortfall_staff_hours` (less is better).
 * Infeasible points are never on it. With service levels, also the marginal cost of one more
 * point of service level along it: per frontier point up to the next, and over the whole frontier.
 */
export function withFrontier(points: readonly PointFigures[]): ScenarioResult {
  const byLevel = points.some((p) => p.service_level !== null);
  const rated = points.flatMap((point): Rated[] => {
    const good = byLevel ? point.service_level : point.shortfall_staff_hours === null ? null : -point.shortfall_staff_hours;
    return point.cost.total === null || good === null ? [] : [{ point, cost: point.cost.total, good }];
  });
  const dominated = (p: Rated) =>
    rated.some(
      (q) => q.cost <= p.cost + COST_EPS && q.good >= p.good - LEVEL_EPS && (q.cost < p.cost - COST_EPS || q.good > p.good + LEVEL_EPS),
    );
  const frontier = rated.filter((p) => !dominated(p)).sort((a, b) => a.good - b.good || a.cost - b.cost);
  const slope = (a: Rated, b: Rated) => (b.cost - a.cost) / (100 * (b.good - a.good));
  const marginal = new Map<PointFigures, number | null>(
    frontier.map((p) => {
      const up = byLevel ? frontier.find((q) => q.good > p.good + LEVEL_EPS) : undefined;
      return [p.point, up ? roundTo(slope(p, up), 2) : null];
    }),
  );
  const [low, high] = [frontier[0], frontier[frontier.length - 1]];
  const overall = byLevel && low && high && high.good > low.good + LEVEL_EPS ? roundTo(slope(low, high), 2) : null;
  return {
    points: points.map(
      (p): ScenarioPoint => ({ ...p, pareto: marginal.has(p), marginal_cost_per_service_level_point: marginal.get(p) ?? null }),
    ),
    marginal_cost_per_service_level_point: overall,
  };
}
