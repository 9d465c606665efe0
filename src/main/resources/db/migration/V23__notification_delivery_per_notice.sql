-- ADR 21: the e-mails of one notice share one notification-delivery process, whose job finds them by its
-- process instance id.
create index ix_pw_notification_delivery on pw_notification (process_instance_id);
