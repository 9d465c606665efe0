-- Missing episodes (issue #3): one row per episode of a child going missing, from the report to the
-- return home interview. The statutory return (start, end, type, police risk, RHI offered and accepted)
-- is read from here. Portable SQL for H2 and PostgreSQL.

create table pw_missing_episode (
    reference                   varchar(20)  primary key,
    case_id                     varchar(20)  not null references pw_case (case_id),
    reported_at                 timestamp with time zone not null,
    source                      varchar(30)  not null,
    reported_by                 varchar(100) not null,
    reporter_agency             varchar(40),
    missing_since               timestamp with time zone not null,
    police_reference            varchar(50)  not null,
    police_risk                 varchar(10)  not null,
    episode_type                varchar(30)  not null,
    placing_authority           varchar(150),
    out_of_area                 boolean      not null,
    -- MISSING until the return is recorded, RETURNED until the pathway ends, then CLOSED
    status                      varchar(10)  not null,
    returned_at                 timestamp with time zone,
    strategy_meeting_called_at  timestamp with time zone,
    rhi_due_at                  timestamp with time zone,
    rhi_completed_at            timestamp with time zone,
    rhi_offered                 boolean,
    rhi_accepted                boolean,
    cse_concern                 boolean,
    process_instance_id         varchar(64),
    closed_at                   timestamp with time zone
);
create index ix_pw_missing_episode_case on pw_missing_episode (case_id, missing_since);
create index ix_pw_missing_episode_since on pw_missing_episode (missing_since);

-- A CSE referral started from missing episodes: by a CSE concern at the return home interview
-- (one episode) or by repeat missing (every episode inside the window).
create table pw_missing_referral (
    episode_reference   varchar(20) not null references pw_missing_episode (reference),
    referral_reference  varchar(20) not null references pw_referral (reference),
    reason              varchar(20) not null,
    linked_at           timestamp with time zone not null,
    primary key (episode_reference, referral_reference)
);
create index ix_pw_missing_referral_referral on pw_missing_referral (referral_reference);
