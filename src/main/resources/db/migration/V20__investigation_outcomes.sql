-- Investigation outcomes (issue 17, ADR 0017): each concluded police investigation's outcome with the reason when
-- no further action, and for no further action the review that records the learning (its themes and the summary
-- shareable across the partnership; what went well and what to change stay in the review's case-record entry).
-- Portable SQL for H2 and PostgreSQL.

create table pw_investigation_outcome (
    id                          varchar(36)  primary key,
    case_id                     varchar(20)  not null references pw_case (case_id),
    referral_reference          varchar(20),
    -- CHARGED, CAUTIONED, NO_FURTHER_ACTION, DISRUPTION_ONLY (or ONGOING / none when the officer gave none)
    outcome                     varchar(30),
    -- with NO_FURTHER_ACTION: EVIDENTIAL_DIFFICULTIES, VICTIM_DOES_NOT_SUPPORT, NOT_IN_PUBLIC_INTEREST,
    -- SUSPECT_NOT_IDENTIFIED or OTHER
    nfa_reason                  varchar(40),
    concluded_at                timestamp with time zone not null,
    recorded_by                 varchar(100) not null,
    recorded_agency             varchar(40)  not null,
    task_id                     varchar(64),
    -- the no-further-action review: its process, when it is due, and what it recorded once done
    review_process_instance_id  varchar(64),
    review_due                  timestamp with time zone,
    reviewed_at                 timestamp with time zone,
    reviewed_by                 varchar(100),
    reviewed_agency             varchar(40),
    -- learning themes, comma-separated codes of the review form's list
    learning_themes             varchar(500),
    -- written not to identify the child: the quarterly learning report shares it across the partnership
    shareable_summary           varchar(2000)
);
create index ix_pw_investigation_outcome_case on pw_investigation_outcome (case_id);
create index ix_pw_investigation_outcome_concluded on pw_investigation_outcome (concluded_at);
create index ix_pw_investigation_outcome_review on pw_investigation_outcome (review_due, reviewed_at);
