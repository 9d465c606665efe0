-- The audit trail cannot be emptied: TRUNCATE fires no row trigger, so a statement trigger refuses it too.
-- Updates and deletes are refused by the trigger of V6_1. To take the table out of the application's own hands
-- (owner, schema owner), a database administrator runs deploy/postgres/seal-audit.sql once (docs/security.md).
create trigger pw_audit_no_truncate before truncate on pw_audit
    for each statement execute function pw_audit_append_only();
