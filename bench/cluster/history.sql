-- Closed referrals in the engine's history, for benchmarks that must run "over 1M historic instances" (B3).
-- Set-based: per instance one ACT_HI_PROCINST row, its screening task (ACT_HI_TASKINST, assigned to a MASH
-- worker), four activity instances (start, screening, threshold decision, end) and four variables, as a referral
-- that ended at universal services leaves them, spread over the past five years; ids "hist-<n>...", so a second run
-- adds only what is missing.
--   psql -v instances=1000000 -f bench/cluster/history.sql
-- Loopback benchmark databases only.
\set ON_ERROR_STOP on
create temp table g as
  select i, (select id_ from act_re_procdef where key_ = 'cse-referral' order by version_ desc limit 1) as def,
    now() - interval '5 years' + (i * 7919 % 1000000) * interval '157 seconds' as started
  from generate_series((select count(*) + 1 from act_hi_procinst where id_ like 'hist-%'), :instances) as s(i);
insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_, duration_,
    start_act_id_, end_act_id_, root_proc_inst_id_, state_)
  select 'hist-' || i, 'hist-' || i, 'REF-H' || lpad(i::text, 8, '0'), 'cse-referral', def, started, started + interval '30 hours',
    108000000, 'Start_ReferralReceived', 'End_Universal', 'hist-' || i, 'COMPLETED' from g;
insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
    act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, priority_, due_date_, task_state_)
  select 'hist-' || i || '-t', 'screening', 'cse-referral', def, 'hist-' || i, 'hist-' || i, 'hist-' || i, 'screening:hist-' || i,
    'Screen the referral', 'mash-worker', started, started + interval '29 hours', 104400000, 'completed', 50,
    started + interval '24 hours', 'Completed' from g;
insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
    act_id_, task_id_, act_name_, act_type_, assignee_, start_time_, end_time_, duration_, act_inst_state_, sequence_counter_)
  select a.act || ':hist-' || i, 'hist-' || i, 'cse-referral', def, 'hist-' || i, 'hist-' || i, 'hist-' || i, a.act,
    case when a.act = 'screening' then 'hist-' || i || '-t' end, a.act, a.kind, case when a.act = 'screening' then 'mash-worker' end,
    started + a.at, started + a.at + a.took, extract(epoch from a.took)::bigint * 1000, 1, a.n
  from g cross join (values (1, 'Start_ReferralReceived', 'startEvent', interval '0', interval '0'),
                            (2, 'screening', 'userTask', interval '0', interval '29 hours'),
                            (3, 'Task_DecideThreshold', 'businessRuleTask', interval '29 hours', interval '1 second'),
                            (4, 'End_Universal', 'noneEndEvent', interval '30 hours', interval '0')) as a(n, act, kind, at, took);
insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_, act_inst_id_, name_,
    var_type_, create_time_, rev_, long_, text_, state_)
  select 'hist-' || i || '-' || v.name, 'cse-referral', def, 'hist-' || i, 'hist-' || i, 'hist-' || i, 'hist-' || i, v.name, v.type,
    started, 0, case when v.name = 'age' then 11 + i % 7 end,
    case v.name when 'reference' then 'REF-H' || lpad(i::text, 8, '0') when 'caseId' then 'CASE-H' || lpad(i::text, 8, '0')
                when 'riskLevel' then 'LOW' end, 'CREATED'
  from g cross join (values ('reference', 'string'), ('caseId', 'string'), ('age', 'integer'), ('riskLevel', 'string')) as v(name, type);
drop table g;
analyze act_hi_procinst; analyze act_hi_taskinst; analyze act_hi_actinst; analyze act_hi_varinst;
select 'historic instances: ' || count(*) from act_hi_procinst;
