-- Strategy meetings as the real thing (issue 15): who was invited to each meeting (contract agencies and named
-- external attendees), who attended, and each action agreed with its owner agency, due date and state. The
-- young person's and the family's voice stay in the outcome's case-record entry (pw_case_entry), as recorded.
-- Portable SQL for H2 and PostgreSQL.

create table pw_strategy_meeting (
    -- the strategy-meeting-process instance that held it
    meeting_id          varchar(64)  primary key,
    case_id             varchar(20)  not null references pw_case (case_id),
    reference           varchar(20)  not null,
    starts_at           timestamp with time zone not null,
    -- contract group ids, comma separated, in the order the chair gave them
    invited_agencies    varchar(400) not null,
    attended_agencies   varchar(400),
    apologies           varchar(400),
    held_at             timestamp with time zone
);
create index ix_pw_strategy_meeting_case on pw_strategy_meeting (case_id, starts_at);

create table pw_meeting_attendee (
    id                  varchar(36)  primary key,
    meeting_id          varchar(64)  not null references pw_strategy_meeting (meeting_id),
    case_id             varchar(20)  not null,
    position            integer      not null,
    name                varchar(200) not null,
    organisation        varchar(40)  not null,
    email               varchar(320) not null,
    attended            boolean
);
create index ix_pw_meeting_attendee_meeting on pw_meeting_attendee (meeting_id, position);

create table pw_meeting_action (
    id                  varchar(36)  primary key,
    meeting_id          varchar(64)  not null references pw_strategy_meeting (meeting_id),
    case_id             varchar(20)  not null,
    reference           varchar(20)  not null,
    position            integer      not null,
    owner_agency        varchar(40)  not null,
    description         varchar(500) not null,
    due_at              timestamp with time zone not null,
    -- OPEN until the owner records what was done, then DONE
    status              varchar(10)  not null,
    -- the meeting-action process that asks the owner to do it
    process_instance_id varchar(64),
    done_at             timestamp with time zone,
    done_by             varchar(100)
);
create index ix_pw_meeting_action_case on pw_meeting_action (case_id, due_at);
create index ix_pw_meeting_action_open on pw_meeting_action (status, due_at);
