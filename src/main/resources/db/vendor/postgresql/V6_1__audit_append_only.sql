create or replace function pw_audit_append_only() returns trigger as $$
begin
    raise exception 'pw_audit is append-only';
end;
$$ language plpgsql;

create trigger pw_audit_no_update before update or delete on pw_audit
    for each row execute function pw_audit_append_only();
