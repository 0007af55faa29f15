import { describe, expect, it } from 'vitest';
import { HOUR_MS, parseTimestamp } from '../../src/domain/time.js';
import { actualsBy, parseActuals } from '../../src/io/actualsFile.js';
import { inputError } from '../support/inputError.js';

const TZ = 'Asia/Kolkata'; // +05:30: local hours start at :30 UTC
const at = (text: string) => parseTimestamp(text, TZ)!.t;

describe('the day’s actuals', () => {
  it('sums queues and quarter hours into local hours, weighting times by contacts', () => {
    const a = parseActuals(
      [
        'timestamp,contacts,queue,aht_seconds,asa_seconds,abandoned,agents_available',
        '2026-11-30T10:00,10,chat,200,20,1,4',
        '2026-11-30T10:15,10,chat,300,40,0,6',
        '2026-11-30T10:30,0,chat,,,0,6',
        '2026-11-30T10:45,20,chat,250,10,2,4',
        '2026-11-30T10:00,40,voice,,,,',
        '',
      ].join('\n'),
      TZ,
    );
    expect(a.hours).toHaveLength(1);
    const h = a.hours[0];
    expect(h).toMatchObject({ t: at('2026-11-30T10:00'), contacts: 80, abandoned: 3 });
    // Handle time: chat's 40 contacts at 250 s on average; voice has none.
    expect(h.ahtSeconds).toBeCloseTo(250, 9);
    expect(h.asaSeconds).toBeCloseTo((10 * 20 + 10 * 40 + 20 * 10) / 40, 9);
    // chat averages 5 agents over its quarters; voice gives none.
    expect(h.agentsAvailable).toBeCloseTo(5, 9);
    // chat's last quarter ends at 11:00, voice's hourly row too.
    expect(a.end).toBe(at('2026-11-30T11:00'));
    expect(a.withOffset).toBe(false);
  });

  it('leaves the optional columns out when they are absent, and an hour without rows unknown', () => {
    const a = parseActuals('timestamp,contacts\n2026-11-30T08:00,5\n2026-11-30T10:00,7\n', TZ);
    expect(a.hours).toEqual([
      { t: at('2026-11-30T08:00'), contacts: 5 },
      { t: at('2026-11-30T10:00'), contacts: 7 },
    ]);
    expect(a.end).toBe(at('2026-11-30T11:00'));
  });

  it('ends where the last quarter ends, and leaves out the hour `now` has only partly seen', () => {
    const a = parseActuals(
      'timestamp,contacts\n2026-11-30T09:00,4\n2026-11-30T09:15,4\n2026-11-30T09:30,4\n2026-11-30T09:45,4\n2026-11-30T10:00,3\n2026-11-30T10:15,5\n',
      TZ,
    );
    expect(a.end).toBe(at('2026-11-30T10:30'));
    expect(actualsBy(a, a.end!).map((h) => h.t)).toEqual([at('2026-11-30T09:00')]);
    // An hour with rows after `now` stays, for the day's checks to refuse by name.
    expect(actualsBy(a, at('2026-11-30T10:15')).map((h) => h.t)).toEqual([at('2026-11-30T09:00'), at('2026-11-30T10:00')]);
    expect(actualsBy(a, at('2026-11-30T11:00')).map((h) => h.t)).toEqual([at('2026-11-30T09:00'), at('2026-11-30T10:00')]);
    expect(a.coveredUntil.get(at('2026-11-30T10:00'))).toBe(at('2026-11-30T10:00') + HOUR_MS / 2);
  });

  it('reads the header alone as no hours yet, with no end to default `now` to', () => {
    expect(parseActuals('timestamp,contacts,queue\n', TZ)).toEqual({
      hours: [],
      coveredUntil: new Map(),
      withOffset: false,
      file: 'actuals',
    });
    expect(inputError(() => parseActuals('', TZ)).location).toMatchObject({ field: 'timestamp' });
  });

  it('refuses a negative count naming file, line and column', () => {
    for (const column of ['contacts', 'aht_seconds', 'asa_seconds', 'abandoned', 'agents_available']) {
      const cells = { contacts: '5', aht_seconds: '200', asa_seconds: '10', abandoned: '0', agents_available: '3', [column]: '-1' };
      const text = `timestamp,${Object.keys(cells).join(',')}\n2026-11-30T09:00,5,200,10,0,3\n2026-11-30T10:00,${Object.values(cells).join(',')}\n`;
      const e = inputError(() => parseActuals(text, TZ, 'today.csv'));
      expect(e.location, column).toEqual({ file: 'today.csv', line: 3, field: column });
    }
  });

  it('refuses a duplicated timestamp of a queue, naming both lines', () => {
    const e = inputError(() => parseActuals('timestamp,contacts\n2026-11-30T09:00,5\n2026-11-30T09:00,6\n', TZ, 'today.csv'));
    expect(e.location).toEqual({ file: 'today.csv', line: 3, field: 'timestamp' });
    expect(e.message).toMatch(/duplicated timestamp \(also on line 2\)/);
  });

  it('refuses what history refuses: a missing column, a bad timestamp', () => {
    expect(inputError(() => parseActuals('timestamp,count\n2026-11-30T09:00,5\n', TZ)).location.field).toBe('contacts');
    expect(inputError(() => parseActuals('timestamp,contacts\nnine,5\n', TZ)).location).toMatchObject({ line: 2, field: 'timestamp' });
  });
});
