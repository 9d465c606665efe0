-- Copies of real open referrals, for benchmarks that need many open tasks (B3: "my tasks" with 100k open tasks;
-- B4: 10,000 clocks). Generating them through the pathways runs at about 10-30 referrals a second; this copies the
-- engine rows of the referrals waiting at screening that the API made (templates) with set-based SQL, as the
-- engine wrote them: every row of the instance (executions, the task, its candidate group, its TASK_WORK grant, its
-- variables and their byte arrays, its clock job) and its history, with "~<copy>" appended to every id, so that
-- each copy is a whole instance the engine can query, complete or fire a clock on. The case record (caseId,
-- reference) is shared with the template: a copy is one more open task of the same case.
--
--   psql -v from=1 -v to=99 -f bench/cluster/clone-open-tasks.sql     (copies number from..to of each template)
--   ... -v since="'2026-11-23 05:00'"     only templates whose screening task was created since then
-- Loopback benchmark databases only: never on a database with real cases.
\set ON_ERROR_STOP on
\if :{?since}
\else
\set since '''1970-01-01'''
\endif
begin;

create temp table tpl on commit drop as
  select e.id_ as pi from act_ru_execution e
  where e.id_ = e.proc_inst_id_ and e.proc_def_key_ = 'cse-referral' and e.id_ not like '%~%'
    and exists (select 1 from act_ru_task t where t.proc_inst_id_ = e.id_ and t.task_def_key_ = 'screening'
                  and t.create_time_ >= timestamptz :since)
    and not exists (select 1 from act_ru_execution d where d.proc_inst_id_ = e.id_ and d.parent_id_ is not null
                      and d.parent_id_ <> d.proc_inst_id_);
create temp table tpl_task on commit drop as select id_ from act_ru_task where proc_inst_id_ in (select pi from tpl);
create temp table cp on commit drop as select c from generate_series(:from, :to) as g(c);

-- clone(table, which rows, id columns to suffix, columns to compute {column: expression over s (row), cp.c})
create function pg_temp.clone(tab text, cond text, ids text[], computed jsonb default '{}') returns bigint
language plpgsql as $$
declare cols text; exprs text; n bigint;
begin
  select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
         string_agg(case when computed ? column_name then computed ->> column_name
                         when column_name = any(ids) then format('s.%1$I || ''~'' || cp.c', column_name)
                         else format('s.%I', column_name) end, ', ' order by ordinal_position)
    into cols, exprs
    from information_schema.columns where table_name = tab and table_schema = current_schema();
  execute format('insert into %I (%s) select %s from %I s cross join cp where %s', tab, cols, exprs, tab, cond);
  get diagnostics n = row_count;
  return n;
end $$;

select pg_temp.clone('act_ru_execution', 'proc_inst_id_ in (select pi from tpl) and parent_id_ is null',
                     array['id_', 'root_proc_inst_id_', 'proc_inst_id_', 'parent_id_', 'act_inst_id_']) as process_instances;
select pg_temp.clone('act_ru_execution', 'proc_inst_id_ in (select pi from tpl) and parent_id_ is not null',
                     array['id_', 'root_proc_inst_id_', 'proc_inst_id_', 'parent_id_', 'act_inst_id_']) as child_executions;
select pg_temp.clone('act_ge_bytearray', 'id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ in (select pi from tpl)
                       union all select bytearray_id_ from act_hi_varinst where proc_inst_id_ in (select pi from tpl))',
                     array['id_', 'root_proc_inst_id_']) as byte_arrays;
-- due dates spread over the next days, so that "soonest due first" has something to sort
select pg_temp.clone('act_ru_task', 'id_ in (select id_ from tpl_task)', array['id_', 'execution_id_', 'proc_inst_id_'],
                     jsonb_build_object('due_date_', 's.due_date_ + (hashtext(s.id_ || cp.c::text) & 8191) * interval ''1 minute''')) as tasks;
select pg_temp.clone('act_ru_identitylink', 'task_id_ in (select id_ from tpl_task)', array['id_', 'task_id_']) as candidate_groups;
select pg_temp.clone('act_ru_authorization', 'resource_type_ = 7 and resource_id_ in (select id_ from tpl_task)',
                     array['id_', 'resource_id_', 'root_proc_inst_id_']) as task_grants;
select pg_temp.clone('act_ru_variable', 'proc_inst_id_ in (select pi from tpl)',
                     array['id_', 'execution_id_', 'proc_inst_id_', 'task_id_', 'bytearray_id_', 'var_scope_']) as variables;
select pg_temp.clone('act_ru_job', 'process_instance_id_ in (select pi from tpl)',
                     array['id_', 'execution_id_', 'root_proc_inst_id_', 'process_instance_id_']) as clock_jobs;
-- their history, so that Cockpit, the history of a completed copy and the KPIs see whole instances
select pg_temp.clone('act_hi_procinst', 'proc_inst_id_ in (select pi from tpl)', array['id_', 'proc_inst_id_', 'root_proc_inst_id_']) as hi_procinst;
select pg_temp.clone('act_hi_taskinst', 'proc_inst_id_ in (select pi from tpl)',
                     array['id_', 'execution_id_', 'proc_inst_id_', 'root_proc_inst_id_', 'act_inst_id_']) as hi_taskinst;
select pg_temp.clone('act_hi_actinst', 'proc_inst_id_ in (select pi from tpl)',
                     array['id_', 'execution_id_', 'proc_inst_id_', 'root_proc_inst_id_', 'parent_act_inst_id_', 'task_id_']) as hi_actinst;
select pg_temp.clone('act_hi_varinst', 'proc_inst_id_ in (select pi from tpl)',
                     array['id_', 'execution_id_', 'proc_inst_id_', 'root_proc_inst_id_', 'task_id_', 'bytearray_id_', 'act_inst_id_']) as hi_varinst;
select pg_temp.clone('act_hi_identitylink', 'task_id_ in (select id_ from tpl_task)', array['id_', 'task_id_', 'root_proc_inst_id_']) as hi_identitylinks;
commit;
