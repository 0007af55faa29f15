import { WEEK } from '../calendar.js';
import { dailyLevels } from '../dailyLevels.js';
import { poissonIrls, type PoissonFit } from '../glm/irls.js';
import { dayOfMonth, monthFactors } from '../monthCycle.js';
import { endOf, type Series, typicalAt } from '../series.js';
import { profileIndex, weekProfile, type WeekProfile } from '../weekProfile.js';
import { robustDayWeights } from './robustDays.js';
import type { ForecastModel } from './model.js';

/** Ridge on the month-cycle coefficient: negligible against real data, decisive without any. */
const RIDGE = 1;

/**
 * Log-linear Poisson regression fitted by IRLS: log E[contacts] = one effect per hour of the week
 * + β·log(day-of-month factor). Weeks are weighted `decay^k`, so the hour-of-week effects carry
 * the recent level. The day-of-month factors (salary days, billing cycles; see `monthCycle.ts`)
 * are shrunk towards 1, and β learns how strongly they really act in recent weeks (0 when there
 * is no monthly cycle). The model is fitted twice: the second fit re-weights whole days by how far
 * their level strays from the first (Tukey's bisquare), so unannounced holidays, outages and
 * viral days get no say in the profile or the level. Event hours count at their imputed normal
 * volume (`Series.typical`; the pipeline applies what past events taught): left out, a weekly
 * streamer's slot had no hour to fit and was forecast as 0.
 */
export class PoissonGlm implements ForecastModel {
  private fitted: { fit: PoissonFit; ref: WeekProfile; month: Float64Array } | undefined;

  /**
   * @param weeks weeks of history fitted
   * @param decay weight of the k-th week back is decay^k
   * @param name the family's name in the registry
   */
  constructor(
    private readonly weeks = 16,
    private readonly decay = 0.9,
    readonly name = 'poisson-glm',
  ) {}

  fit(series: Series): this {
    const end = endOf(series);
    // Only the alignment of hours of the week and the day levels are read from this profile.
    const ref = weekProfile(series, 8, 0.9);
    const month = monthFactors(dailyLevels(series, ref, 365));
    const lhs: number[] = [];
    const y: number[] = [];
    const w: number[] = [];
    for (let lh = Math.max(series.first, end - this.weeks * WEEK); lh < end; lh++) {
      const v = typicalAt(series, lh);
      if (!Number.isFinite(v)) continue;
      lhs.push(lh);
      y.push(v);
      w.push(this.decay ** Math.floor((end - 1 - lh) / WEEK));
    }
    const group = Int32Array.from(lhs, (lh) => profileIndex(ref, lh));
    const cycle = Float64Array.from(lhs, (lh) => logMonth(month, lh));
    const design = { y: Float64Array.from(y), w: Float64Array.from(w), group, groups: WEEK, x: [cycle], ridge: RIDGE };
    const first = poissonIrls(design);
    const dayWeights = robustDayWeights(lhs, design.y, (i) => Math.exp(first.a[group[i]] + first.beta[0] * cycle[i]));
    const fit = poissonIrls({ ...design, w: design.w.map((v, i) => v * dayWeights[i]) });
    this.fitted = { fit, ref, month };
    return this;
  }

  predict(targets: readonly number[]): Float64Array {
    const f = this.fitted;
    if (!f) throw new Error('predict before fit');
    return Float64Array.from(targets, (lh) => {
      const v = Math.exp(f.fit.a[profileIndex(f.ref, lh)] + f.fit.beta[0] * logMonth(f.month, lh));
      return Number.isFinite(v) ? v : 0;
    });
  }
}

function logMonth(month: Float64Array, lh: number): number {
  return Math.log(month[dayOfMonth(Math.floor(lh / 24))]);
}
