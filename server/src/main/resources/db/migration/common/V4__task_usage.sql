-- What the upstream reported for a completed task (duration, resolution, tokens), as JSON text.
ALTER TABLE tasks ADD COLUMN usage_json TEXT;
