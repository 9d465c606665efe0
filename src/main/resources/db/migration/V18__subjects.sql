-- Subjects of concern (issue 17, ADR 15): what pw_subject (V17) does not hold. Portable SQL for H2 and PostgreSQL.

-- The one counter of subject ids (SUB-NNNNNN): the update locks its row, so two nodes never issue the same id.
create table pw_subject_counter (
    id                  int          primary key,
    last_value          bigint       not null
);
insert into pw_subject_counter (id, last_value) values (1, 0);

-- Each time a subject's concern was raised to HIGH: why, by whom, when (pw_subject.escalated_at is the latest).
create table pw_subject_escalation (
    id                  varchar(36)  primary key,
    subject_id          varchar(20)  not null references pw_subject (subject_id),
    reason              varchar(1000) not null,
    escalated_by        varchar(100) not null,
    escalated_agency    varchar(40)  not null,
    escalated_at        timestamp with time zone not null
);
create index ix_pw_subject_escalation_subject on pw_subject_escalation (subject_id);
create index ix_pw_subject_escalated on pw_subject (escalated_at);
