import { endOf, normalAt, type Series } from './series.js';
import { profileIndex, type WeekProfile } from './weekProfile.js';

/** A day's volume against the profile: `ratio` = actual / profile, `weight` = profile volume. */
export interface DayLevel {
  /** Local day number (local hour number / 24). */
  day: number;
  ratio: number;
  weight: number;
}

/**
 * The level of each of the last `days` local days against a weekly profile, from normal hours
 * only; days with no normal hour (closed, event, missing) are left out rather than read as 0.
 */
export function dailyLevels(s: Series, profile: WeekProfile, days: number): DayLevel[] {
  const end = endOf(s);
  const lastDay = Math.floor((end - 1) / 24);
  const out: DayLevel[] = [];
  for (let day = lastDay - days + 1; day <= lastDay; day++) {
    let actual = 0;
    let expected = 0;
    for (let lh = day * 24; lh < day * 24 + 24 && lh < end; lh++) {
      const v = normalAt(s, lh);
      if (!Number.isFinite(v)) continue;
      actual += v;
      expected += profile.shape[profileIndex(profile, lh)];
    }
    if (expected > 0) out.push({ day, ratio: actual / expected, weight: expected });
  }
  return out;
}
