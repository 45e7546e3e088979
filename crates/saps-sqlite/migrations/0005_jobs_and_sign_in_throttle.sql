-- Periodic jobs that every node schedules: a node leases a due job (a free or
-- expired lease, a conditional write) before running it, then records the run
-- and frees the lease, so each job runs once per period across nodes.
-- last_run is on the program clock; leased_until on the real clock.
CREATE TABLE jobs (
    name         TEXT PRIMARY KEY,
    last_run     TEXT,
    holder       TEXT,
    leased_until TEXT,
    runs         INTEGER NOT NULL DEFAULT 0
);

-- Sign-in attempts per address (a SHA-256 of the lower-cased e-mail, never the
-- address), counted before the password is checked, within a window that
-- starts at the first attempt.
CREATE TABLE sign_in_attempts (
    email_hash   TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    attempts     INTEGER NOT NULL
);
