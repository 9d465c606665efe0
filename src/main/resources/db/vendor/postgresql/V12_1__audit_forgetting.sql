-- The audit trail stays append-only, with two ways out that only retention uses (docs/data-protection.md):
--   pw_audit_forget_case(case id): the rows of a case that has been erased (refused while the case exists), and
--     the search rows that listed it;
--   pw_audit_expire(keep): rows older than the audit trail's own retention period, never less than a year, by the
--     database's clock.
-- Each sets a transaction-local marker that the trigger checks row by row; every other update or delete is refused
-- as before. deploy/postgres/seal-audit.sql gives both functions to the audit schema's owner, so that a sealed trail
-- lets the application's role do these two things and nothing else.
create or replace function pw_audit_append_only() returns trigger as $$
declare
    forgetting text := coalesce(current_setting('pathways.audit_forget', true), '');
begin
    if tg_op = 'DELETE' and forgetting like 'case:%' then
        if old.case_id = substr(forgetting, 6)
                or (old.case_id is null and old.action = 'SEARCH'
                    and old.detail ~ ('(: |, )' || substr(forgetting, 6) || '(,|$)')) then
            return old;
        end if;
    elsif tg_op = 'DELETE' and forgetting like 'before:%' then
        if old.at < substr(forgetting, 8)::timestamptz then
            return old;
        end if;
    end if;
    raise exception 'pw_audit is append-only';
end;
$$ language plpgsql;

create or replace function pw_audit_forget_case(p_case_id varchar) returns integer
    language plpgsql security definer set search_path = audit, public as $$
declare
    n integer;
begin
    if exists (select 1 from public.pw_case where case_id = p_case_id) then
        raise exception 'case % still exists: only an erased case''s audit rows may be forgotten', p_case_id;
    end if;
    perform set_config('pathways.audit_forget', 'case:' || p_case_id, true);
    delete from pw_audit
     where case_id = p_case_id
        or (case_id is null and action = 'SEARCH' and detail ~ ('(: |, )' || p_case_id || '(,|$)'));
    get diagnostics n = row_count;
    perform set_config('pathways.audit_forget', '', true);
    return n;
end $$;

create or replace function pw_audit_expire(p_keep interval) returns integer
    language plpgsql security definer set search_path = audit, public as $$
declare
    n integer;
    before timestamptz := now() - p_keep;
begin
    if p_keep < interval '1 year' then
        raise exception 'the audit trail keeps at least a year (asked to keep %)', p_keep;
    end if;
    perform set_config('pathways.audit_forget', 'before:' || before::text, true);
    delete from pw_audit where at < before;
    get diagnostics n = row_count;
    perform set_config('pathways.audit_forget', '', true);
    return n;
end $$;
