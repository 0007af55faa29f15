/**
 * Erlang B blocking, evaluated by the stable recursion B(0) = 1, B(n) = a·B(n-1) / (n + a·B(n-1)),
 * carried in logarithms so that it neither overflows nor underflows: at 10,000 agents and a load
 * of 10 Erlangs B is about 1e-35,000, far below the smallest double, yet its log is exact.
 */

/**
 * The log of Erlang B blocking for any number of agents at one load, extended on demand and
 * cached, so that a search over agent counts pays for the recursion only once.
 * @param loadErlangs offered load, Erlangs (>= 0)
 * @returns a function from agents (integer >= 0) to ln B(agents)
 * @example
 * const logB = logErlangB(10);
 * Math.exp(logB(14)) //=> 0.0454...
 */
export function logErlangB(loadErlangs: number): (agents: number) => number {
  const logLoad = Math.log(loadErlangs);
  const cache = [0];
  return (agents) => {
    for (let n = cache.length; n <= agents; n++) {
      const logAB = logLoad + cache[n - 1];
      // ln B(n) = ln(a·B(n-1)) - ln(n + a·B(n-1)); a·B(n-1) may underflow to 0, which is harmless here.
      cache.push(logAB - Math.log(n + Math.exp(logAB)));
    }
    return cache[agents];
  };
}
