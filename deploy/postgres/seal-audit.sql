-- Seals Pathways' audit trail on PostgreSQL: afterwards the application's role may only read it and add to it.
-- Run once, as a superuser, after Pathways has started once on the database (its migrations create pw_audit):
--
--   psql -d pathways -v app_role=pathways -f deploy/postgres/seal-audit.sql
--
-- The table, its trigger function and its sequence move to a schema "audit" owned by a role that cannot sign in
-- (pathways_audit); the application reaches it through a view public.pw_audit that lets it SELECT and INSERT only.
-- Neither TRUNCATE, DELETE, UPDATE, DROP nor ALTER by the application's role can then touch a row. Run it again
-- safely: every step checks first. For the same reason the database itself should belong to an administrator's
-- role, not to the application's (a database's owner may drop the whole database).
\set ON_ERROR_STOP on
begin;
do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'pathways_audit') then
        create role pathways_audit nologin;
    end if;
end $$;
create schema if not exists audit authorization pathways_audit;
do $$ begin
    if exists (select 1 from pg_tables where schemaname = 'public' and tablename = 'pw_audit') then
        alter table public.pw_audit set schema audit;
        alter function public.pw_audit_append_only() set schema audit;
    elsif exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                   where n.nspname = 'public' and p.proname = 'pw_audit_append_only') then
        -- sealed before a release that changed the trigger (V12_1): the release's own version replaces the old one
        drop trigger pw_audit_no_update on audit.pw_audit;
        drop trigger pw_audit_no_truncate on audit.pw_audit;
        drop function audit.pw_audit_append_only();
        alter function public.pw_audit_append_only() set schema audit;
        create trigger pw_audit_no_update before update or delete on audit.pw_audit
            for each row execute function audit.pw_audit_append_only();
        create trigger pw_audit_no_truncate before truncate on audit.pw_audit
            for each statement execute function audit.pw_audit_append_only();
    end if;
end $$;
alter table audit.pw_audit owner to pathways_audit;
alter function audit.pw_audit_append_only() owner to pathways_audit;
create or replace view public.pw_audit as select * from audit.pw_audit;
alter view public.pw_audit owner to pathways_audit;
revoke all on audit.pw_audit from public;
revoke all on public.pw_audit from public;
grant usage on schema audit to :"app_role";
grant select, insert on public.pw_audit to :"app_role";
revoke all on audit.pw_audit from :"app_role";
-- Retention's two ways out (V12_1): they run as the audit schema's owner, so the application's role may forget an
-- erased case's rows and rows past the trail's retention period, and nothing else.
alter function public.pw_audit_forget_case(varchar) owner to pathways_audit;
alter function public.pw_audit_expire(interval) owner to pathways_audit;
grant select on public.pw_case to pathways_audit;
revoke all on function public.pw_audit_forget_case(varchar) from public;
revoke all on function public.pw_audit_expire(interval) from public;
grant execute on function public.pw_audit_forget_case(varchar) to :"app_role";
grant execute on function public.pw_audit_expire(interval) to :"app_role";
commit;
