-- The notification outbox: one row per e-mail to one recipient, written in the same transaction as the
-- pathway event it reports, then sent by its own Camunda job (process notification-delivery). Portable SQL
-- for H2 and PostgreSQL. Holds no child's name, story, disclosure or intelligence (data minimisation).
create table pw_notification (
    id                   varchar(36)   primary key,
    -- event type : occurrence (task id, reference, ...) : recipient address. A second attempt to queue
    -- the same e-mail finds this key and queues nothing.
    idempotency_key      varchar(600)  not null,
    case_id              varchar(20),
    reference            varchar(20),
    event_type           varchar(60)   not null,
    template             varchar(100)  not null,
    -- the template's variables as JSON, rendered when the e-mail is sent
    model                varchar(20000) not null,
    recipient            varchar(254)  not null,
    recipient_name       varchar(200),
    subject              varchar(300),
    body_text            varchar(20000),
    body_html            varchar(100000),
    -- PENDING, SENDING (claimed by a node), SENT, RECORDED (no mail server configured), FAILED (the last
    -- attempt failed; the job retries it), NO_RECIPIENT (nobody to send it to: a mailbox not configured)
    status               varchar(12)   not null,
    attempts             integer       default 0 not null,
    created_at           timestamp with time zone not null,
    next_attempt_at      timestamp with time zone,
    claimed_by           varchar(100),
    claimed_at           timestamp with time zone,
    sent_at              timestamp with time zone,
    last_error           varchar(2000),
    process_instance_id  varchar(64),
    constraint uq_pw_notification_key unique (idempotency_key)
);
create index ix_pw_notification_case on pw_notification (case_id);
create index ix_pw_notification_status on pw_notification (status, created_at);
