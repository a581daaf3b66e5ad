-- smtpclient outbox: one row per message, for PostgreSQL 12 or later.
-- Usable as a Flyway migration as it is, or from Liquibase with <sqlFile>.
CREATE TABLE smtp_outbox (
    id              UUID                     NOT NULL PRIMARY KEY,
    message_id      VARCHAR(998)             NOT NULL,
    sender          VARCHAR(1000)            NOT NULL,
    recipients      TEXT                     NOT NULL,
    dsn_ret         VARCHAR(4),
    dsn_envelope_id VARCHAR(100),
    dsn_notify      VARCHAR(40),
    content         BYTEA                    NOT NULL,
    eight_bit       BOOLEAN                  NOT NULL,
    smtp_utf8       BOOLEAN                  NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    reply           VARCHAR(2000),
    queue_id        VARCHAR(200),
    last_error      VARCHAR(2000)
);

-- the workers' claim query and the due-age metric: partial, so the claim reads the due rows in order
-- (an index on (state, next_attempt_at) leaves PostgreSQL sorting every due row, content and all, per claim)
CREATE INDEX smtp_outbox_due ON smtp_outbox (next_attempt_at) WHERE state IN ('QUEUED', 'RETRYING');
-- recovery of messages held by an instance that stopped
CREATE INDEX smtp_outbox_lease ON smtp_outbox (state, lease_until);
-- retention of sent messages
CREATE INDEX smtp_outbox_completed ON smtp_outbox (state, completed_at);
CREATE INDEX smtp_outbox_message_id ON smtp_outbox (message_id);
