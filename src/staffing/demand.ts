import { configTiers, queueDemand, type PlanConfig } from '../domain/config.js';
import type { ForecastPoint, Instant } from '../domain/types.js';
import { mean } from '../forecast/robust.js';

/** What one tier's agents face in one hour: its queues pooled into one group. */
export interface TierDemand {
  tier: string;
  /** Contacts reaching the tier's agents (after bot deflection). */
  handledContacts: number;
  /** Their mean handle time, seconds (weighted by handled contacts). */
  ahtSeconds: number;
  /** Contacts an agent works at once, as the queues' mix gives it (AHT / mean service time). */
  concurrency: number;
}

/** What one hour offers the agents. */
export interface HourDemand {
  t: Instant;
  /** Contacts reaching agents in the hour (after bot deflection). */
  handledContacts: number;
  ahtSeconds: number;
  /** Contacts an agent works at once; absent: `demand.concurrency`. */
  concurrency?: number;
  /** With more than one tier: each tier's part, in the order of `configTiers`. */
  tiers?: TierDemand[];
}

/** An hour's demand with the contacts it came from (before the bot). */
export type HourContacts = HourDemand & { contacts: number; concurrency: number };

/**
 * The demand of each forecast hour (SPEC section 3, Demand, per queue as issue 13 asks): each
 * queue's contacts less what the bot resolves of that queue, at the queue's handle time (the
 * forecast's, else its `aht_seconds`) raised by `aht_rise_per_point` for each point the bot
 * resolves above the queue's `baseline_deflection` (the bot keeps the easy ones), at the queue's
 * concurrency. Queues of one tier pool into one group; the hour is the sum of its tiers.
 * @param points forecast points, one per hour or one per hour and queue, in any order
 * @returns one entry per hour, in time order
 * @example
 * // demand.queues: { refund: { bot_deflection: 0.89 } }, default 0.78
 * demandByHour([{ t, contacts: 100, queue: 'refund', ... }, { t, contacts: 100, queue: 'order', ... }], config)[0].handledContacts
 * //=> 11 + 22 = 33
 */
export function demandByHour(points: readonly ForecastPoint[], config: PlanConfig): HourContacts[] {
  const tiers = configTiers(config);
  const byHour = new Map<Instant, ForecastPoint[]>();
  for (const p of points) byHour.set(p.t, [...(byHour.get(p.t) ?? []), p]);
  return [...byHour].sort((a, b) => a[0] - b[0]).map(([t, hour]) => hourDemand(t, hour, config, tiers));
}

/** An hour no forecast point covers: no contacts, the default handle time and concurrency. */
export function emptyHour(t: Instant, config: PlanConfig): HourContacts {
  return hourDemand(t, [], config, configTiers(config));
}

/** A running sum of queues' demand; handle time and concurrency are exact when every queue shares them. */
class Mix {
  contacts = 0;
  handled = 0;
  private work = 0;
  private service = 0;
  private readonly ahts = new Set<number>();
  private readonly concurrencies = new Set<number>();

  add(contacts: number, handled: number, ahtSeconds: number, concurrency: number): void {
    this.contacts += contacts;
    this.handled += handled;
    this.work += handled * ahtSeconds;
    this.service += (handled * ahtSeconds) / concurrency;
    this.ahts.add(ahtSeconds);
    this.concurrencies.add(concurrency);
  }

  /** Handled-weighted handle time (the queues' plain mean in an hour nobody reaches an agent). */
  ahtSeconds(fallback: number): number {
    if (this.ahts.size === 1) return [...this.ahts][0];
    if (this.handled > 0) return this.work / this.handled;
    return this.ahts.size > 0 ? mean([...this.ahts]) : fallback;
  }

  /** The concurrency that turns the mean handle time into the mix's mean service time. */
  concurrency(fallback: number): number {
    if (this.concurrencies.size === 1) return [...this.concurrencies][0];
    if (this.service > 0) return this.work / this.service;
    return this.concurrencies.size > 0 ? mean([...this.concurrencies]) : fallback;
  }
}

function hourDemand(t: Instant, points: readonly ForecastPoint[], config: PlanConfig, tiers: readonly string[]): HourContacts {
  const all = new Mix();
  const byTier = new Map(tiers.map((tier) => [tier, new Mix()]));
  for (const p of points) {
    const q = queueDemand(config, p.queue);
    const handled = p.contacts * (1 - q.botDeflection);
    const rise = q.ahtRisePerPoint === 0 ? 1 : (1 + q.ahtRisePerPoint) ** ((q.botDeflection - q.baselineDeflection) * 100);
    const aht = (p.ahtSeconds ?? q.ahtSeconds) * rise;
    all.add(p.contacts, handled, aht, q.concurrency);
    byTier.get(q.tier)!.add(p.contacts, handled, aht, q.concurrency);
  }
  const { aht_seconds: defaultAht, concurrency: defaultConcurrency } = config.demand;
  const hour: HourContacts = {
    t,
    contacts: all.contacts,
    handledContacts: all.handled,
    ahtSeconds: all.ahtSeconds(defaultAht),
    concurrency: all.concurrency(defaultConcurrency),
  };
  if (tiers.length === 1) return hour;
  return {
    ...hour,
    tiers: [...byTier].map(([tier, mix]) => ({
      tier,
      handledContacts: mix.handled,
      ahtSeconds: mix.ahtSeconds(defaultAht),
      concurrency: mix.concurrency(defaultConcurrency),
    })),
  };
}
