-- The two roles of a Coalition CRM database (decision 067), for a superuser
-- connected to the application database. Idempotent: run it again to change a
-- password, or on a database made before the roles existed (it hands that
-- database's objects to crm_owner). Passwords come from the session, set first:
--
--   SELECT set_config('crm.owner_password', '…', false), set_config('crm.app_password', '…', false);
--
-- crm_owner  owns the database and every object in it; runs migrate, seed and
--            create-admin (DATABASE_MIGRATION_URL).
-- crm_app    the API and the worker (DATABASE_URL): may connect here, owns nothing;
--            its table privileges come from migration 1764250000000 and the
--            default privileges it sets.
-- Both are cluster-wide (one pair per PostgreSQL server) and neither may create
-- roles, databases or bypass anything.
DO $roles$
DECLARE
  wanted record;
  found record;
  statement text;
BEGIN
  FOR wanted IN
    SELECT * FROM (VALUES ('crm_owner', current_setting('crm.owner_password')), ('crm_app', current_setting('crm.app_password'))) AS r (name, password)
  LOOP
    IF wanted.password = '' THEN
      RAISE EXCEPTION 'no password given for role %', wanted.name;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = wanted.name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I', wanted.name);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another session created it meanwhile
      END;
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', wanted.name, wanted.password);
    SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls AS powerful INTO found FROM pg_roles WHERE rolname = wanted.name;
    IF found.powerful THEN
      EXECUTE format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', wanted.name);
    END IF;
  END LOOP;

  -- The database: crm_owner owns it (PostgreSQL 15+ then give it the public schema
  -- too, through pg_database_owner); crm_app may only connect (no temporary tables).
  EXECUTE format('ALTER DATABASE %I OWNER TO crm_owner', current_database());
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO crm_app', current_database());
  -- PostgreSQL 14 and older: public belongs to the bootstrap superuser and everyone may create in it.
  IF (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public') NOT IN ('pg_database_owner', 'crm_owner') THEN
    ALTER SCHEMA public OWNER TO crm_owner;
  END IF;
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;

  -- A database migrated before the roles existed: its objects belong to whoever
  -- ran the migrations (often a superuser). Hand them to crm_owner so the next
  -- migrations, run as crm_owner, may alter them. Extension members stay with the
  -- extension; sequences owned by a column move with their table.
  FOR statement IN
    SELECT format('ALTER %s %s OWNER TO crm_owner',
                  CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                  c.oid::regclass)
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace
       AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
       AND c.relowner <> 'crm_owner'::regrole
       AND NOT EXISTS (SELECT FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO crm_owner', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, p.oid::regprocedure)
      FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND p.proowner <> 'crm_owner'::regrole
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO crm_owner', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype)
      FROM pg_type t
     WHERE t.typnamespace = 'public'::regnamespace
       AND t.typtype IN ('e', 'd', 'r')
       AND t.typowner <> 'crm_owner'::regrole
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE statement;
  END LOOP;
END
$roles$;
