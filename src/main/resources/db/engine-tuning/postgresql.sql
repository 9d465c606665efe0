-- Pathways' tuning of Camunda's own tables on PostgreSQL, applied by uk.pathways.cluster.EngineTuning after the engine
-- has created or checked its schema, on every start (each statement is idempotent). Measured in docs/benchmarks.md
-- (B3, "my tasks" with 1k and 100k open tasks); the reasons are in docs/adr/0010-engine-tuning-postgresql.md.
-- One statement per paragraph, separated by a blank line.

-- The task query's authorization check filters ACT_RU_AUTHORIZATION with "PERMS_ & 2 = 2" (READ) and
-- "PERMS_ & 64 = 64" (READ_TASK). PostgreSQL has no statistics for a bit test and guesses 0.5% of rows, so with
-- one TASK_WORK grant per open task it expects 9 grants where there are 100,000, and joins every task to every
-- grant (quadratic: 0.5 s at 2,000 open tasks). With statistics on the expressions it looks each task's grant up
-- in the resource id index instead.
create statistics if not exists pw_auth_perms_stats on ((perms_ & 2)), ((perms_ & 64)), resource_type_ from act_ru_authorization

-- The Tasklist's agency filters list "soonest due first" (TasklistFilters): an index on the due date lets the
-- first page read 15 tasks in due order and stop, instead of sorting every open task.
create index if not exists pw_idx_ru_task_due on act_ru_task (due_date_)

analyze act_ru_authorization
