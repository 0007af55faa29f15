-- Up Migration
-- The plan store (SPEC section 5) in PostgreSQL: plans and their files, the intraday logs,
-- jobs, API keys and who holds which lock. Everything lives in the schema `shiftcast`.

CREATE TABLE shiftcast.plans (
  name text PRIMARY KEY,
  stored timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shiftcast.plan_files (
  plan text NOT NULL REFERENCES shiftcast.plans (name) ON DELETE CASCADE,
  file text NOT NULL,
  content text NOT NULL,
  PRIMARY KEY (plan, file)
);

-- Not a plan's file: a plan is never changed once written, and its log outlives a prune as in a folder store.
CREATE TABLE shiftcast.day_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan text NOT NULL,
  entry jsonb NOT NULL,
  logged timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX day_log_plan ON shiftcast.day_log (plan, seq);

CREATE TABLE shiftcast.jobs (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL,
  status text NOT NULL,
  stage text NOT NULL,
  progress jsonb NOT NULL,
  plan_id text,
  result jsonb,
  error jsonb,
  created timestamptz NOT NULL,
  started timestamptz,
  finished timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  -- Dropped (null) once the job ends.
  inputs jsonb,
  -- The queue's own columns, never shown by the API.
  worker text,
  heartbeat timestamptz,
  cancel_requested boolean NOT NULL DEFAULT false,
  queue_ref text
);
CREATE INDEX jobs_status ON shiftcast.jobs (status);
CREATE INDEX jobs_created ON shiftcast.jobs (created, seq);

CREATE TABLE shiftcast.keys (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  role text NOT NULL,
  -- Hex sha256 of the key: never the key itself.
  hash text NOT NULL UNIQUE,
  created timestamptz NOT NULL,
  revoked timestamptz
);

-- Who holds each advisory lock, written by the holder, so a refused taker can name it.
CREATE TABLE shiftcast.locks (
  kind text PRIMARY KEY,
  pid integer NOT NULL,
  host text NOT NULL,
  since timestamptz NOT NULL
);

-- Down Migration
DROP TABLE shiftcast.locks;
DROP TABLE shiftcast.keys;
DROP TABLE shiftcast.jobs;
DROP TABLE shiftcast.day_log;
DROP TABLE shiftcast.plan_files;
DROP TABLE shiftcast.plans;
