package uk.pathways.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.pathways.calendar.Now;

/**
 * The KPI benchmark (bench/README.md): not a test, and not run by {@code ./mvnw test} (its name does not end in
 * Test). On the PostgreSQL database {@code PATHWAYS_DB_URL} (pathways_bench), which already holds the synthetic
 * history the generator walked through the real pathways, it adds older history with set-based SQL that writes
 * what the pathways write (pw_* rows, ACT_HI_PROCINST and ACT_HI_TASKINST rows) until there are
 * {@code bench.small} (10,000) historic referrals, times the KPI queries, grows the history to
 * {@code bench.large} (1,000,000), times them again, and prints both and their ratio.
 */
@org.junit.jupiter.api.Tag("app")
@org.junit.jupiter.api.Tag("slow")
@SpringBootTest(
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            "pathways.data-dir=target/bench-data",
            "spring.datasource.hikari.maximum-pool-size=4"
        })
@ActiveProfiles("postgres")
class KpiBench {

    private static final Instant HISTORY_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final long SLOTS = 1_000_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Kpis kpis;

    @Autowired
    Today today;

    @Autowired
    KpiRepository repository;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void kpiQueryTimesAt10kAnd1MHistoricInstances() throws IOException {
        long small = Long.getLong("bench.small", 10_000);
        long large = Long.getLong("bench.large", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 7);
        Instant pathwaysFrom = jdbc.queryForObject(
                        "select coalesce(min(received_at), now()) from pw_referral where reference not like 'REF-H%'",
                        java.time.OffsetDateTime.class)
                .toInstant();
        long walked =
                jdbc.queryForObject("select count(*) from pw_referral where reference not like 'REF-H%'", Long.class);
        log("referrals walked through the pathways by the generator: %d (from %s)", walked, pathwaysFrom);
        if (Boolean.getBoolean("bench.reset")) {
            shrink(small - walked);
        }

        grow(small - walked, pathwaysFrom);
        Map<String, Double> atSmall = measure(runs);
        long countSmall = referrals();

        grow(large - walked, pathwaysFrom);
        Map<String, Double> atLarge = measure(runs);
        long countLarge = referrals();

        StringBuilder table = new StringBuilder();
        table.append(String.format(
                "| query (median of %d runs, ms) | %,d referrals | %,d referrals | ratio |%n",
                runs, countSmall, countLarge));
        table.append("|---|---:|---:|---:|\n");
        double worst = 0;
        for (String key : atSmall.keySet()) {
            double ratio = atLarge.get(key) / Math.max(0.01, atSmall.get(key));
            if (key.startsWith("GET")) {
                worst = Math.max(worst, ratio);
            }
            table.append(
                    String.format("| %s | %.1f | %.1f | %.2f |%n", key, atSmall.get(key), atLarge.get(key), ratio));
        }
        table.append(String.format("%nWorst ratio of a whole request: %.2f%n", worst));
        String sizes = jdbc.queryForList("""
                select relname || ': ' || n_live_tup from pg_stat_user_tables
                where relname in ('pw_case', 'pw_referral', 'pw_decision', 'pw_chronology', 'pw_case_entry', 'pw_clock_breach',
                  'pw_task_fact', 'act_hi_procinst', 'act_hi_taskinst', 'act_ru_task') order by relname""", String.class).toString();
        table.append("Rows: ").append(sizes).append('\n');
        System.out.println("\n=== KPI benchmark ===\n" + table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/kpi-bench.md"), table.toString());
    }

    private long referrals() {
        return jdbc.queryForObject("select count(*) from pw_referral", Long.class);
    }

    /** Times each request and each query of it, after a warm-up; the median of {@code runs}. */
    private Map<String, Double> measure(int runs) {
        jdbc.execute("analyze");
        LocalDate today = Now.today();
        KpiPeriod quarter = new KpiPeriod(today.minusMonths(3), today, null, null);
        KpiPeriod year = new KpiPeriod(today.minusYears(1), today, null, null);
        KpiPeriod district = new KpiPeriod(today.minusYears(1), today, "Corby", null);
        Map<String, Supplier<Object>> work = new LinkedHashMap<>();
        work.put("GET /api/kpis (last quarter)", () -> kpis.compute(quarter, Figures.exact()));
        work.put("GET /api/kpis (last 12 months)", () -> kpis.compute(year, Figures.exact()));
        work.put(
                "GET /api/kpis (last 12 months, district Corby, agency police)",
                () -> kpis.compute(new KpiPeriod(year.from(), year.to(), "Corby", "police"), Figures.suppressed()));
        work.put("GET /api/kpis/today?agency=police", () -> this.today.of("police", Figures.exact()));
        work.put("GET /api/kpis/today?agency=rise", () -> this.today.of("rise", Figures.exact()));
        work.put("  referrals with first screening (12 months)", () -> repository.referrals(year));
        work.put("  strategy meeting decisions (12 months)", () -> repository.strategyMeetingDecisions(year));
        work.put("  screenings (12 months)", () -> repository.screenings(year));
        work.put("  open cases by stage", () -> repository.openCasesBy("stage", null, null));
        work.put("  open tasks (runtime)", () -> repository.openTasks(null, null));
        work.put("  escalations (12 months)", () -> repository.escalationsByGroup(year));
        work.put("  closures and closure reasons (12 months)", () -> repository.closureStrategyReasons(year));
        work.put("  outcome wheels (12 months)", () -> repository.outcomeWheels(year));
        work.put(
                "  disruption facts (12 months, Corby)", () -> repository.factsByValue(TaskFacts.DISRUPTION, district));
        work.put("  police agency activity (today)", () -> repository.activityOfAgency("police"));
        Map<String, Double> medians = new LinkedHashMap<>();
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setReadOnly(true);
        work.forEach((name, plain) -> {
            // each query as the dashboards run it: in a read-only transaction prepared by forDashboards()
            Supplier<Object> job = name.startsWith("GET")
                    ? plain
                    : () -> tx.execute(status -> {
                        repository.forDashboards();
                        return plain.get();
                    });
            job.get();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                job.get();
                times.add((System.nanoTime() - t0) / 1e6);
            }
            times.sort(null);
            medians.put(name, times.get(times.size() / 2));
        });
        return medians;
    }

    /** Takes the bulk history back to its first {@code keep} referrals (a database kept from an earlier run). */
    private void shrink(long keep) {
        String bulkCase = "case_id like 'CASE-H%' and case_id > 'CASE-H" + String.format("%08d", keep) + "'";
        for (String table : List.of(
                "pw_task_fact",
                "pw_clock_breach",
                "pw_case_entry",
                "pw_chronology",
                "pw_decision",
                "pw_referral",
                "pw_case_agency",
                "pw_case")) {
            jdbc.update("delete from " + table + " where " + bulkCase);
        }
        jdbc.update(
                "delete from ACT_HI_TASKINST where case when PROC_INST_ID_ like 'bulk-pi-%' then substring(PROC_INST_ID_ from 9)::bigint else 0 end > "
                        + keep);
        jdbc.update(
                "delete from ACT_HI_PROCINST where case when ID_ like 'bulk-pi-%' then substring(ID_ from 9)::bigint else 0 end > "
                        + keep);
        for (String table : List.of(
                "pw_task_fact",
                "pw_clock_breach",
                "pw_case_entry",
                "pw_chronology",
                "pw_decision",
                "pw_referral",
                "pw_case_agency",
                "pw_case",
                "ACT_HI_TASKINST",
                "ACT_HI_PROCINST")) {
            jdbc.execute("vacuum full analyze " + table);
        }
        log("bulk history taken back to %,d referrals", keep);
    }

    /** Adds bulk history up to {@code target} bulk referrals, received between 2000 and {@code before}. */
    private void grow(long target, Instant before) {
        long have = jdbc.queryForObject("select count(*) from pw_referral where reference like 'REF-H%'", Long.class);
        long chunk = 50_000;
        long spanSeconds = Duration.between(HISTORY_START, before).getSeconds() - 40 * 86_400L;
        String defId = jdbc
                .queryForList(
                        "select ID_ from ACT_RE_PROCDEF where KEY_ = 'cse-referral' order by VERSION_ desc",
                        String.class)
                .stream()
                .findFirst()
                .orElse("cse-referral:1:bench");
        Instant t0 = Instant.now();
        for (long from = have + 1; from <= target; from += chunk) {
            long to = Math.min(target, from + chunk - 1);
            insertChunk(from, to, spanSeconds, defId);
            log(
                    "bulk history: %,d of %,d referrals (%d s)",
                    to, target, Duration.between(t0, Instant.now()).toSeconds());
        }
    }

    /**
     * One chunk of set-based history. Referral i gets a pseudo-random r in 0..999 that decides its pathway
     * (45% universal, 25% early help, 20% strategy meeting, 10% urgent), its timings (about 12% screened late,
     * escalated to mash-managers) and what followed; every row is closed history as the pathways leave it.
     */
    private void insertChunk(long from, long to, long spanSeconds, String defId) {
        String base = """
                with g as (
                  select i, (i * 2654435761) %% 1000 as r,
                    timestamptz '2000-01-01 00:00:00+00' + (((i * 7919) %% %d) * %d / %d) * interval '1 second' as received
                  from generate_series(%d::bigint, %d::bigint) as s(i))
                """.formatted(SLOTS, spanSeconds, SLOTS, from, to);
        String attrs = """
                , a as (select i, r, received,
                    'CASE-H' || lpad(i::text, 8, '0') as case_id, 'REF-H' || lpad(i::text, 8, '0') as reference,
                    (array['Corby','Daventry','East Northamptonshire','Kettering','Northampton','South Northamptonshire','Wellingborough'])[1 + i %% 7] as district,
                    (array['police','police','education','childrens-services','health','rise','mash'])[1 + (i / 7) %% 7] as agency,
                    case when r < 450 then 'NONE' when r < 700 then 'LOW' when r < 900 then 'MEDIUM' else 'HIGH' end as risk,
                    case when r < 450 then 'UNIVERSAL' when r < 700 then 'EARLY_HELP' when r < 900 then 'STRATEGY_MEETING' else 'URGENT_STRATEGY_MEETING' end as pathway,
                    received + ((r %% 40) + 1) * interval '1 hour' as screened,
                    received + ((r %% 40) + 1) * interval '1 hour' + ((r %% 5) * 20 + 3) * interval '1 hour' as met,
                    received + (10 + r %% 300) * interval '1 day' as closed
                  from g)
                """;
        String w = base;
        jdbc.update(w + String.format(attrs + """
                insert into pw_case (case_id, child_key, first_name, last_name, date_of_birth, gender, ethnicity, district, looked_after,
                  placing_authority, risk_level, pathway, stage, status, opened_at, closed_at, closure_reason)
                select case_id, 'alex|testchild-' || i || '|2001-01-01', 'Alex', 'Testchild-' || i, date '2001-01-01',
                  'FEMALE', 'NOT_STATED', district, r %% 3 = 0, null, risk, pathway, 'CLOSED', 'CLOSED', received, closed,
                  case when pathway = 'UNIVERSAL' or pathway = 'EARLY_HELP' then 'UNIVERSAL' when r %% 2 = 0 then 'CLOSED' else 'NO_FURTHER_ACTION' end
                from a"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_case_agency (case_id, agency, reason, since)
                select case_id, 'mash', 'screening', received from a
                union all select case_id, agency, 'referrer', received from a where agency <> 'mash'"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_referral (reference, case_id, received_at, source, referrer_agency, referrer_name, referrer_email, concerns,
                  indicators, age_at_referral, process_instance_id, status, outcome, closed_at, created_by)
                select reference, case_id, received, 'API', agency, 'Synthetic Referrer', 'referrer@example.invalid',
                  'Synthetic concern (bulk history)', 'OLDER_PARTNER', 11 + r %% 7, 'bulk-pi-' || i, 'CLOSED',
                  case when pathway = 'UNIVERSAL' or pathway = 'EARLY_HELP' then 'UNIVERSAL' when r %% 2 = 0 then 'CLOSED' else 'NO_FURTHER_ACTION' end,
                  closed, 'gen-' || agency || '-worker' from a"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_decision (case_id, referral_reference, kind, decided_at, decided_by, agency, age, screening_score, indicators,
                  disclosure, learning_disability, risk_level, pathway, outcome)
                select case_id, reference, 'SCREENING', screened, 'gen-mash-worker', 'mash', 11 + r %% 7, r %% 20,
                  'OLDER_PARTNER,SUBSTANCE_MISUSE', r > 950, false, risk, pathway, null from a
                union all
                select case_id, reference, 'STRATEGY_MEETING', met, 'gen-childrens-services-worker', 'childrens-services', null, null, null,
                  null, null, null, null,
                  case when r %% 2 = 0 then 'RISE accepted; no section 47 enquiry; police investigation'
                       else 'RISE not accepted; no section 47 enquiry; no police investigation' end
                from a where r >= 700"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_chronology (case_id, occurred_at, actor, agency, event_type, summary, reference, task_id)
                select case_id, received + k * interval '1 minute', case when k in (1, 4) then 'gen-mash-worker' else 'pathways' end,
                  case when k in (1, 4) then 'mash' else null end,
                  (array['REFERRAL_RECEIVED','TASK_CREATED','TASK_COMPLETED','THRESHOLD_DECIDED','REFERRAL_CONCLUDED'])[k],
                  'Synthetic chronology entry (bulk history)', reference, null
                from a cross join generate_series(1, 5) as e(k)
                union all
                select case_id, met + k * interval '1 minute', 'gen-childrens-services-worker', 'childrens-services',
                  (array['STRATEGY_MEETING_SCHEDULED','TASK_COMPLETED','STRATEGY_MEETING_HELD'])[k],
                  'Synthetic chronology entry (bulk history)', reference, null
                from a cross join generate_series(1, 3) as e(k) where r >= 700"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_case_entry (case_id, kind, recorded_at, recorded_by, agency, task_id, reference, restricted_to, content)
                select case_id, 'screening', screened, 'gen-mash-worker', 'mash', 'bulk-task-s-' || i, reference, null,
                  '{"screeningNotes":"Synthetic screening notes"}' from a
                union all
                select case_id, 'police-investigation', met + interval '20 days', 'gen-police-worker', 'police', 'bulk-task-p-' || i,
                  reference, 'police', '{"investigationUpdate":"Synthetic update"}' from a where r >= 700 and r %% 2 = 0"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_clock_breach (case_id, reference, process_instance_id, task_id, task_key, task_name, kind, due_at,
                  breached_at, escalated_to)
                select case_id, reference, 'bulk-pi-' || i, 'bulk-task-s-' || i, 'screening', 'Screen the referral', 'ESCALATION',
                  received + interval '24 hours', received + interval '24 hours', 'mash-managers' from a where r %% 40 >= 35"""));
        jdbc.update(w + String.format(attrs + """
                insert into pw_task_fact (case_id, reference, task_id, task_key, recorded_at, fact, text_value, number_value)
                select case_id, reference, 'bulk-task-p-' || i, 'police-investigation', met + interval '20 days', 'disruptionActivity',
                  (array['ARREST','SEARCH_WARRANT','PREMISES_VISIT','INTELLIGENCE_SUBMITTED'])[1 + r %% 4], null
                from a where r >= 700 and r %% 2 = 0
                union all
                select case_id, reference, 'bulk-task-w' || k || '-' || i, 'outcome-wheel', met + (k * 42) * interval '1 day',
                  'outcomeWheelTotal', null, 18 + k * (r %% 7)
                from a cross join generate_series(1, 2) as e(k) where r >= 700 and r %% 2 = 0
                union all
                select case_id, reference, 'bulk-task-c-' || i, 'closure-strategy', closed - interval '5 days', 'closureReason',
                  (array['OUTCOMES_ACHIEVED','OUTCOMES_ACHIEVED','TURNED_18','MOVED_AWAY','DECLINED_SUPPORT'])[1 + r %% 5], null
                from a where r >= 700 and r %% 2 = 0"""));
        jdbc.update(w + String.format(attrs + """
                insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_,
                  DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
                select 'bulk-pi-' || i, 'bulk-pi-' || i, reference, 'cse-referral', '%s', received, closed,
                  (extract(epoch from closed - received) * 1000)::bigint, 'Start_ReferralReceived',
                  case when pathway = 'UNIVERSAL' or pathway = 'EARLY_HELP' then 'End_Universal' when r %% 2 = 0 then 'End_CaseClosed'
                    else 'End_NoFurtherAction' end, 'bulk-pi-' || i, 'COMPLETED' from a""", defId));
        jdbc.update(w + String.format(attrs + """
                insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,
                  ACT_INST_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, DUE_DATE_, TASK_STATE_)
                select 'bulk-task-s-' || i, 'screening', 'cse-referral', '%s', 'bulk-pi-' || i, 'bulk-pi-' || i, 'bulk-pi-' || i,
                  'screening:bulk-' || i, 'Screen the referral', 'gen-mash-worker', received, screened,
                  (extract(epoch from screened - received) * 1000)::bigint, 'completed', 50, received + interval '24 hours', 'Completed'
                from a
                union all
                select 'bulk-task-m-' || i, 'strategy-meeting', 'strategy-meeting-process', '%s', 'bulk-pi-' || i, 'bulk-pi-' || i,
                  'bulk-pi-' || i, 'strategy-meeting:bulk-' || i, 'Record the strategy meeting outcome', 'gen-childrens-services-worker',
                  screened, met, (extract(epoch from met - screened) * 1000)::bigint, 'completed', 50, screened + interval '72 hours', 'Completed'
                from a where r >= 700""", defId, defId));
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }
}
