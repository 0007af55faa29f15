import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/io/table.js';
import { timedRows } from '../../src/io/timestamps.js';
import { inputError } from '../support/inputError.js';

const NY = 'America/New_York';
const table = (...lines: string[]) => parseTable(`${lines.join('\n')}\n`, 'requirements.csv', ['timestamp']);

describe('timedRows (forecast and requirements files)', () => {
  it('says an hour written twice in the autumn change occurs twice', () => {
    const e = inputError(() =>
      timedRows(table('timestamp,staff_needed', '2026-11-01T00:00,1', '2026-11-01T01:00,1', '2026-11-01T01:00,1'), NY),
    );
    expect(e.location).toEqual({ file: 'requirements.csv', line: 4, field: 'timestamp' });
    expect(e.message).toContain(
      '01:00 on 2026-11-01 occurs twice in America/New_York; write the rows with UTC offsets (-04:00 / -05:00) to tell them apart (also on line 3)',
    );
  });

  it('says an hour the clocks skipped does not exist, rather than that it duplicates the next hour', () => {
    const e = inputError(() =>
      timedRows(table('timestamp,staff_needed', '2026-03-08T01:00,1', '2026-03-08T02:00,1', '2026-03-08T03:00,1'), NY),
    );
    expect(e.location.line).toBe(4);
    expect(e.message).toContain('02:00 on 2026-03-08 does not exist in America/New_York (clocks jump from 02:00 to 03:00)');
  });

  it('still names a plain duplicate as such', () => {
    expect(inputError(() => timedRows(table('timestamp,x', '2026-11-30T08:00,1', '2026-11-30T08:00,1'), 'Asia/Shanghai')).message).toMatch(
      /duplicated timestamp \(also on line 2\)/,
    );
  });

  it('accepts the repeated hour with offsets', () => {
    const { rows, withOffset } = timedRows(table('timestamp,x', '2026-11-01T01:00-04:00,1', '2026-11-01T01:00-05:00,1'), NY);
    expect(withOffset).toBe(true);
    expect(rows[1].t - rows[0].t).toBe(3_600_000);
  });
});
