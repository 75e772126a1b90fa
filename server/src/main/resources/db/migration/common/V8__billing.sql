-- Stripe Checkout: one row per Checkout Session we created (what it is worth, and to whom), and one row
-- per webhook event we accepted. The event's primary key is what makes a retried or concurrent delivery
-- of the same event a no-op; the session's status and the ledger's unique reference guard against two
-- different events paying out one session twice.
CREATE TABLE checkout_sessions (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    holder      TEXT NOT NULL,
    pack_id     TEXT NOT NULL,
    credits     BIGINT NOT NULL CHECK (credits > 0),
    amount      BIGINT NOT NULL CHECK (amount > 0),
    currency    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'paid')),
    created_at  BIGINT NOT NULL,
    paid_at     BIGINT
);
CREATE INDEX checkout_sessions_account ON checkout_sessions (account_id, created_at);

CREATE TABLE stripe_events (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    session_id   TEXT,
    outcome      TEXT NOT NULL,
    received_at  BIGINT NOT NULL
);
