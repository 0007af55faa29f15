import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { filesBase } from '../../src/scenarios/base.js';
import { inputError } from '../support/inputError.js';
import { requirementsCsv } from '../roster/weekShape.js';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-base-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const pools = [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 10, shift_lengths: [8] }];
// Shanghai is UTC+8 all year: local 2026-12-02T00:00 is 2026-12-01T16:00Z.
const DEC2_MIDNIGHT = Date.UTC(2026, 11, 1, 16);

describe('filesBase', () => {
  it('starts the week on the local date of the earliest requirement when the config has no week_start', () => {
    const config = write('no-week.json', JSON.stringify({ timezone: 'Asia/Shanghai', pools }));
    const requirements = write(
      'later-first.csv',
      requirementsCsv([
        { timestamp: '2026-12-02T05:00', staffNeeded: 3 },
        { timestamp: '2026-12-02T00:00', staffNeeded: 2 },
      ]),
    );
    const base = filesBase(config, requirements);
    expect(base.weekStart).toBe('2026-12-02');
    expect(base.config.week_start).toBe('2026-12-02');
    expect(base.needs).toEqual([
      { t: DEC2_MIDNIGHT, staffNeeded: 2 },
      { t: DEC2_MIDNIGHT + 5 * 3600_000, staffNeeded: 3 },
    ]);
    expect(base.withOffset).toBe(false);
    expect(base.events).toEqual([]);
  });

  it("keeps the config's week_start, and the config read with its defaults", () => {
    const input = { timezone: 'Asia/Shanghai', week_start: '2026-11-30', pools, budget: 5000 };
    const config = write('with-week.json', JSON.stringify(input));
    const requirements = write('needs.csv', requirementsCsv([{ timestamp: '2026-12-02T00:00', staffNeeded: 2 }]));
    const base = filesBase(config, requirements);
    expect(base.weekStart).toBe('2026-11-30');
    expect(base.config).toEqual(parseConfig(input));
  });

  it('has no demand when the requirements have only staff needs', () => {
    const config = write('plain.json', JSON.stringify({ pools }));
    const requirements = write('staff-only.csv', requirementsCsv([{ timestamp: '2026-12-02T00:00', staffNeeded: 2 }]));
    expect(filesBase(config, requirements).demand).toBeNull();
  });

  it("takes the demand from the requirements' contacts and aht_seconds columns", () => {
    const config = write('demand.json', JSON.stringify({ timezone: 'Asia/Shanghai', pools }));
    const requirements = write(
      'with-contacts.csv',
      'timestamp,contacts,aht_seconds,staff_needed\n2026-12-02T00:00,40,300,2\n2026-12-02T01:00,25,200,1.5\n',
    );
    const base = filesBase(config, requirements);
    expect(base.needs.map((n) => n.staffNeeded)).toEqual([2, 1.5]);
    expect(base.demand).toEqual([
      { t: DEC2_MIDNIGHT, contacts: 40, lo80: 40, hi80: 40, ahtSeconds: 300 },
      { t: DEC2_MIDNIGHT + 3600_000, contacts: 25, lo80: 25, hi80: 25, ahtSeconds: 200 },
    ]);
  });

  it("takes the contacts before bot deflection (a plan's contacts column), not its handled_contacts", () => {
    const config = write('deflected.json', JSON.stringify({ timezone: 'Asia/Shanghai', pools }));
    const requirements = write(
      'plan-requirements.csv',
      'timestamp,contacts,handled_contacts,aht_seconds,agents_needed,staff_needed\n2026-12-02T00:00,100,22,240,3,4.29\n',
    );
    expect(filesBase(config, requirements).demand?.map((p) => p.contacts)).toEqual([100]);
  });

  it('keeps the UTC offsets when the requirements are written with them', () => {
    const config = write('offset.json', JSON.stringify({ timezone: 'Asia/Shanghai', pools }));
    const requirements = write('offset.csv', 'timestamp,staff_needed\n2026-12-02T00:00+08:00,2\n');
    const base = filesBase(config, requirements);
    expect(base.withOffset).toBe(true);
    expect(base.needs).toEqual([{ t: DEC2_MIDNIGHT, staffNeeded: 2 }]);
  });

  it('rejects requirements without rows, naming the file', () => {
    const config = write('empty-needs.json', JSON.stringify({ pools }));
    const requirements = write('empty.csv', 'timestamp,staff_needed\n');
    const e = inputError(() => filesBase(config, requirements));
    expect(e.message).toMatch(/empty\.csv: the file has no rows/);
  });

  it('rejects an invalid config as an input error', () => {
    const config = write('bad.json', JSON.stringify({ pools: [] }));
    const requirements = write('ok.csv', requirementsCsv([{ timestamp: '2026-12-02T00:00', staffNeeded: 2 }]));
    expect(inputError(() => filesBase(config, requirements)).message).toMatch(/pools/);
  });
});
