import { Router, type Response } from 'express';
import type { JobRecord } from '../../src/store/jobRecord.js';
import type { KeyInfo } from '../../src/store/keyRecord.js';
import { ACTUALS_COLUMNS, parseActuals } from '../../src/io/actualsFile.js';
import { answerDay, dayLogEntry } from '../../src/intraday/answerDay.js';
import { readStoredPlan } from '../../src/intraday/load.js';
import type { DayAnswer } from '../../src/intraday/types.js';
import { InputError } from '../../src/domain/errors.js';
import { isVaryField, VARY_FIELDS } from '../../src/scenarios/fields.js';
import { grid, parseValues } from '../../src/scenarios/vary.js';
import { checkVary } from '../../src/scenarios/run.js';
import { storedPlanBase } from '../../src/scenarios/base.js';
import { isSharedStore } from '../../src/store/postgres/pgStore.js';
import { allow, ANY_ROLE } from '../auth.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { listPlans, missingFileReason, PLAN_FILE_TYPES, planFileNames, planFolder, readSummary } from '../planFolders.js';
import { fromTable, planInputs } from '../planInputs.js';
import { intradayRequestSchema, scenariosRequestSchema } from '../schemas.js';
import { asRequestField, parseBody } from '../validation.js';

const MAX_LIST = 1000;

/**
 * `POST /v1/plans` (a plan job), `GET /v1/plans` (newest first), `GET /v1/plans/{id}` (the
 * summary with links), `GET /v1/plans/{id}/files/{name}`, `POST /v1/plans/{id}/scenarios` (a
 * job) and `POST /v1/plans/{id}/intraday` (answered at once, each answer logged beside the plan
 * with the key that asked: see src/store/folder/dayLog.ts). An unknown plan id is a 404, except
 * for the day's answer, whose plan is one of its inputs: a 400 naming plan_id.
 */
export function planRoutes(ctx: AppContext): Router {
  return Router()
    .post('/plans', allow(ctx.store.keys, ['planner', 'admin']), ctx.json, async (req, res) => {
      // Validated before anything is stored: a rejected request leaves no job behind.
      // Workspaces are folders of the folder store (`<store>/.<name>/`); a database has none.
      const workspaces = isSharedStore(ctx.store) ? null : ctx.store.location;
      accepted(res, await ctx.queue.submit({ kind: 'plan', inputs: planInputs(req.body, workspaces) }));
    })
    .get('/plans', allow(ctx.store.keys, ANY_ROLE), async (req, res) => {
      const limit = Math.min(MAX_LIST, Math.max(1, Number(req.query.limit) || 100));
      const plans = await listPlans(ctx.store, limit, ctx.logger);
      res.json({ plans });
    })
    .get('/plans/:id', allow(ctx.store.keys, ANY_ROLE), async (req, res) => {
      const folder = await planFolder(ctx.store, String(req.params.id));
      const summary = await readSummary(ctx.store, folder);
      const files = Object.fromEntries(planFileNames(summary).map((f) => [f, `/v1/plans/${summary.plan_id}/files/${f}`]));
      res.json({ ...summary, links: { self: `/v1/plans/${summary.plan_id}`, files } });
    })
    .get('/plans/:id/files/:name', allow(ctx.store.keys, ANY_ROLE), async (req, res) => {
      const name = String(req.params.name);
      const folder = await planFolder(ctx.store, String(req.params.id));
      const type = Object.hasOwn(PLAN_FILE_TYPES, name) ? PLAN_FILE_TYPES[name] : undefined;
      if (!type) throw new ApiError(404, 'not_found', `a plan has no file ${name}; it has ${Object.keys(PLAN_FILE_TYPES).join(', ')}`);
      // An optional file (schedule.csv, events.csv) the plan was made without.
      if (!(await ctx.store.plans.has(folder, name)))
        throw new ApiError(404, 'not_found', `plan ${String(req.params.id)} has no ${name} (${missingFileReason(name)})`);
      if (type.startsWith('text/html'))
        res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
      // A plan folder never changes once written, but it can be pruned and it is the center's
      // data: a browser may keep it for this user only (private) and must ask again each time
      // (no-cache); express's ETag makes that ask a cheap 304.
      res.set('Cache-Control', 'private, no-cache');
      // As bytes: a string body would make express add a charset to the JSON types.
      res.type(type).send(Buffer.from(await ctx.store.plans.read(folder, name)));
    })
    .post('/plans/:id/scenarios', allow(ctx.store.keys, ['finance', 'planner', 'admin']), ctx.json, async (req, res) => {
      const folder = await planFolder(ctx.store, String(req.params.id));
      const body = parseBody(scenariosRequestSchema, req.body);
      // Fields and values are checked here (400 naming them), before a job exists.
      const vary = Object.entries(body.vary).map(([field, spec]) => {
        const path = `vary.${field}`;
        if (!isVaryField(field))
          throw new InputError({ file: 'request', field: path }, `not a field scenarios can vary; use one of ${VARY_FIELDS.join(', ')}`);
        try {
          return { field, values: parseValues(field, spec) };
        } catch (e) {
          throw asRequestField(e, 'request', path);
        }
      });
      grid(vary);
      try {
        checkVary(await storedPlanBase(ctx.store, folder), vary);
      } catch (e) {
        // checkVary names the option `--vary <field>`; the request names it `vary.<field>`.
        const option = e instanceof InputError ? e.location.field : undefined;
        throw asRequestField(e, 'request', option?.startsWith('--vary ') ? `vary.${option.slice('--vary '.length)}` : 'vary');
      }
      const planId = String((await readSummary(ctx.store, folder)).plan_id);
      accepted(res, await ctx.queue.submit({ kind: 'scenarios', planId, folder, vary }));
    })
    .post('/plans/:id/intraday', allow(ctx.store.keys, ['planner', 'admin']), ctx.json, async (req, res) => {
      // Answered in the request (SPEC: at once), not a job: the day's engine takes well under a second.
      // The plan is an input of the day's answer: one that does not exist is a 400 naming plan_id
      // (issue 15), where reading a plan answers 404.
      const folder = await planFolder(ctx.store, String(req.params.id)).catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
        const message = `no plan ${String(req.params.id)} in the store`;
        throw new InputError({ file: 'request path', field: 'plan_id' }, message, [{ path: 'plan_id', message }]);
      });
      const body = parseBody(intradayRequestSchema, req.body);
      const plan = await readStoredPlan(ctx.store, folder).catch((e: unknown) => {
        // The plan's own files are the server's to keep whole, not the client's input.
        if (!(e instanceof InputError)) throw e;
        throw new ApiError(500, 'corrupt_plan', `plan ${folder} is damaged (${e.message}); plan the week again`);
      });
      const actuals = fromTable('actuals', body.actuals, ACTUALS_COLUMNS, (text) => parseActuals(text, plan.timeZone, 'actuals'));
      let answer: DayAnswer;
      try {
        answer = answerDay(plan, actuals, { text: body.now, from: { file: 'request body', field: 'now' } });
      } catch (e) {
        // The day's checks name the hour and a column of the actuals; the request names the part.
        throw e instanceof InputError && e.location.file === 'actuals' ? asRequestField(e, 'request body', 'actuals') : e;
      }
      // Logged before answering: an answer someone may act on is always on record.
      const key = res.locals.key as KeyInfo;
      await ctx.store.plans.appendDayLog(folder, dayLogEntry(answer, { via: 'api', key_id: key.id, key_name: key.name, role: key.role }));
      res.json(answer);
    });
}

/** `202` with the job's URL in the body and the Location header. */
function accepted(res: Response, job: JobRecord): void {
  res.locals.jobId = job.id;
  const url = `/v1/jobs/${job.id}`;
  res.status(202).location(url).json({ job_id: job.id, status_url: url });
}
