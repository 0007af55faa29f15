/**
 * The sums behind Erlang A. With x = n·patience/AHT and y = arrivals per second x patience, a
 * contact that finds all n agents busy and k contacts already waiting has weight
 * t_k = y^k / ((x+1)(x+2)...(x+k)); it is answered with probability x/(x+k+1), and, if answered,
 * after a mean wait of patience x (1/(x+1) + ... + 1/(x+k+1)) seconds.
 * (The sum of t_k is x·e^y·y^-x·γ(x, y), the incomplete-gamma form of the literature.)
 */

/** The three sums, each equal to `value x e^logScale`. */
export interface PatienceSums {
  logScale: number;
  /** Σ t_k */
  total: number;
  /** Σ t_k · x/(x+k+1): weight of the waiting contacts that are answered */
  answered: number;
  /** Σ t_k · x/(x+k+1) · Σ_{i<=k+1} 1/(x+i): their wait, in units of the mean patience */
  answeredWait: number;
}

const RESCALE = 1e200;
const LN_RESCALE = Math.log(RESCALE);

/**
 * Sums the series term by term from k = 0, rescaling past 1e200 (the terms peak near k = y - x,
 * which is huge when the hour is overloaded), and stops once the rest is below 1e-17 of the sum.
 * Cost: about max(0, y - x) + a few times sqrt(y) terms, or 40/(1 - y/x) when y < x.
 * @param x agents x mean patience / mean handle time (> 0)
 * @param y arrivals per second x mean patience, seconds (>= 0)
 */
export function patienceSums(x: number, y: number): PatienceSums {
  let term = 1;
  let logScale = 0;
  let total = 0;
  let answered = 0;
  let answeredWait = 0;
  let harmonic = 0;
  for (let k = 0; ; k++) {
    if (k > 0) term *= y / (x + k);
    const share = x / (x + k + 1);
    harmonic += 1 / (x + k + 1);
    total += term;
    answered += term * share;
    answeredWait += term * share * harmonic;
    if (term > RESCALE) {
      term /= RESCALE;
      total /= RESCALE;
      answered /= RESCALE;
      answeredWait /= RESCALE;
      logScale += LN_RESCALE;
    }
    // Past the peak the ratios y/(x+j) fall, so the rest is below term·r/(1-r), r = y/(x+k+1).
    const spare = x + k + 1 - y;
    if (spare > 0 && term * y < 1e-17 * total * spare) break;
  }
  return { logScale, total, answered, answeredWait };
}
