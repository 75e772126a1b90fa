-- The lane is chosen at submit: 'upstream' for a live task whose route names a remote provider, 'render' for
-- the rest (test keys, local-only routes). Creates are short HTTP calls and are claimed from their own pool
-- (SEEDANCE_WORKER_CREATE_CONCURRENCY), so they never wait behind CPU-bound local renders, which keep the small
-- SEEDANCE_WORKER_CONCURRENCY. Tasks submitted before this migration stay in the render lane: slower, not wrong.
ALTER TABLE tasks ADD COLUMN lane TEXT NOT NULL DEFAULT 'render';
