import { InputError, type InputLocation } from '../domain/errors.js';
import { parseTimestamp, timestampProblem } from '../domain/time.js';
import { type Actuals, actualsBy } from '../io/actualsFile.js';
import type { PlanDay } from './load.js';
import { planTheDay } from './planTheDay.js';
import type { DayAnswer } from './types.js';

/**
 * The day's answer as both shells ask for it (`shiftcast intraday`, `POST .../intraday`): the
 * plan's week, the actuals so far, and `now`, by default the end of the last actual interval
 * (SPEC section 7), parsed in the plan's zone like every timestamp.
 * @param now the text given (undefined: the default) and where it was given, for messages
 * @throws InputError naming the field (a bad `now`, actuals outside the week or after `now`)
 */
export function answerDay(plan: PlanDay, actuals: Actuals, now: { text?: string; from: InputLocation }): DayAnswer {
  const t = now.text === undefined ? actuals.end : instantOf(now.text, plan.timeZone, now.from);
  if (t === undefined) throw new InputError(now.from, `${actuals.file} has no rows to take it from: give the time of the answer`);
  return planTheDay({ ...plan, actuals: actualsBy(actuals, t), now: t, actualsFile: actuals.file, nowFrom: now.from.file });
}

function instantOf(text: string, timeZone: string, from: InputLocation): number {
  const parsed = parseTimestamp(text, timeZone);
  if (!parsed) throw new InputError(from, timestampProblem(text)!);
  return parsed.t;
}

/** Who asked for an answer: the command line (and the user it ran as), or an API key. */
export type Asker = { via: 'command line'; user?: string } | { via: 'api'; key_id: string; key_name: string; role: string };

/**
 * One line of a plan's intraday log: when, who, and the decisions given (actions and alerts, at
 * `now`); the re-forecast and projections are left out, being recomputable from the plan and actuals.
 */
export function dayLogEntry(answer: DayAnswer, by: Asker, at = new Date()): object {
  return { logged_at: at.toISOString(), by, now: answer.now, actions: answer.actions, alerts: answer.alerts };
}
