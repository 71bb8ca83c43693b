-- Account configuration (not contacts): inboxes and which agents work in them. Chatwoot keeps one table per channel
-- type; the few channel fields we need live on the inbox row, and channel ids come from one sequence.
CREATE SEQUENCE channel_id_seq;

CREATE TABLE inboxes (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,
    channel_type VARCHAR(16)  NOT NULL CHECK (channel_type IN ('api', 'email', 'web_widget', 'sms', 'whatsapp', 'twilio')),
    channel_id   BIGINT       NOT NULL DEFAULT nextval('channel_id_seq'),
    medium       VARCHAR(16)  CHECK (medium IN ('sms', 'whatsapp')),
    email        VARCHAR(255),
    phone_number VARCHAR(255),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX inboxes_account ON inboxes (account_id, id);

CREATE TABLE inbox_members (
    inbox_id BIGINT NOT NULL REFERENCES inboxes (id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (inbox_id, user_id)
);

CREATE INDEX inbox_members_user ON inbox_members (user_id);
