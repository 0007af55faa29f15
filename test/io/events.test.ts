import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { formatEvents, parseEvents, readEvents } from '../../src/io/events.js';

const TZ = 'Asia/Shanghai';

describe('parseEvents', () => {
  it('defaults the name to the kind and the intensity to 1', () => {
    const [e] = parseEvents('start,end,kind\n2026-11-11T00:00,2026-11-12T00:00,promotion\n', TZ);
    expect(e).toMatchObject({ kind: 'promotion', name: 'promotion', intensity: 1 });
    expect(e.end - e.start).toBe(24 * 3_600_000);
  });

  it('keeps name and intensity', () => {
    const [e] = parseEvents('start,end,kind,name,intensity\n2026-11-11T19:00,2026-11-11T23:00,live_commerce,streamer-x,1.5\n', TZ);
    expect(e).toMatchObject({ name: 'streamer-x', intensity: 1.5 });
  });

  it('rejects an event that ends before it starts, naming the line and field', () => {
    try {
      parseEvents('start,end,kind\n2026-11-11T00:00,2026-11-10T00:00,promotion\n', TZ, 'events.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).location).toEqual({ file: 'events.csv', line: 2, field: 'end' });
    }
  });

  it('reads extra numeric columns as regressors and ignores columns that are not numbers', () => {
    const events = parseEvents(
      'start,end,kind,name,audience,discount,note\n' +
        '2026-11-11T19:00,2026-11-11T23:00,live_commerce,streamer-x,120,,big night\n' +
        '2026-11-11T00:00,2026-11-12T00:00,promotion,double-11,,30,4\n' +
        '2026-11-12T00:00,2026-11-13T00:00,holiday,x,,,\n',
      TZ,
    );
    expect(events.map((e) => e.regressors)).toEqual([{ audience: 120 }, { discount: 30 }, undefined]);
  });

  it('writes regressors back as columns that read the same', () => {
    const events = parseEvents(
      'start,end,kind,audience\n2026-11-11T19:00,2026-11-11T23:00,live_commerce,80.5\n2026-11-12T19:00,2026-11-12T23:00,live_commerce,\n',
      TZ,
    );
    expect(parseEvents(formatEvents(events, TZ, false), TZ)).toEqual(events);
  });

  it('rejects a negative intensity', () => {
    expect(() => parseEvents('start,end,kind,intensity\n2026-11-11T00:00,2026-11-12T00:00,promotion,-1\n', TZ)).toThrow(/intensity/);
  });
});

describe('readEvents', () => {
  it('rejects a file that is not UTF-8, naming file and line', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'shiftcast-events-'));
    try {
      const path = join(dir, 'events.csv');
      writeFileSync(
        path,
        Buffer.concat([
          Buffer.from('start,end,kind,name\n2026-11-11T00:00,2026-11-12T00:00,promotion,f'),
          Buffer.from([0xea, 0x74, 0x65]),
          Buffer.from('\n'),
        ]),
      );
      expect(() => readEvents(path, TZ)).toThrow(/events\.csv line 2: not valid UTF-8/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
