-- Polling an upstream is one short step per claim: polls counts the steps taken (the backoff grows with it and a
-- task with polls > 0 is claimed from the poll pool), hinted records a callback that came in while a poll was
-- running, so the poll's own rescheduling does not push the task back.
ALTER TABLE tasks ADD COLUMN polls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN hinted INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tasks_in_flight ON tasks (provider, status);
