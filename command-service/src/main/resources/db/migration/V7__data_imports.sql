-- CSV import jobs. A job's progress (rows_done and the counts) is updated in the transaction that applies its rows,
-- so a restart resumes after the last committed row and never applies a row twice.
CREATE TABLE data_imports (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id           BIGINT       NOT NULL,
    file_name         VARCHAR(255) NOT NULL,
    file_size         BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    header            TEXT[],
    total_records     INT,
    rows_done         INT          NOT NULL DEFAULT 0,
    created_records   INT          NOT NULL DEFAULT 0,
    updated_records   INT          NOT NULL DEFAULT 0,
    duplicate_records INT          NOT NULL DEFAULT 0,
    failed_records    INT          NOT NULL DEFAULT 0,
    error             TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at        TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ
);

CREATE INDEX data_imports_unfinished ON data_imports (id) WHERE status IN ('pending', 'processing');

-- The uploaded file, in chunks (a file of any size is stored and read back in bounded memory); dropped when the job ends.
CREATE TABLE data_import_chunks (
    import_id BIGINT NOT NULL REFERENCES data_imports (id) ON DELETE CASCADE,
    chunk     INT    NOT NULL,
    bytes     BYTEA  NOT NULL,
    PRIMARY KEY (import_id, chunk)
);

-- Rejected rows with their original fields, for the failed-records CSV.
CREATE TABLE data_import_failures (
    import_id  BIGINT NOT NULL REFERENCES data_imports (id) ON DELETE CASCADE,
    row_number INT    NOT NULL,
    line       BIGINT NOT NULL,
    fields     TEXT[] NOT NULL,
    errors     TEXT   NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

-- The contacts a running job has created or updated: a later row of the same file that matches one of them is a
-- duplicate within the file (counted once). Dropped when the job ends.
CREATE TABLE data_import_contacts (
    import_id  BIGINT NOT NULL REFERENCES data_imports (id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL,
    PRIMARY KEY (import_id, contact_id)
);
