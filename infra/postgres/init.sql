-- Role and database of the stack. Idempotent: infra/stack.sh runs it on every start; the postgres image runs it
-- once from /docker-entrypoint-initdb.d.
-- CREATEDB because each service's integration tests create a database of their own.
SELECT 'CREATE ROLE contacts LOGIN CREATEDB PASSWORD ''contacts'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'contacts')
\gexec
ALTER ROLE contacts LOGIN CREATEDB PASSWORD 'contacts';

SELECT 'CREATE DATABASE contacts OWNER contacts ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'contacts')
\gexec
