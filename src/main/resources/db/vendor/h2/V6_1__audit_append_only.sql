create trigger pw_audit_no_update before update, delete on pw_audit
    for each row call "uk.pathways.audit.AppendOnlyTrigger";
