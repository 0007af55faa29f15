-- Up Migration
-- The `shiftcast worker` processes of the store, each seen every second while it runs: readiness
-- (is any worker up?) and Retry-After (how many jobs run at once?) read them.
CREATE TABLE shiftcast.workers (
  id text PRIMARY KEY,
  host text NOT NULL,
  pid integer NOT NULL,
  concurrency integer NOT NULL,
  started timestamptz NOT NULL,
  seen timestamptz NOT NULL
);
CREATE INDEX workers_seen ON shiftcast.workers (seen);

-- A job's worker and heartbeat are what the take-over of silent workers' jobs scans.
CREATE INDEX jobs_running ON shiftcast.jobs (heartbeat) WHERE status = 'running';

-- Down Migration
DROP INDEX shiftcast.jobs_running;
DROP TABLE shiftcast.workers;
