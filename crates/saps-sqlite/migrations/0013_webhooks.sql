-- Webhook subscriptions of an organisation to event kinds, one delivery per
-- event and subscription (unique, so an event is never queued twice), leased
-- to the node sending it, and the log of attempts.
-- The secret is kept as issued: signing needs it (see ARCHITECTURE.md).
-- cursor: the journal sequence number up to which events were queued.
CREATE TABLE webhooks (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    scope         TEXT NOT NULL,
    url           TEXT NOT NULL,
    events        TEXT NOT NULL,
    secret        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL REFERENCES users (id),
    cursor        INTEGER NOT NULL,
    failing_since TEXT,
    disabled_at   TEXT
);
CREATE INDEX webhooks_by_org ON webhooks (org_id);

CREATE TABLE webhook_deliveries (
    id              TEXT PRIMARY KEY,
    webhook_id      TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    message_id      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT,
    lease_holder    TEXT,
    leased_until    TEXT,
    CONSTRAINT webhook_deliveries_message_key UNIQUE (webhook_id, message_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE webhook_attempts (
    id          TEXT PRIMARY KEY,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    webhook_id  TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    status_code INTEGER,
    error       TEXT
);
CREATE INDEX webhook_attempts_by_webhook ON webhook_attempts (webhook_id, at);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id);
