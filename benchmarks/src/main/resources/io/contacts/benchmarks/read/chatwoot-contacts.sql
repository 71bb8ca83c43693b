-- The contacts table of Chatwoot 4.10 (db/schema.rb) with all of its indexes, in a database of its own.
-- The indexes are built after the rows are in (load.sql), as a restore would.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE contacts (
  id serial PRIMARY KEY,
  name character varying DEFAULT '',
  email character varying,
  phone_number character varying,
  account_id integer NOT NULL,
  created_at timestamp(6) without time zone NOT NULL,
  updated_at timestamp(6) without time zone NOT NULL,
  additional_attributes jsonb DEFAULT '{}',
  identifier character varying,
  custom_attributes jsonb DEFAULT '{}',
  last_activity_at timestamp without time zone,
  contact_type integer DEFAULT 0,
  middle_name character varying DEFAULT '',
  last_name character varying DEFAULT '',
  location character varying DEFAULT '',
  country_code character varying DEFAULT '',
  blocked boolean DEFAULT false NOT NULL,
  company_id bigint
);

-- The CSV as contacts-csv.py writes it, before Chatwoot's import rules turn its rows into contacts.
CREATE UNLOGGED TABLE contacts_csv (
  name text, email text, phone_number text, identifier text, company text, city text, labels text, plan text,
  signup_date text
);
