import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import { readRosterShifts } from '../../src/io/rosterFile.js';
import { inputError } from '../support/inputError.js';

// The default pools: inhouse (productivity 1), vendor (0.9), night.
const config = configSchema.parse({ timezone: 'Asia/Shanghai' });

describe('readRosterShifts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-roster-'));
  });
  const write = (text: string) => {
    const path = join(dir, 'roster.json');
    writeFileSync(path, text);
    return path;
  };
  const roster = (shifts: object[]) => write(JSON.stringify({ week_start: '2026-11-30', status: 'optimal', shifts }));

  it("places each shift on the roster's week with its pool's productivity, the last slot included", () => {
    const r = readRosterShifts(
      roster([
        { pool: 'vendor', start: '2026-11-30T00:00', hours: 8, agents: 3 },
        { pool: 'inhouse', start: '2026-12-06T23:00', hours: 8, agents: 2 },
      ]),
      config,
    );
    expect(r.weekStart).toBe('2026-11-30');
    expect(r.slots).toHaveLength(168);
    expect(r.shifts).toEqual([
      { pool: 'vendor', startSlot: 0, hours: 8, agents: 3, productivity: 0.9 },
      { pool: 'inhouse', startSlot: 167, hours: 8, agents: 2, productivity: 1 },
    ]);
  });

  it('reads the on-call shifts of standby pools, none from a roster that lists none', () => {
    const withStandby = configSchema.parse({
      timezone: 'Asia/Shanghai',
      pools: [
        { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] },
        { id: 'oncall', kind: 'standby', cost_per_hour: 70, retainer_per_hour: 8, shift_lengths: [4] },
      ],
    });
    const shift = { pool: 'inhouse', start: '2026-11-30T08:00', hours: 8, agents: 1 };
    expect(readRosterShifts(roster([shift]), withStandby).standby).toEqual([]);
    const text = JSON.stringify({
      week_start: '2026-11-30',
      shifts: [shift],
      standby: [{ pool: 'oncall', start: '2026-11-30T10:00', hours: 4, agents: 2 }],
    });
    expect(readRosterShifts(write(text), withStandby).standby).toEqual([
      { pool: 'oncall', startSlot: 10, hours: 4, agents: 2, productivity: 1 },
    ]);
    const bad = JSON.stringify({
      week_start: '2026-11-30',
      shifts: [],
      standby: [{ pool: 'nope', start: '2026-11-30T10:00', hours: 4, agents: 2 }],
    });
    expect(inputError(() => readRosterShifts(write(bad), withStandby)).location).toEqual({ file: 'roster.json', field: 'standby.0.pool' });
  });

  it('names the shift whose start is not an hour of the week', () => {
    const e = inputError(() => readRosterShifts(roster([{ pool: 'inhouse', start: '2026-12-24T08:00', hours: 8, agents: 1 }]), config));
    expect(e.location).toEqual({ file: 'roster.json', field: 'shifts.0.start' });
  });

  it('names the shift of a pool the configuration does not have', () => {
    const e = inputError(() =>
      readRosterShifts(
        roster([
          { pool: 'inhouse', start: '2026-11-30T08:00', hours: 8, agents: 1 },
          { pool: 'bpo', start: '2026-11-30T08:00', hours: 8, agents: 1 },
        ]),
        config,
      ),
    );
    expect(e.location).toEqual({ file: 'roster.json', field: 'shifts.1.pool' });
    expect(e.message).toMatch(/pool "bpo"/);
  });

  it('names the field that breaks the schema', () => {
    expect(
      inputError(() => readRosterShifts(roster([{ pool: 'inhouse', start: '2026-11-30T08:00', hours: 0, agents: 1 }]), config)).location
        .field,
    ).toBe('shifts.0.hours');
    expect(inputError(() => readRosterShifts(write('{"shifts": []}'), config)).location.field).toBe('week_start');
  });

  it('refuses text that is not JSON, and names the line of a byte that is not UTF-8', () => {
    expect(inputError(() => readRosterShifts(write('{"week_start": '), config)).message).toMatch(/^roster\.json: cannot read it as JSON/);
    const path = join(dir, 'latin1.json');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('{\n"week_start": "2026-11-30",\n"shifts": [{"pool": "'), Buffer.from([0xe9]), Buffer.from('"}]}')]),
    );
    expect(inputError(() => readRosterShifts(path, config)).location).toMatchObject({ file: 'latin1.json', line: 3 });
  });
});
