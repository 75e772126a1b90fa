-- Teams: an owner, members, and invitations by email. An account is in at most one team. The team's
-- pool of credits is a ledger wallet whose holder is the team id (no table of its own here).
CREATE TABLE teams (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    owner_id    TEXT NOT NULL UNIQUE REFERENCES accounts (id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE team_members (
    team_id     TEXT NOT NULL REFERENCES teams (id),
    account_id  TEXT NOT NULL UNIQUE REFERENCES accounts (id),
    role        TEXT NOT NULL CHECK (role IN ('owner', 'member')),
    joined_at   BIGINT NOT NULL,
    PRIMARY KEY (team_id, account_id)
);

-- Only a hash of the invitation token is kept; the link is shown to the owner when it is made.
CREATE TABLE team_invites (
    id           TEXT PRIMARY KEY,
    team_id      TEXT NOT NULL REFERENCES teams (id),
    email        TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    accepted_at  BIGINT,
    accepted_by  TEXT REFERENCES accounts (id),
    revoked_at   BIGINT
);
CREATE INDEX team_invites_team ON team_invites (team_id, created_at);
