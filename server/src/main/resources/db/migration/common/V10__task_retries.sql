-- A submit the upstream throttled or failed (429, 5xx, not sent) goes back to the queue without using up an attempt;
-- retries counts those returns so that the wait before the next one doubles (attempts alone stayed at 1).
ALTER TABLE tasks ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
