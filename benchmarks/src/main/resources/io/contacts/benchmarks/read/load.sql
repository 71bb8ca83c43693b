-- Chatwoot's import rules (chatwoot-reference.md section 8): email lower-cased, a "+" before a phone number without
-- one, company and city in additional_attributes, the other columns as custom attributes. Labels are tags in
-- Chatwoot (taggings), which no measured shape reads, so they are left out. Every row is a contact of account 1 that
-- stays a visitor, as after Chatwoot's bulk insert (it skips the callback that makes a lead).
INSERT INTO contacts (name, email, phone_number, identifier, account_id, created_at, updated_at,
                      additional_attributes, custom_attributes, contact_type)
SELECT name, lower(email), CASE WHEN phone_number LIKE '+%' THEN phone_number ELSE '+' || phone_number END,
       identifier, 1, now(), now(), jsonb_build_object('company', company, 'city', city),
       jsonb_build_object('plan', plan, 'signup_date', signup_date), 0
FROM contacts_csv;

DROP TABLE contacts_csv;

CREATE INDEX index_contacts_on_account_id ON contacts (account_id);
CREATE INDEX index_contacts_on_account_id_and_contact_type ON contacts (account_id, contact_type);
CREATE INDEX index_contacts_on_account_id_and_last_activity_at ON contacts (account_id, last_activity_at DESC NULLS LAST);
CREATE INDEX index_contacts_on_blocked ON contacts (blocked);
CREATE INDEX index_contacts_on_company_id ON contacts (company_id);
CREATE INDEX index_contacts_on_lower_email_account_id ON contacts (lower((email)::text), account_id);
CREATE INDEX index_contacts_on_name_email_phone_number_identifier ON contacts
  USING gin (name gin_trgm_ops, email gin_trgm_ops, phone_number gin_trgm_ops, identifier gin_trgm_ops);
CREATE INDEX index_contacts_on_nonempty_fields ON contacts (account_id, email, phone_number, identifier)
  WHERE (((email)::text <> ''::text) OR ((phone_number)::text <> ''::text) OR ((identifier)::text <> ''::text));
CREATE INDEX index_contacts_on_phone_number_and_account_id ON contacts (phone_number, account_id);
CREATE INDEX index_resolved_contact_account_id ON contacts (account_id)
  WHERE (((email)::text <> ''::text) OR ((phone_number)::text <> ''::text) OR ((identifier)::text <> ''::text));
CREATE UNIQUE INDEX uniq_email_per_account_contact ON contacts (email, account_id);
CREATE UNIQUE INDEX uniq_identifier_per_account_contact ON contacts (identifier, account_id);

VACUUM ANALYZE contacts;

-- Written last: a database without it was not loaded to the end and is loaded again.
CREATE TABLE bench_dataset AS SELECT count(*) AS contacts FROM contacts;
