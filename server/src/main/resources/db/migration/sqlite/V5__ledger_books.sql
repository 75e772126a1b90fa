-- Ledger books: every balance belongs to a holder (an account, or a team's pool) and a book. 'live' holds real
-- credits; 'sandbox' holds the play money that sk_test_ keys spend, so the two can never mix. The holder is no
-- longer a foreign key to accounts because a team pool is a holder too. SQLite cannot change a primary key or a
-- CHECK in place, so both money tables are rebuilt with their rows, and the append-only triggers re-created.

CREATE TABLE credit_balances_v5 (
    account_id  TEXT NOT NULL,
    book        TEXT NOT NULL CHECK (book IN ('live', 'sandbox')),
    balance     BIGINT NOT NULL CHECK (balance >= 0),
    PRIMARY KEY (account_id, book)
);
INSERT INTO credit_balances_v5 (account_id, book, balance)
    SELECT account_id, 'live', balance FROM credit_balances;
DROP TABLE credit_balances;
ALTER TABLE credit_balances_v5 RENAME TO credit_balances;

CREATE TABLE ledger_entries_v5 (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL,
    book          TEXT NOT NULL DEFAULT 'live' CHECK (book IN ('live', 'sandbox')),
    task_id       TEXT,
    kind          TEXT NOT NULL CHECK (kind IN ('topup', 'charge', 'refund', 'adjust', 'transfer')),
    amount        BIGINT NOT NULL,
    balance_after BIGINT NOT NULL CHECK (balance_after >= 0),
    reference     TEXT,
    created_at    BIGINT NOT NULL
);
INSERT INTO ledger_entries_v5
    (id, account_id, book, task_id, kind, amount, balance_after, reference, created_at)
    SELECT id, account_id, 'live', task_id, kind, amount, balance_after, reference, created_at
    FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_v5 RENAME TO ledger_entries;
CREATE UNIQUE INDEX ledger_entries_task_kind ON ledger_entries (task_id, kind);
CREATE UNIQUE INDEX ledger_entries_reference ON ledger_entries (reference);
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, book, created_at);

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;

CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;

-- The book a task was paid from, so its refund goes back to the same book.
ALTER TABLE tasks ADD COLUMN book TEXT NOT NULL DEFAULT 'live' CHECK (book IN ('live', 'sandbox'));
