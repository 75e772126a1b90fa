-- Shared by SQLite and PostgreSQL: ids are strings made by the application, times are epoch milliseconds,
-- money is whole credits. Append-only rules for the ledger live in the per-database V2 scripts.

CREATE TABLE accounts (
    id          TEXT PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);

-- The cached balance; the ledger below is the truth it must always equal.
CREATE TABLE credit_balances (
    account_id  TEXT PRIMARY KEY REFERENCES accounts (id),
    balance     BIGINT NOT NULL CHECK (balance >= 0)
);

-- Signed amounts: charges are negative. For every account, balance = SUM(amount).
CREATE TABLE ledger_entries (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    task_id       TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('topup', 'charge', 'refund', 'adjust')),
    amount        BIGINT NOT NULL,
    balance_after BIGINT NOT NULL CHECK (balance_after >= 0),
    reference     TEXT,
    created_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX ledger_entries_task_kind ON ledger_entries (task_id, kind);
CREATE UNIQUE INDEX ledger_entries_reference ON ledger_entries (reference);
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, created_at);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    name          TEXT NOT NULL,
    mode          TEXT NOT NULL CHECK (mode IN ('live', 'test')),
    key_hash      TEXT NOT NULL UNIQUE,
    prefix        TEXT NOT NULL,
    last4         TEXT NOT NULL,
    scopes        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_keys_account ON api_keys (account_id, created_at);

CREATE TABLE tasks (
    id                TEXT PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts (id),
    api_key_id        TEXT REFERENCES api_keys (id),
    status            TEXT NOT NULL CHECK (status IN ('processing', 'completed', 'failed')),
    model             TEXT NOT NULL,
    quality_tier      TEXT NOT NULL,
    channel           TEXT NOT NULL,
    request_json      TEXT NOT NULL,
    credits_used      BIGINT NOT NULL CHECK (credits_used >= 0),
    credits_refunded  BIGINT NOT NULL DEFAULT 0 CHECK (credits_refunded >= 0),
    output_json       TEXT,
    error_code        TEXT,
    error_message     TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX tasks_account ON tasks (account_id, created_at);

CREATE TABLE idempotency_keys (
    account_id       TEXT NOT NULL REFERENCES accounts (id),
    idem_key         TEXT NOT NULL,
    fingerprint      TEXT NOT NULL,
    task_id          TEXT NOT NULL,
    response_status  INTEGER NOT NULL,
    response_body    TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- One row per account serialises its limiter; hits are the sliding log of admitted requests.
CREATE TABLE rate_limit_buckets (
    account_id  TEXT PRIMARY KEY,
    touched_at  BIGINT NOT NULL
);
CREATE TABLE rate_limit_hits (
    account_id  TEXT NOT NULL,
    at_ms       BIGINT NOT NULL
);
CREATE INDEX rate_limit_hits_account ON rate_limit_hits (account_id, at_ms);
