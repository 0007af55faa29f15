import { describe, expect, it } from 'vitest';
import { forecastHistory } from '../../src/forecast/index.js';
import { formatForecast } from '../../src/io/forecastFile.js';
import { HOUR_MS } from '../../src/domain/time.js';
import { at, hoursFrom, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'Asia/Shanghai';
const start = at('2026-01-05T00:00', TZ);
const horizon = hoursFrom(start + 8 * 168 * HOUR_MS, 168);

describe('forecastHistory', () => {
  it('forecasts each queue on its own and names the queue', () => {
    const voice = makeHistory(start, 8, TZ, (p) => typicalMean(p), 1);
    const chat = makeHistory(start, 8, TZ, (p) => typicalMean(p) / 10, 2);
    const { points } = forecastHistory(
      {
        queues: [
          { queue: 'voice', hours: voice },
          { queue: 'chat', hours: chat },
        ],
        withOffset: false,
      },
      [],
      TZ,
      horizon,
    );
    expect(points).toHaveLength(2 * 168);
    const total = (q: string) => points.filter((p) => p.queue === q).reduce((s, p) => s + p.contacts, 0);
    expect(total('voice') / total('chat')).toBeGreaterThan(8);
    expect(total('voice') / total('chat')).toBeLessThan(12);
  });

  it('leaves the queue out with a single queue and forecasts handle time when the history has it', () => {
    const hours = makeHistory(start, 8, TZ, (p) => typicalMean(p)).map((h) => ({ ...h, ahtSeconds: 240 }));
    const { points } = forecastHistory({ queues: [{ queue: 'default', hours }], withOffset: false }, [], TZ, horizon);
    expect(points[0].queue).toBeUndefined();
    expect(points[100].ahtSeconds).toBeCloseTo(240);
  });
});

describe('formatForecast', () => {
  const point = { t: at('2026-03-02T09:00', TZ), contacts: 10.12345, lo80: 7, hi80: 13 };

  it('writes timestamp,contacts,lo80,hi80 and nothing more for a plain forecast', () => {
    expect(formatForecast([point], TZ, false)).toBe('timestamp,contacts,lo80,hi80\n2026-03-02T09:00,10.123,7,13\n');
  });

  it('adds queue and aht_seconds after the SPEC columns when the points carry them', () => {
    const text = formatForecast([{ ...point, queue: 'chat', ahtSeconds: 240.5 }], TZ, false);
    expect(text).toBe('timestamp,contacts,lo80,hi80,queue,aht_seconds\n2026-03-02T09:00,10.123,7,13,chat,240.5\n');
  });
});
