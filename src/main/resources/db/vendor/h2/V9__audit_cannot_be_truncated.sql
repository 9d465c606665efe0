-- The audit trail cannot be emptied: H2 refuses TRUNCATE (and DROP without CASCADE) of a table another table's
-- foreign key refers to. Updates and deletes are refused by the trigger of V6_1.
create table pw_audit_seal (audit_id bigint references pw_audit (id));
