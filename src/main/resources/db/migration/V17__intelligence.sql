-- Police and partnership intelligence (issue 17), the tables the features share:
-- subjects of concern (persons, locations, vehicles), their links to children's cases and to each other, and the
-- exploitation type decided at screening (sexual, criminal or both). Each feature adds its own tables in its own
-- migration (V18 onwards). Portable SQL for H2 and PostgreSQL.

create table pw_subject (
    -- SUB-NNNNNN
    subject_id          varchar(20)  primary key,
    -- PERSON, LOCATION or VEHICLE
    kind                varchar(10)  not null,
    -- a person's name or street name, a place's name or address, a vehicle's registration
    label               varchar(200) not null,
    -- PERSON: SUSPECT, ASSOCIATE; LOCATION: ADDRESS, HOTEL, TAKEAWAY, PARK, OTHER; VEHICLE: CAR, TAXI, OTHER
    category            varchar(20)  not null,
    -- what is known about the subject (free text, read within need-to-know only)
    description         varchar(2000),
    district            varchar(100),
    latitude            decimal(9, 6),
    longitude           decimal(9, 6),
    -- true: only the police may read the subject and its links (persons of concern by default)
    police_only         boolean      not null,
    -- STANDARD or HIGH; escalated_at is when it last became HIGH (the exploitation panel's agenda)
    concern_level       varchar(10)  not null,
    escalated_at        timestamp with time zone,
    recorded_by         varchar(100) not null,
    recorded_agency     varchar(40)  not null,
    recorded_at         timestamp with time zone not null
);
create index ix_pw_subject_kind on pw_subject (kind, district);
create index ix_pw_subject_recorded on pw_subject (recorded_at);

create table pw_subject_link (
    id                  varchar(36)  primary key,
    subject_id          varchar(20)  not null references pw_subject (subject_id),
    -- a child's case, or another subject (exactly one of the two)
    case_id             varchar(20)  references pw_case (case_id),
    other_subject_id    varchar(20)  references pw_subject (subject_id),
    reason              varchar(500) not null,
    recorded_by         varchar(100) not null,
    recorded_agency     varchar(40)  not null,
    recorded_at         timestamp with time zone not null
);
create index ix_pw_subject_link_subject on pw_subject_link (subject_id);
create index ix_pw_subject_link_case on pw_subject_link (case_id);
create index ix_pw_subject_link_other on pw_subject_link (other_subject_id);

-- SEXUAL, CRIMINAL or BOTH: decided at screening, kept with the screening decision and as the case's latest.
alter table pw_decision add column exploitation_type varchar(10);
alter table pw_case add column exploitation_type varchar(10);
