import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../src/domain/time.js';
import { occurrencesOf } from '../../../src/forecast/events/occurrences.js';
import { at } from '../synthetic.js';

describe('occurrencesOf', () => {
  it('places each event on the local-hour grid, [from, to), keeping kind, name and intensity', () => {
    const start = Date.UTC(1970, 0, 2, 3);
    expect(occurrencesOf([{ start, end: start + 5 * HOUR_MS, kind: 'promotion', name: 'sale', intensity: 1.5 }], 'UTC')).toEqual([
      { from: 27, to: 32, kind: 'promotion', name: 'sale', intensity: 1.5 },
    ]);
  });

  it('reads the hours on the wall clock of the time zone', () => {
    // 2026-01-05T20:00 in Shanghai (UTC+8, no daylight saving) is 12:00 UTC.
    const start = at('2026-01-05T20:00', 'Asia/Shanghai');
    const [o] = occurrencesOf([{ start, end: start + 2 * HOUR_MS, kind: 'outage', name: 'outage', intensity: 1 }], 'Asia/Shanghai');
    const local = Date.UTC(2026, 0, 5, 20) / HOUR_MS;
    expect([o.from, o.to]).toEqual([local, local + 2]);
    expect(occurrencesOf([{ start, end: start + HOUR_MS, kind: 'x', name: 'x', intensity: 1 }], 'UTC')[0].from).toBe(local - 8);
  });

  it('keeps the order and the count of the events, and gives none for none', () => {
    const e = (h: number, name: string) => ({ start: h * HOUR_MS, end: (h + 1) * HOUR_MS, kind: 'k', name, intensity: 1 });
    expect(occurrencesOf([e(50, 'b'), e(10, 'a'), e(50, 'b')], 'UTC').map((o) => [o.from, o.name])).toEqual([
      [50, 'b'],
      [10, 'a'],
      [50, 'b'],
    ]);
    expect(occurrencesOf([], 'UTC')).toEqual([]);
  });
});
