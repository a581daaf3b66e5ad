-- smtpclient shared rate limit (smtp.rate-limit.shared=jdbc): Bucket4j's bucket state, one row per budget.
-- Usable as a Flyway migration as it is, or from Liquibase with <sqlFile>.
CREATE TABLE smtp_rate_limit (
    id         BIGINT NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
