-- The problem profile (issue 17, ADR 0019). Its queries select by period first, like the KPIs (V7__dashboard.sql):
-- referrals by received_at (V7), screenings by (kind, decided_at) (V7), subjects by recorded_at (V17), and the links
-- between subjects and cases by when they were recorded, which this index serves, so that each query reads the
-- period's rows whatever the years behind them. Portable SQL for H2 and PostgreSQL.
create index ix_pw_subject_link_recorded on pw_subject_link (recorded_at, subject_id);
