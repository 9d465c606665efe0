-- On H2 the trigger (uk.pathways.audit.AppendOnlyTrigger) lets retention delete an erased case's audit rows, or rows
-- older than the trail's retention period, when the session variable @PATHWAYS_AUDIT_FORGET says so; everything
-- else stays refused. (H2 is the embedded default; PostgreSQL's functions are the production path.)
select 1;
