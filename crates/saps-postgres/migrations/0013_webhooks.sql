-- Webhook subscriptions of an organisation to event kinds, one delivery per
-- event and subscription (unique, so an event is never queued twice), leased
-- to the node sending it, and the log of attempts.
-- The secret is kept as issued: signing needs it (see ARCHITECTURE.md).
-- cursor: the journal sequence number up to which events were queued.
CREATE TABLE webhooks (
    id            uuid PRIMARY KEY,
    org_id        uuid NOT NULL REFERENCES orgs (id),
    scope         text NOT NULL,
    url           text NOT NULL,
    events        text NOT NULL,
    secret        text NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    uuid NOT NULL REFERENCES users (id),
    cursor        bigint NOT NULL,
    failing_since timestamptz,
    disabled_at   timestamptz
);
CREATE INDEX webhooks_by_org ON webhooks (org_id);

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    message_id      text NOT NULL,
    kind            text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL,
    status          text NOT NULL,
    attempts        integer NOT NULL,
    next_attempt_at timestamptz,
    lease_holder    text,
    leased_until    timestamptz,
    CONSTRAINT webhook_deliveries_message_key UNIQUE (webhook_id, message_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE webhook_attempts (
    id          uuid PRIMARY KEY,
    delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    webhook_id  uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    outcome     text NOT NULL,
    status_code integer,
    error       text
);
CREATE INDEX webhook_attempts_by_webhook ON webhook_attempts (webhook_id, at);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id);
