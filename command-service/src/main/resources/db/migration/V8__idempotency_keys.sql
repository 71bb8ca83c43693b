-- Idempotency-Key of a write (docs/idempotency.md). The row is inserted in the transaction of the write it guards, so
-- an in-doubt write and its key commit or vanish together; status and body are the answer, recorded once it is known.
CREATE TABLE idempotency_keys (
    principal       VARCHAR(64)  NOT NULL,
    endpoint        VARCHAR(600) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     BYTEA        NOT NULL,
    written_at      TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    status          INT,
    content_type    VARCHAR(255),
    body            BYTEA,
    PRIMARY KEY (principal, endpoint, idempotency_key)
);

CREATE INDEX idempotency_keys_written_at ON idempotency_keys (written_at);
