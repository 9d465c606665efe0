-- The case record read back (contract version 2, section 9): each entry keeps every field its form recorded, the
-- pathway instance it was recorded in (a strategy meeting's agency information belongs to that meeting), the
-- agencies it is restricted to (none: every involved agency), and the entry it supersedes (a revised plan).
alter table pw_case_entry add column process_instance_id varchar(64);
alter table pw_case_entry add column visible_to varchar(400);
alter table pw_case_entry add column supersedes_id bigint;
alter table pw_case_entry alter column content set data type varchar(1000000);
update pw_case_entry set visible_to = restricted_to where restricted_to is not null;
create index ix_pw_case_entry_process on pw_case_entry (process_instance_id);
