import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { formatTimestamp } from '../../src/domain/time.js';
import { parseHistory } from '../../src/io/history.js';

const TZ = 'Asia/Shanghai';
const csv = (...lines: string[]) => lines.join('\n') + '\n';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseHistory', () => {
  it('reads hourly rows into one default queue, sorted by time', () => {
    const h = parseHistory(csv('timestamp,contacts', '2026-11-30T09:00,5', '2026-11-30T08:00,3'), TZ);
    expect(h.queues).toHaveLength(1);
    expect(h.queues[0].queue).toBe('default');
    expect(h.queues[0].hours.map((x) => [formatTimestamp(x.t, TZ), x.contacts])).toEqual([
      ['2026-11-30T08:00', 3],
      ['2026-11-30T09:00', 5],
    ]);
  });

  it('sums 15-minute intervals into hours and weights handle time by contacts', () => {
    const h = parseHistory(
      csv('timestamp,contacts,aht_seconds', '2026-11-30T08:00,1,100', '2026-11-30T08:15,3,200', '2026-11-30T08:30,0,', '2026-11-30T08:45,0,'),
      TZ,
    );
    expect(h.queues[0].hours).toHaveLength(1);
    expect(h.queues[0].hours[0].contacts).toBe(4);
    expect(h.queues[0].hours[0].ahtSeconds).toBeCloseTo(175);
  });

  it('keeps absent hours absent: they are unknown, not zero', () => {
    const h = parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,3', '2026-11-30T12:00,5'), TZ);
    expect(h.queues[0].hours).toHaveLength(2);
  });

  it('splits rows by queue', () => {
    const h = parseHistory(csv('timestamp,contacts,queue', '2026-11-30T08:00,3,chat', '2026-11-30T08:00,4,voice'), TZ);
    expect(h.queues.map((q) => q.queue).sort()).toEqual(['chat', 'voice']);
  });

  it('remembers that timestamps carried offsets', () => {
    expect(parseHistory(csv('timestamp,contacts', '2026-11-30T08:00+08:00,3'), TZ).withOffset).toBe(true);
    expect(parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,3'), TZ).withOffset).toBe(false);
  });

  it('names file, line and column of a negative count', () => {
    const e = inputError(() => parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,3', '2026-11-30T09:00,-1'), TZ, 'history.csv'));
    expect(e.location).toEqual({ file: 'history.csv', line: 3, field: 'contacts' });
    expect(e.message).toMatch(/history\.csv line 3, column contacts/);
  });

  it('names a non-numeric count', () => {
    expect(inputError(() => parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,abc'), TZ)).location.field).toBe('contacts');
  });

  it('names an unparseable timestamp', () => {
    const e = inputError(() => parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '30/11/2026 09:00,2'), TZ, 'h.csv'));
    expect(e.location).toEqual({ file: 'h.csv', line: 3, field: 'timestamp' });
  });

  it('rejects an impossible date', () => {
    expect(inputError(() => parseHistory(csv('timestamp,contacts', '2026-02-30T08:00,1'), TZ)).location.line).toBe(2);
  });

  it('names the second of two duplicated timestamps', () => {
    const e = inputError(() => parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T09:00,1', '2026-11-30T08:00,2'), TZ));
    expect(e.location.line).toBe(4);
    expect(e.message).toMatch(/duplicated.*line 2/);
  });

  it('rejects mixed interval lengths: a 10-minute row among 15-minute rows', () => {
    const e = inputError(() => parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T08:15,1', '2026-11-30T08:30,1', '2026-11-30T08:40,1'), TZ));
    expect(e.message).toMatch(/mixed interval lengths/);
  });

  it('rejects mixed interval lengths: an hourly row among 15-minute rows', () => {
    const e = inputError(() =>
      parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T08:15,1', '2026-11-30T08:30,1', '2026-11-30T08:45,1', '2026-11-30T09:00,4', '2026-11-30T10:00,4'), TZ),
    );
    expect(e.message).toMatch(/mixed interval lengths/);
  });

  it('names a missing required column', () => {
    const e = inputError(() => parseHistory(csv('time,contacts', '2026-11-30T08:00,1'), TZ, 'history.csv'));
    expect(e.location).toEqual({ file: 'history.csv', line: 1, field: 'timestamp' });
  });

  it('ignores unknown extra columns', () => {
    expect(parseHistory(csv('timestamp,contacts,note', '2026-11-30T08:00,1,hello'), TZ).queues[0].hours[0].contacts).toBe(1);
  });
});

describe('parseHistory in a half-hour time zone', () => {
  it('sums 30-minute intervals into local hours (Asia/Kolkata, +05:30)', () => {
    const h = parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T08:30,2', '2026-11-30T09:00,4', '2026-11-30T09:30,8'), 'Asia/Kolkata');
    expect(h.queues[0].hours.map((x) => [formatTimestamp(x.t, 'Asia/Kolkata'), x.contacts])).toEqual([
      ['2026-11-30T08:00', 3],
      ['2026-11-30T09:00', 12],
    ]);
  });
});
