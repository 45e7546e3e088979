-- A disabled user can neither sign in nor use the tokens and sessions it
-- holds: the token lookup joins on this flag, so disabling takes effect at once.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
