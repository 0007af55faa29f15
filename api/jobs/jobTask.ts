import type { PlanInputs } from '../../src/plan/chain.js';
import type { Vary } from '../../src/scenarios/vary.js';

/** What a job does, as stored with it: plan a week, or run a scenario grid on a plan folder. */
export type JobTask = { kind: 'plan'; inputs: PlanInputs } | { kind: 'scenarios'; planId: string; folder: string; vary: Vary[] };

/** The `result` of a succeeded plan job. */
export interface PlanJobResult {
  plan_id: string;
  folder: string;
  week_start: string;
  status: string;
  /** False when the same inputs had been planned before and that folder was reused. */
  created: boolean;
  url: string;
}
