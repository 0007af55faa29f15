import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSimulate } from '../../src/cli/commands/simulate.js';
import { InputError } from '../../src/domain/errors.js';

/** A week of forecast (open 08:00-20:00, 300 contacts an hour before deflection) and a roster covering it. */
function writeInputs(dir: string, roster: object) {
  const rows = ['timestamp,contacts'];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const day = new Date(Date.UTC(2026, 10, 30 + d)).toISOString().slice(0, 10);
      rows.push(`${day}T${String(h).padStart(2, '0')}:00,${h >= 8 && h < 20 ? 300 : 0}`);
    }
  }
  writeFileSync(join(dir, 'forecast.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ demand: { bot_deflection: 0, aht_seconds: 180 }, shrinkage: 0 }));
  writeFileSync(join(dir, 'roster.json'), JSON.stringify(roster));
}

const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 10, 30 + d)).toISOString().slice(0, 10));
const fullRoster = {
  week_start: '2026-11-30',
  shifts: days.flatMap((day) => [{ pool: 'inhouse', start: `${day}T08:00`, hours: 12, agents: 19 }]),
};

async function run(args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const program = new Command('shiftcast').exitOverride();
  registerSimulate(program, { setExitCode: () => {} });
  await program.parseAsync(['node', 'shiftcast', 'simulate', ...args]);
  vi.restoreAllMocks();
  return out;
}

describe('shiftcast simulate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-simulate-'));
  });
  afterEach(() => vi.restoreAllMocks());

  it('reports the week and each hour with confidence intervals beside the Erlang model', async () => {
    writeInputs(dir, fullRoster);
    const files = ['--roster', join(dir, 'roster.json'), '--forecast', join(dir, 'forecast.csv'), '--config', join(dir, 'config.json')];
    const report = JSON.parse(await run([...files, '--replications', '5', '--seed', '7', '--json']));
    expect(report.hours).toHaveLength(168);
    const nine = report.hours.find((h: { timestamp: string }) => h.timestamp === '2026-11-30T09:00');
    expect(nine.agents).toBe(19);
    expect(nine.model.name).toBe('erlang_c');
    expect(nine.service_level.lo).toBeLessThanOrEqual(nine.service_level.hi);
    expect(report.hours.find((h: { timestamp: string }) => h.timestamp === '2026-11-30T03:00').occupancy).toBeNull();
    expect(report.week.offered).toBeGreaterThan(7 * 12 * 300 * 0.95);
    expect(report.week.service_level.mean).toBeGreaterThan(0.5);
  });

  it('gives the same result for the same seed', async () => {
    writeInputs(dir, fullRoster);
    const files = [
      '--roster',
      join(dir, 'roster.json'),
      '--forecast',
      join(dir, 'forecast.csv'),
      '--config',
      join(dir, 'config.json'),
      '--replications',
      '2',
    ];
    const a = await run([...files, '--seed', '3', '--handle-time', 'lognormal', '--cv', '1.5', '--patience', '90']);
    const b = await run([...files, '--seed', '3', '--handle-time', 'lognormal', '--cv', '1.5', '--patience', '90']);
    expect(a).toBe(b);
    expect(a).toMatch(/^week \(2 replications/);
  });

  it('names the shift whose start is not an hour of the roster week', async () => {
    writeInputs(dir, { week_start: '2026-11-30', shifts: [{ pool: 'inhouse', start: '2026-12-24T08:00', hours: 8, agents: 1 }] });
    const files = ['--roster', join(dir, 'roster.json'), '--forecast', join(dir, 'forecast.csv'), '--config', join(dir, 'config.json')];
    await expect(run(files)).rejects.toThrow(InputError);
    await expect(run(files)).rejects.toThrow(/shifts\.0\.start/);
  });
});
