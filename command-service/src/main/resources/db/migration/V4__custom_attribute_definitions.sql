-- Account configuration (issue 3): custom attribute definitions type the filter DSL's custom-attribute conditions.
CREATE TABLE custom_attribute_definitions (
    id                     BIGSERIAL PRIMARY KEY,
    account_id             BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    attribute_key          VARCHAR(255) NOT NULL,
    attribute_display_name VARCHAR(255) NOT NULL,
    attribute_display_type VARCHAR(20)  NOT NULL,
    attribute_model        VARCHAR(30)  NOT NULL,
    attribute_description  TEXT,
    attribute_values       TEXT         NOT NULL DEFAULT '[]',
    default_value          TEXT,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (account_id, attribute_model, attribute_key)
);
