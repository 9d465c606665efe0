-- Dashboards (issue #7): the return home interview KPI selects the missing pathway's episodes by the time of
-- the child's return (rhiWithin72HoursPercent); V3 indexes missing_since only.
create index ix_pw_missing_episode_returned on pw_missing_episode (returned_at);
