-- The task table is the queue (enqueued by the submit transaction itself). A worker claims a task by taking a
-- lease and bumping lease_token, the fencing token every later write of that worker must present.
ALTER TABLE tasks ADD COLUMN lease_owner TEXT;
ALTER TABLE tasks ADD COLUMN lease_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN lease_until BIGINT;
ALTER TABLE tasks ADD COLUMN run_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN deadline_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN provider TEXT;
ALTER TABLE tasks ADD COLUMN upstream_id TEXT;
ALTER TABLE tasks ADD COLUMN sandbox_outcome TEXT;
CREATE INDEX tasks_queue ON tasks (status, run_at);
