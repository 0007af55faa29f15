import { describe, expect, it } from 'vitest';
import { bearer, postPlan, syntheticHistory, tinyConfig, waitForJob, withServer } from './support.js';

/** A sample's value in Prometheus text, or undefined when the series is absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics on the embedded store', () => {
  it("counts the store's jobs by state, times requests by route and jobs by outcome, and records the solver gap", async () => {
    await withServer({ workers: 1 }, async ({ server, keys }) => {
      const before = await (await fetch(`${server.url}/metrics`)).text();
      expect(sample(before, 'shiftcast_jobs{state="succeeded"}')).toBe(0);
      const accepted = (await (
        await postPlan(server.url, keys.planner, { config: tinyConfig(), history: syntheticHistory(3) })
      ).json()) as {
        job_id: string;
      };
      expect((await waitForJob(server.url, keys.planner, accepted.job_id)).status).toBe('succeeded');
      await fetch(`${server.url}/v1/plans/0000000000`, { headers: bearer(keys.finance) });
      await fetch(`${server.url}/v1/nowhere`);

      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(sample(text, 'shiftcast_jobs{state="succeeded"}')).toBe(1);
      expect(sample(text, 'shiftcast_jobs{state="queued"}')).toBe(0);
      // By the route's pattern, so one series per route however many plans there are.
      expect(sample(text, 'shiftcast_http_request_duration_seconds_count{method="POST",route="/v1/plans",status="202"}')).toBe(1);
      expect(sample(text, 'shiftcast_http_request_duration_seconds_count{method="GET",route="/v1/plans/:id",status="404"}')).toBe(1);
      expect(sample(text, 'shiftcast_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
      expect(sample(text, 'shiftcast_job_queue_wait_seconds_count{kind="plan"}')).toBe(1);
      expect(sample(text, 'shiftcast_job_run_seconds_count{kind="plan",status="succeeded"}')).toBe(1);
      expect(sample(text, 'shiftcast_solver_gap_count')).toBe(1);
      expect(sample(text, 'shiftcast_solver_gap_bucket{le="1"}')).toBe(1);
      expect(text).toMatch(/^shiftcast_process_cpu_seconds_total /m);
    });
  }, 120_000);
});
