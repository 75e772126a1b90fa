-- Ledger books: every balance belongs to a holder (an account, or a team's pool) and a book. 'live' holds real
-- credits; 'sandbox' holds the play money that sk_test_ keys spend, so the two can never mix. The holder is no
-- longer a foreign key to accounts because a team pool is a holder too.

ALTER TABLE credit_balances DROP CONSTRAINT credit_balances_account_id_fkey;
ALTER TABLE credit_balances DROP CONSTRAINT credit_balances_pkey;
ALTER TABLE credit_balances
    ADD COLUMN book TEXT NOT NULL DEFAULT 'live' CHECK (book IN ('live', 'sandbox'));
ALTER TABLE credit_balances ALTER COLUMN book DROP DEFAULT;
ALTER TABLE credit_balances ADD PRIMARY KEY (account_id, book);

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_account_id_fkey;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check
    CHECK (kind IN ('topup', 'charge', 'refund', 'adjust', 'transfer'));
ALTER TABLE ledger_entries
    ADD COLUMN book TEXT NOT NULL DEFAULT 'live' CHECK (book IN ('live', 'sandbox'));
DROP INDEX ledger_entries_account;
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, book, created_at);

-- The book a task was paid from, so its refund goes back to the same book.
ALTER TABLE tasks ADD COLUMN book TEXT NOT NULL DEFAULT 'live' CHECK (book IN ('live', 'sandbox'));
