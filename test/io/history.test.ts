import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/domain/time.js';
import { parseHistory, readHistory } from '../../src/io/history.js';
import { inputError, inputErrorAsync } from '../support/inputError.js';

const TZ = 'Asia/Shanghai';
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

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
      csv(
        'timestamp,contacts,aht_seconds',
        '2026-11-30T08:00,1,100',
        '2026-11-30T08:15,3,200',
        '2026-11-30T08:30,0,',
        '2026-11-30T08:45,0,',
      ),
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
    const e = inputError(() =>
      parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T09:00,1', '2026-11-30T08:00,2'), TZ),
    );
    expect(e.location.line).toBe(4);
    expect(e.message).toMatch(/duplicated.*line 2/);
  });

  it('rejects mixed interval lengths: a 10-minute row among 15-minute rows', () => {
    const e = inputError(() =>
      parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T08:15,1', '2026-11-30T08:30,1', '2026-11-30T08:40,1'), TZ),
    );
    expect(e.message).toMatch(/mixed interval lengths/);
  });

  it('rejects mixed interval lengths: an hourly row among 15-minute rows', () => {
    const e = inputError(() =>
      parseHistory(
        csv(
          'timestamp,contacts',
          '2026-11-30T08:00,1',
          '2026-11-30T08:15,1',
          '2026-11-30T08:30,1',
          '2026-11-30T08:45,1',
          '2026-11-30T09:00,4',
          '2026-11-30T10:00,4',
        ),
        TZ,
      ),
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
    const h = parseHistory(
      csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T08:30,2', '2026-11-30T09:00,4', '2026-11-30T09:30,8'),
      'Asia/Kolkata',
    );
    expect(h.queues[0].hours.map((x) => [formatTimestamp(x.t, 'Asia/Kolkata'), x.contacts])).toEqual([
      ['2026-11-30T08:00', 3],
      ['2026-11-30T09:00', 12],
    ]);
  });
});

describe('parseHistory across daylight-saving changes', () => {
  const NY = 'America/New_York';

  it('names an hour the clocks skipped when it holds contacts', () => {
    const e = inputError(() =>
      parseHistory(csv('timestamp,contacts', '2026-03-08T01:00,3', '2026-03-08T02:00,4', '2026-03-08T03:00,5'), NY, 'history.csv'),
    );
    expect(e.location).toEqual({ file: 'history.csv', line: 3, field: 'timestamp' });
    expect(e.message).toContain('02:00 on 2026-03-08 does not exist in America/New_York (clocks jump from 02:00 to 03:00)');
    expect(e.message).not.toMatch(/duplicated/);
  });

  it('names the skipped hour in Asia/Jerusalem too (1999-04-02, as in the shared bank history)', () => {
    const e = inputError(() =>
      parseHistory(csv('timestamp,contacts', '1999-04-02T01:00,1', '1999-04-02T02:00,2', '1999-04-02T03:00,1'), 'Asia/Jerusalem'),
    );
    expect(e.message).toContain('02:00 on 1999-04-02 does not exist in Asia/Jerusalem (clocks jump from 02:00 to 03:00)');
  });

  it('accepts a row with 0 contacts in a skipped hour and drops it (it says nothing)', () => {
    const h = parseHistory(csv('timestamp,contacts', '2026-03-08T01:00,3', '2026-03-08T02:00,0', '2026-03-08T03:00,5'), NY);
    expect(h.queues[0].hours.map((x) => [formatTimestamp(x.t, NY), x.contacts])).toEqual([
      ['2026-03-08T01:00', 3],
      ['2026-03-08T03:00', 5],
    ]);
  });

  it('drops 0-contact 15-minute rows of a skipped hour and keeps the grid', () => {
    const rows = ['00', '15', '30', '45'].flatMap((m) => [`2026-03-08T01:${m},1`, `2026-03-08T02:${m},0`, `2026-03-08T03:${m},2`]);
    const h = parseHistory(csv('timestamp,contacts', ...rows), NY);
    expect(h.queues[0].hours.map((x) => x.contacts)).toEqual([4, 8]);
  });

  it('says an hour written twice in the autumn change occurs twice, and how to tell them apart', () => {
    const e = inputError(() =>
      parseHistory(
        csv('timestamp,contacts', '2026-11-01T00:00,1', '2026-11-01T01:00,2', '2026-11-01T01:00,3', '2026-11-01T02:00,4'),
        NY,
        'history.csv',
      ),
    );
    expect(e.location).toEqual({ file: 'history.csv', line: 4, field: 'timestamp' });
    expect(e.message).toContain(
      '01:00 on 2026-11-01 occurs twice in America/New_York; write the rows with UTC offsets (-04:00 / -05:00) to tell them apart',
    );
    expect(e.message).toContain('line 3');
  });

  it('accepts the repeated hour written with UTC offsets: they are distinct instants', () => {
    const h = parseHistory(
      csv(
        'timestamp,contacts',
        '2026-11-01T00:00-04:00,1',
        '2026-11-01T01:00-04:00,2',
        '2026-11-01T01:00-05:00,3',
        '2026-11-01T02:00-05:00,4',
      ),
      NY,
    );
    expect(h.withOffset).toBe(true);
    expect(h.queues[0].hours.map((x) => [formatTimestamp(x.t, NY, true), x.contacts])).toEqual([
      ['2026-11-01T00:00-04:00', 1],
      ['2026-11-01T01:00-04:00', 2],
      ['2026-11-01T01:00-05:00', 3],
      ['2026-11-01T02:00-05:00', 4],
    ]);
  });

  it('reads 15-minute rows with offsets through the repeated hour', () => {
    const rows = ['-04:00', '-05:00'].flatMap((o) => ['00', '15', '30', '45'].map((m) => `2026-11-01T01:${m}${o},1`));
    const h = parseHistory(csv('timestamp,contacts', ...rows), NY);
    expect(h.queues[0].hours.map((x) => x.contacts)).toEqual([4, 4]);
  });
});

describe('parseHistory number and timestamp cells', () => {
  it.each(['0x10', '0b11', '0o17', 'Infinity', '-Infinity', '1_000', '1,5', '++1', '1e', '.', 'NaN'])(
    'rejects %s as a count, naming file, line and column',
    (text) => {
      const e = inputError(() =>
        parseHistory(csv('timestamp,contacts', '2026-11-30T08:00,1', `2026-11-30T09:00,"${text}"`), TZ, 'history.csv'),
      );
      expect(e.location).toEqual({ file: 'history.csv', line: 3, field: 'contacts' });
      expect(e.message).toContain('is not a decimal number');
    },
  );

  it.each([
    ['1e3', 1000],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['+4', 4],
    ['007', 7],
  ])('accepts the decimal %s', (text, value) => {
    expect(parseHistory(csv('timestamp,contacts', `2026-11-30T08:00,${text}`), TZ).queues[0].hours[0].contacts).toBe(value);
  });

  it('rejects a handle time written in hex as well', () => {
    expect(inputError(() => parseHistory(csv('timestamp,contacts,aht_seconds', '2026-11-30T08:00,1,0xF0'), TZ)).location.field).toBe(
      'aht_seconds',
    );
  });

  it('says a UTC offset like +99:99 is invalid (not "mixed interval lengths")', () => {
    const e = inputError(() =>
      parseHistory(csv('timestamp,contacts', '2026-11-30T08:00+08:00,1', '2026-11-30T09:00+99:99,1'), TZ, 'history.csv'),
    );
    expect(e.location).toEqual({ file: 'history.csv', line: 3, field: 'timestamp' });
    expect(e.message).toMatch(/offset "\+99:99" is not a valid UTC offset/);
    expect(e.message).not.toMatch(/mixed/);
  });

  it.each([';', '\t'])('hints that the separator must be a comma when the header is separated by %j', (sep) => {
    const e = inputError(() => parseHistory(csv(`timestamp${sep}contacts`, `2026-11-30T08:00${sep}1`), TZ, 'history.csv'));
    expect(e.location).toEqual({ file: 'history.csv', line: 1, field: 'timestamp' });
    expect(e.message).toMatch(/required column "timestamp" is missing.*the separator must be a comma/);
  });
});

describe('readHistory (streamed from the file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('returns a promise: the file is read as a stream, not all at once', async () => {
    const pending = readHistory(file('small.csv', csv('timestamp,contacts', '2026-11-30T08:00,3')), TZ);
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending).queues[0].hours[0].contacts).toBe(3);
  });

  it('gives the same History as parseHistory on the same text, over many chunks, queues and unsorted rows', async () => {
    const lines = ['timestamp,queue,contacts,aht_seconds'];
    const start = Date.UTC(2026, 0, 5);
    for (let i = 0; i < 30_000; i++) {
      const t = new Date(start + Math.floor(i / 3) * 900_000).toISOString().slice(0, 16);
      lines.push(`${t},${['chat', 'voice', 'mail'][i % 3]},${(i * 7) % 13},${100 + ((i * 37) % 250) / 10}`);
    }
    // A few rows out of order, as hand-merged exports have.
    [lines[10], lines[5000]] = [lines[5000], lines[10]];
    const text = `${lines.join('\n')}\n`;
    const streamed = await readHistory(file('big.csv', text), TZ);
    expect(streamed).toEqual(parseHistory(text, TZ, 'big.csv'));
    expect(streamed.queues.map((q) => q.hours.length)).toEqual([2500, 2500, 2500]);
  });

  it('reads CRLF, a BOM, blank lines and quoted cells as parseHistory does, with the same line numbers', async () => {
    const text =
      '\uFEFFtimestamp,contacts,queue\r\n"2026-11-30T08:00",3,"chat"\r\n\r\n2026-11-30T09:00,4,chat\r\n   \r\n2026-11-30T10:00,5,chat\r\n';
    expect(await readHistory(file('crlf.csv', text), TZ)).toEqual(parseHistory(text, TZ, 'crlf.csv'));
    const bad = `${text}2026-11-30T11:00,-2,chat\r\n`;
    const streamed = await inputErrorAsync(() => readHistory(file('crlf-bad.csv', bad), TZ));
    expect(streamed.location).toEqual({ file: 'crlf-bad.csv', line: 7, field: 'contacts' });
    expect(inputError(() => parseHistory(bad, TZ, 'crlf-bad.csv')).location).toEqual(streamed.location);
  });

  it('names both lines of a duplicate far apart in a streamed file', async () => {
    const lines = ['timestamp,contacts'];
    for (let i = 0; i < 20_000; i++) lines.push(`${new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString().slice(0, 16)},1`);
    lines.push(lines[5]);
    const e = await inputErrorAsync(() => readHistory(file('dup.csv', `${lines.join('\n')}\n`), TZ));
    expect(e.location).toEqual({ file: 'dup.csv', line: 20_002, field: 'timestamp' });
    expect(e.message).toMatch(/duplicated timestamp \(also on line 6\)/);
  });

  it('rejects a file that is not UTF-8 (Latin-1 bytes), naming file and line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('timestamp,contacts,queue\n2026-11-30T08:00,1,voice\n2026-11-30T09:00,2,caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    const e = await inputErrorAsync(() => readHistory(file('latin1.csv', latin1), TZ));
    expect(e.location).toEqual({ file: 'latin1.csv', line: 3 });
    expect(e.message).toMatch(/latin1\.csv line 3: not valid UTF-8/);
  });

  it('finds the line of a bad byte deep in a large file', async () => {
    const lines = ['timestamp,contacts,queue'];
    for (let i = 0; i < 20_000; i++) lines.push(`${new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString().slice(0, 16)},1,q\uFFFD`);
    const head = Buffer.from(`${lines.join('\n')}\n`);
    const e = await inputErrorAsync(() =>
      readHistory(file('deep.csv', Buffer.concat([head, Buffer.from('2030-01-01T00:00,1,x'), Buffer.from([0xff]), Buffer.from('\n')])), TZ),
    );
    expect(e.location.line).toBe(20_002);
  });

  it('keeps the separator hint and the line of a bad cell when streaming', async () => {
    expect((await inputErrorAsync(() => readHistory(file('semi.csv', 'timestamp;contacts\n2026-11-30T08:00;1\n'), TZ))).message).toMatch(
      /separator must be a comma/,
    );
    const e = await inputErrorAsync(() =>
      readHistory(file('hex.csv', csv('timestamp,contacts', '2026-11-30T08:00,1', '2026-11-30T09:00,0x10')), TZ),
    );
    expect(e.location).toEqual({ file: 'hex.csv', line: 3, field: 'contacts' });
  });

  it('names a file that cannot be read', async () => {
    expect((await inputErrorAsync(() => readHistory(join(dir, 'absent.csv'), TZ))).message).toMatch(/cannot read the file/);
  });
});

const BANK = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/anonymous-bank-1999-hourly.csv');
if (!existsSync(BANK)) console.warn(`skipping the bank-history daylight-saving test: ${BANK} is not there`);

describe.skipIf(!existsSync(BANK))('the shared bank history in its zone, Asia/Jerusalem', () => {
  it('reads: the 0-contact row at 02:00 on 1999-04-02, an hour the clocks skipped, is dropped', async () => {
    const history = await readHistory(BANK, 'Asia/Jerusalem');
    const hours = history.queues[0].hours;
    expect(hours).toHaveLength(8_759);
    expect(hours.map((h) => formatTimestamp(h.t, 'Asia/Jerusalem')).filter((t) => t.startsWith('1999-04-02T0'))).toEqual([
      '1999-04-02T00:00',
      '1999-04-02T01:00',
      '1999-04-02T03:00',
      ...['04', '05', '06', '07', '08', '09'].map((h) => `1999-04-02T${h}:00`),
    ]);
  });
});
