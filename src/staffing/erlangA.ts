import { logErlangB } from './erlangB.js';
import { patienceSums } from './patienceSeries.js';
import { idleMetrics, loadErlangs, type Queue, type QueueMetrics } from './queue.js';

/**
 * Erlang A (M/M/n+M, Palm's queue): Erlang C plus callers who hang up after an exponential
 * patience. Formulas (Mandelbaum and Zeltyn's summary of M/M/n+M), with B the Erlang B blocking,
 * S the series of `patienceSums`, rho = arrivals / (n / AHT):
 * - P(wait) = S·B / (1 + (S - 1)·B);
 * - P(answered | wait) = (Σ t_k·x/(x+k+1)) / S = (1 - 1/S) / rho;
 * - a waiting contact's virtual wait V has density α·e^(-αv)·exp(y(1 - e^(-θv))) / S
 *   (α = n/AHT, θ = 1/patience), so the answered-after-T part is the same series at y·e^(-θT)
 *   times exp(-(α+θ)T + y(1 - e^(-θT))), which keeps every sum positive (no cancellation).
 */

/**
 * Erlang A metrics when ln B(agents) is already known (the search in `agentsNeeded` reuses it).
 * @param queue arrivals per hour, handle time in seconds, agents
 * @param patienceSeconds mean patience of a waiting contact, seconds (exponential)
 * @param answerWithinSeconds the service-level threshold, seconds
 * @param logBlocking ln of Erlang B at `queue.agents` and this queue's load
 */
export function erlangAFromBlocking(queue: Queue, patienceSeconds: number, answerWithinSeconds: number, logBlocking: number): QueueMetrics {
  const { agents: n, ahtSeconds } = queue;
  const a = loadErlangs(queue.arrivalsPerHour, ahtSeconds);
  if (a === 0) return idleMetrics();
  if (n === 0) return { loadErlangs: a, pWait: 1, serviceLevel: 0, asaSeconds: Infinity, abandonRate: 1, occupancy: 0, stable: true };

  const lambda = queue.arrivalsPerHour / 3600; // contacts per second
  const theta = 1 / patienceSeconds;
  const alpha = n / ahtSeconds; // answers per second when every agent is busy
  const x = alpha / theta;
  const y = lambda / theta;

  const all = patienceSums(x, y);
  const logS = all.logScale + Math.log(all.total);
  // P(wait) = 1 / (1 + (1 - B) / (B·S)), in logs so that neither B nor S overflows.
  const pWait = 1 / (1 + Math.exp(Math.log1p(-Math.exp(logBlocking)) - logBlocking - logS));
  const answeredIfWait = all.answered / all.total;

  const T = answerWithinSeconds;
  const late = patienceSums(x, y * Math.exp(-theta * T));
  const logLate = -(alpha + theta) * T - y * Math.expm1(-theta * T) + late.logScale + Math.log(late.answered) - logS;
  const answeredWithinIfWait = Math.max(0, answeredIfWait - Math.exp(logLate));

  const abandonRate = pWait * (1 - answeredIfWait);
  const answered = 1 - abandonRate;
  const waitOfAnswered = (pWait * all.answeredWait * patienceSeconds) / all.total; // E[wait; answered], seconds
  return {
    loadErlangs: a,
    pWait,
    serviceLevel: 1 - pWait + pWait * answeredWithinIfWait,
    asaSeconds: answered > 0 ? waitOfAnswered / answered : Infinity,
    abandonRate,
    occupancy: Math.min(1, (a * answered) / n),
    stable: true,
  };
}

/**
 * Erlang A: probability of waiting, abandonment, average speed of answer (answered contacts) and
 * service level counted as contact centers do: answered within the threshold over all offered.
 * Abandonment keeps the queue stable at any number of agents; with no agents nobody is answered
 * (ASA Infinity).
 * @param queue arrivals per hour, handle time in seconds, agents
 * @param patienceSeconds mean patience of a waiting contact, seconds (exponential)
 * @param answerWithinSeconds the service-level threshold, seconds
 * @example
 * erlangA({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 12 }, 120, 20)
 * //=> { pWait: 0.2798, abandonRate: 0.0616, ... }
 */
export function erlangA(queue: Queue, patienceSeconds: number, answerWithinSeconds: number): QueueMetrics {
  const a = loadErlangs(queue.arrivalsPerHour, queue.ahtSeconds);
  return erlangAFromBlocking(queue, patienceSeconds, answerWithinSeconds, logErlangB(a)(queue.agents));
}
