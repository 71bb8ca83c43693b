-- Contact avatar images (issue 3). The bytes live here, never in an event: events carry only the key.
-- avatar_key is random (32 bytes, base64url) and new per upload: it is the capability to read the image.
CREATE TABLE contact_avatars (
    avatar_key   VARCHAR(64)  PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    contact_id   BIGINT       NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    bytes        BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX contact_avatars_contact ON contact_avatars (account_id, contact_id);
