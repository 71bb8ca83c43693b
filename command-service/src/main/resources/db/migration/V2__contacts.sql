CREATE SEQUENCE contact_id_seq;

-- One row per unique value a contact holds: the set-based rule "unique per account" as a primary key,
-- written in the transaction that appends the contact's events.
CREATE TABLE contact_claims (
    account_id BIGINT       NOT NULL,
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('email', 'identifier', 'phone_number')),
    value      VARCHAR(255) NOT NULL,
    contact_id BIGINT       NOT NULL,
    PRIMARY KEY (account_id, kind, value)
);

CREATE INDEX contact_claims_contact ON contact_claims (account_id, contact_id);
