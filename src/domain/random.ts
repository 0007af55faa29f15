/**
 * A seeded pseudo-random stream (the simulator, the sample center): xoshiro128** (Blackman and Vigna), seeded
 * through splitmix32, so that a seed gives the same contacts on every machine and replications
 * get independent-looking streams. Not for cryptography.
 */

/** A stream of random numbers from one seed. */
export interface Random {
  /** Uniform on the open interval (0, 1). */
  uniform(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
}

/**
 * A random stream from an integer seed; `stream` picks one of many independent streams of
 * the same seed (one per replication).
 * @example
 * const r = seededRandom(42);
 * r.uniform() //=> the same number on every run
 */
export function seededRandom(seed: number, stream = 0): Random {
  let z = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const splitmix = () => {
    z = (z + 0x9e3779b9) >>> 0;
    let r = z;
    r = Math.imul(r ^ (r >>> 16), 0x85ebca6b);
    r = Math.imul(r ^ (r >>> 13), 0xc2b2ae35);
    return (r ^ (r >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix() || 1; // the state must not be all zero
  const next = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = () => (next() + 0.5) / 4294967296;
  let spare = NaN;
  return {
    uniform,
    exponential: (mean) => -mean * Math.log(uniform()),
    normal: () => {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      // Box-Muller: two normals from two uniforms; keep the second for the next call.
      const r = Math.sqrt(-2 * Math.log(uniform()));
      const angle = 2 * Math.PI * uniform();
      spare = r * Math.sin(angle);
      return r * Math.cos(angle);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A Poisson draw with mean `mean`: exact by multiplication below 500, normal approximation above. */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.uniform();
  while (p > limit) {
    k++;
    p *= random.uniform();
  }
  return k;
}
