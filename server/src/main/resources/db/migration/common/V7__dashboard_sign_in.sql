-- Dashboard sign-in. An account is the user: it gets a password (a bcrypt hash; NULL = cannot sign in
-- until it sets one through a set-password link). Secrets are stored only as SHA-256 hashes: a copy of the
-- database gives no session and no working link.
ALTER TABLE accounts ADD COLUMN password_hash TEXT;

-- One row per signed-in browser. account_id is NULL for an operator session (signed in with the admin token).
CREATE TABLE web_sessions (
    id_hash     TEXT PRIMARY KEY,
    account_id  TEXT REFERENCES accounts (id),
    operator    INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX web_sessions_account ON web_sessions (account_id);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);

-- Single-use links that set an account's password (handed out by the operator API).
CREATE TABLE password_tokens (
    token_hash  TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);

-- Failed sign-ins, by subject ("email:<address>", "ip:<address>"), for the login throttle. Kept in the
-- database so that every server sharing it throttles together.
CREATE TABLE login_failures (
    subject  TEXT NOT NULL,
    at_ms    BIGINT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, at_ms);
