import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import type { History } from '../../src/domain/types.js';
import type { PlanInputs } from '../../src/plan/chain.js';
import { inputsId } from '../../src/plan/makePlan.js';
import { planId } from '../../src/store/planNames.js';
import { agent, row } from '../schedule/fixtures.js';

/** The plan id of inputs with named agents (SPEC section 6): the same inputs one plan, other agents another. */
describe('inputsId with named agents', () => {
  const history: History = {
    queues: [{ queue: '', hours: [{ t: Date.UTC(2026, 10, 23), contacts: 5 }] }],
    withOffset: false,
    file: 'a.csv',
  };
  const base: PlanInputs = { config: configSchema.parse({}), history, events: [], week: '2026-11-30' };
  const team = [agent('a'), agent('b', 'inhouse', { prefersOff: ['sun'] })];
  const pins = [row('a', 'inhouse', '2026-12-01T09:00')];

  it('is the same for the same agents, previous week and pins, wherever their rows were read from', () => {
    const one = inputsId({ ...base, schedule: { agents: team, pins } });
    expect(inputsId({ ...base, schedule: { agents: team.map((a) => ({ ...a })), pins: pins.map((p) => ({ ...p, line: 7 })) } })).toBe(one);
  });

  it('differs with other agents, another wish, another previous week or other pins, and from the plan without agents', () => {
    const ids = [
      inputsId(base),
      inputsId({ ...base, schedule: { agents: team } }),
      inputsId({ ...base, schedule: { agents: team.slice(0, 1) } }),
      inputsId({ ...base, schedule: { agents: [team[0], { ...team[1], prefersOff: ['sat'] }] } }),
      inputsId({ ...base, schedule: { agents: team, previous: [row('a', 'inhouse', '2026-11-29T20:00')] } }),
      inputsId({ ...base, schedule: { agents: team, pins } }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves the id of a plan without agents as it was before agents existed', () => {
    // Planned before issue 14: cron reruns keep finding their folders (the id of config, history, events and week alone).
    const { queues, withOffset } = history;
    const before = planId([
      JSON.stringify({ ...base.config, week_start: '2026-11-30' }),
      JSON.stringify({ queues, withOffset }),
      '[]',
      '2026-11-30',
    ]);
    expect(inputsId(base)).toBe(before);
  });
});
