import { describe, expect, it } from 'vitest';
import { agentClasses } from '../../src/schedule/classes.js';
import { agent } from './fixtures.js';

describe('agentClasses', () => {
  it('groups agents of identical attributes, in the order of their first member', () => {
    const agents = [
      agent('a'),
      agent('n1', 'night'),
      agent('b'),
      agent('c', 'inhouse', { maxHours: 32 }),
      agent('n2', 'night'),
      agent('d', 'inhouse', { night: false }),
      agent('e', 'inhouse', { minHours: 8 }),
      agent('f', 'inhouse', { maxDays: 4 }),
    ];
    const classes = agentClasses(agents);
    expect(classes.map((c) => c.members)).toEqual([['a', 'b'], ['n1', 'n2'], ['c'], ['d'], ['e'], ['f']]);
    expect(classes[0]).toMatchObject({
      pool: 'inhouse',
      minHours: 0,
      maxHours: 40,
      maxDays: 5,
      unavailable: [],
      prefersOff: [],
      night: true,
    });
    expect(new Set(classes.map((c) => c.key)).size).toBe(6);
    expect(agentClasses(agents)).toEqual(classes);
  });

  it('compares unavailable dates as sets and prefers_off as sets', () => {
    const classes = agentClasses([
      agent('a', 'inhouse', { unavailable: [{ from: '2026-12-01', to: '2026-12-03' }], prefersOff: ['sat', 'sun'] }),
      agent('b', 'inhouse', {
        unavailable: [
          { from: '2026-12-03', to: '2026-12-03' },
          { from: '2026-12-01', to: '2026-12-02' },
          { from: '2026-12-02', to: '2026-12-02' },
        ],
        prefersOff: ['sun', 'sat'],
      }),
      agent('c', 'inhouse', { unavailable: [{ from: '2026-12-01', to: '2026-12-04' }], prefersOff: ['sat', 'sun'] }),
      agent('d', 'inhouse', { prefersOff: ['sat'] }),
    ]);
    expect(classes.map((c) => c.members)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(classes[0].unavailable).toEqual([{ from: '2026-12-01', to: '2026-12-03' }]);
    expect(classes[0].prefersOff).toEqual(['sat', 'sun']);
  });

  it('with a window, dates outside it do not split classes', () => {
    const agents = [
      agent('a', 'inhouse', { unavailable: [{ from: '2026-11-01', to: '2026-11-20' }] }),
      agent('b'),
      agent('c', 'inhouse', {
        unavailable: [
          { from: '2026-11-25', to: '2026-12-01' },
          { from: '2027-01-01', to: '2027-01-01' },
        ],
      }),
      agent('d', 'inhouse', { unavailable: [{ from: '2026-12-01', to: '2026-12-01' }] }),
    ];
    expect(agentClasses(agents).map((c) => c.members)).toEqual([['a'], ['b'], ['c'], ['d']]);
    const windowed = agentClasses(agents, { from: '2026-11-30', to: '2026-12-08' });
    expect(windowed.map((c) => c.members)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(windowed[1].unavailable).toEqual([{ from: '2026-11-30', to: '2026-12-01' }]);
  });
});
