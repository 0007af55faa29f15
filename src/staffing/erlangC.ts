import { logErlangB } from './erlangB.js';
import { idleMetrics, loadErlangs, type Queue, type QueueMetrics } from './queue.js';

/**
 * Erlang C (M/M/n): Poisson arrivals, exponential handle times, n agents, nobody hangs up.
 */

/**
 * Erlang C metrics when ln B(agents) is already known (the search in `agentsNeeded` reuses it).
 * @param queue arrivals per hour, handle time in seconds, agents
 * @param answerWithinSeconds the service-level threshold, seconds
 * @param logBlocking ln of Erlang B at `queue.agents` and this queue's load
 */
export function erlangCFromBlocking(queue: Queue, answerWithinSeconds: number, logBlocking: number): QueueMetrics {
  const { agents: n, ahtSeconds } = queue;
  const a = loadErlangs(queue.arrivalsPerHour, ahtSeconds);
  if (a === 0) return idleMetrics();
  if (n <= a) {
    // No steady state: the queue grows for as long as the hour lasts.
    return { loadErlangs: a, pWait: 1, serviceLevel: 0, asaSeconds: Infinity, abandonRate: 0, occupancy: 1, stable: false };
  }
  // C = n·B / (n - a·(1 - B)), in logs.
  const pWait = Math.min(1, Math.exp(Math.log(n) + logBlocking - Math.log(n - a + Math.exp(Math.log(a) + logBlocking))));
  const spare = n - a;
  return {
    loadErlangs: a,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-spare * answerWithinSeconds) / ahtSeconds),
    asaSeconds: (pWait * ahtSeconds) / spare,
    abandonRate: 0,
    occupancy: a / n,
    stable: true,
  };
}

/**
 * Erlang C: probability of waiting, service level, average speed of answer and occupancy.
 * With agents <= load there is no steady state; the result says so explicitly
 * (`stable: false`, P(wait) 1, service level 0, ASA Infinity, occupancy 1).
 * @param queue arrivals per hour, handle time in seconds, agents
 * @param answerWithinSeconds the service-level threshold, seconds
 * @example
 * erlangC({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14 }, 20)
 * //=> { loadErlangs: 10, pWait: 0.1741, serviceLevel: 0.8884, asaSeconds: 7.84, abandonRate: 0, occupancy: 0.714, stable: true }
 */
export function erlangC(queue: Queue, answerWithinSeconds: number): QueueMetrics {
  const a = loadErlangs(queue.arrivalsPerHour, queue.ahtSeconds);
  return erlangCFromBlocking(queue, answerWithinSeconds, logErlangB(a)(queue.agents));
}
