package uk.pathways.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the KPIs: the case record (pw_*), the dashboards' facts (pw_task_fact) and the engine's
 * runtime tables (ACT_RU_*: open work only, small whatever the history). Every period query selects by an
 * indexed time column first (V7__dashboard.sql), so its cost follows the period, not the years behind it.
 */
@Repository
class KpiRepository {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    KpiRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Called first in each dashboard transaction. Every KPI query reads a period's rows through an index, a few
     * hundred rows; on large tables PostgreSQL would still plan them in parallel, and starting the workers costs
     * more than the query (docs/benchmarks.md). So parallel plans are switched off for this transaction only.
     */
    void forDashboards() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres")));
        }
        if (postgres) {
            jdbc.execute("set local max_parallel_workers_per_gather = 0");
        }
    }

    /** " and ..." restricting case alias {@code c} to a district and to cases an agency is involved in. */
    static String caseFilter(String c, String district, String agency, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (district != null) {
            sql.append(" and ").append(c).append(".district = ?");
            args.add(district);
        }
        if (agency != null) {
            sql.append(" and exists (select 1 from pw_case_agency ca where ca.case_id = ")
                    .append(c)
                    .append(".case_id and ca.agency = ?)");
            args.add(agency);
        }
        return sql.toString();
    }

    private static List<Object> period(KpiPeriod p) {
        return new ArrayList<>(List.of(ts(p.start()), ts(p.end())));
    }

    Map<String, Long> openCasesBy(String column, String district, String agency) {
        List<Object> args = new ArrayList<>();
        return countBy(
                "select coalesce(c." + column + ", 'NOT_YET_SCREENED'), count(*) from pw_case c where c.status = 'OPEN'"
                        + caseFilter("c", district, agency, args) + " group by coalesce(c." + column
                        + ", 'NOT_YET_SCREENED')",
                args);
    }

    Map<String, Long> openCasesByDistrict(String agency) {
        List<Object> args = new ArrayList<>();
        return countBy(
                "select coalesce(c.district, 'Not recorded'), count(*) from pw_case c where c.status = 'OPEN'"
                        + caseFilter("c", null, agency, args) + " group by coalesce(c.district, 'Not recorded')",
                args);
    }

    record ReferralRow(
            String reference,
            String caseId,
            Instant receivedAt,
            String referrerAgency,
            String district,
            Instant screenedAt,
            String source) {

        /** A referral started at support by a missing child's strategy meeting has no screening to be timely. */
        boolean screened() {
            return !"MISSING_STRATEGY_MEETING".equals(source);
        }
    }

    /** Referrals received in the period, with when each was first screened (its first SCREENING decision). */
    List<ReferralRow> referrals(KpiPeriod p) {
        List<Object> args = period(p);
        return jdbc.query(
                """
                select r.reference, r.case_id, r.received_at, r.referrer_agency, c.district,
                  (select min(d.decided_at) from pw_decision d where d.referral_reference = r.reference and d.kind = 'SCREENING'),
                  r.source
                from pw_referral r join pw_case c on c.case_id = r.case_id
                where r.received_at >= ? and r.received_at < ?""" + caseFilter("c", p.district(), p.agency(), args),
                (rs, i) -> new ReferralRow(
                        rs.getString(1),
                        rs.getString(2),
                        instant(rs, 3),
                        rs.getString(4),
                        rs.getString(5),
                        instant(rs, 6),
                        rs.getString(7)),
                args.toArray());
    }

    record ThresholdRow(String reference, Instant decidedAt, String pathway, Instant meetingHeldAt) {}

    /** Screening decisions in the period that called a strategy meeting, with when the meeting was held. */
    List<ThresholdRow> strategyMeetingDecisions(KpiPeriod p) {
        List<Object> args = period(p);
        return jdbc.query(
                """
                select d.referral_reference, d.decided_at, d.pathway,
                  (select min(m.decided_at) from pw_decision m where m.referral_reference = d.referral_reference
                     and m.kind = 'STRATEGY_MEETING' and m.decided_at >= d.decided_at)
                from pw_decision d join pw_case c on c.case_id = d.case_id
                where d.kind = 'SCREENING' and d.decided_at >= ? and d.decided_at < ?
                  and d.pathway in ('STRATEGY_MEETING', 'URGENT_STRATEGY_MEETING')""" + caseFilter("c", p.district(), p.agency(), args),
                (rs, i) -> new ThresholdRow(rs.getString(1), instant(rs, 2), rs.getString(3), instant(rs, 4)),
                args.toArray());
    }

    record ScreeningRow(String caseId, String district, String riskLevel, String indicators) {}

    List<ScreeningRow> screenings(KpiPeriod p) {
        List<Object> args = period(p);
        return jdbc.query(
                """
                select d.case_id, c.district, d.risk_level, d.indicators
                from pw_decision d join pw_case c on c.case_id = d.case_id
                where d.kind = 'SCREENING' and d.decided_at >= ? and d.decided_at < ?""" + caseFilter("c", p.district(), p.agency(), args),
                (rs, i) -> new ScreeningRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                args.toArray());
    }

    Map<String, Long> strategyMeetingsHeldByDistrict(KpiPeriod p) {
        List<Object> args = period(p);
        return countBy(
                """
                select coalesce(c.district, 'Not recorded'), count(*) from pw_decision d join pw_case c on c.case_id = d.case_id
                where d.kind = 'STRATEGY_MEETING' and d.decided_at >= ? and d.decided_at < ?"""
                        + caseFilter("c", p.district(), p.agency(), args)
                        + " group by coalesce(c.district, 'Not recorded')",
                args);
    }

    /** Professional judgements at screening answered by a MASH manager in the period, by answer (AGREED, NOT_AGREED). */
    Map<String, Long> judgementsByAnswer(KpiPeriod p) {
        List<Object> args = period(p);
        return countBy("""
                select d.outcome, count(*) from pw_decision d join pw_case c on c.case_id = d.case_id
                where d.kind = 'OVERRIDE' and d.decided_at >= ? and d.decided_at < ?""" + caseFilter("c", p.district(), p.agency(), args) + " group by d.outcome", args);
    }

    long riseAccepted(KpiPeriod p) {
        List<Object> args = period(p);
        return jdbc.queryForObject("""
                select count(*) from pw_decision d join pw_case c on c.case_id = d.case_id
                where d.kind = 'STRATEGY_MEETING' and d.decided_at >= ? and d.decided_at < ? and d.outcome like 'RISE accepted%'""" + caseFilter("c", p.district(), p.agency(), args), Long.class, args.toArray());
    }

    /** Escalations (not reminders) recorded in the period, by the group escalated to. */
    Map<String, Long> escalationsByGroup(KpiPeriod p) {
        List<Object> args = period(p);
        return countBy(
                """
                select coalesce(b.escalated_to, 'unknown'), count(*) from pw_clock_breach b join pw_case c on c.case_id = b.case_id
                where b.kind = 'ESCALATION' and b.breached_at >= ? and b.breached_at < ?""" + caseFilter("c", p.district(), p.agency(), args) + " group by coalesce(b.escalated_to, 'unknown')",
                args);
    }

    /** Referrals concluded in the period, by outcome (UNIVERSAL, NO_FURTHER_ACTION, CLOSED). */
    Map<String, Long> closuresByOutcome(KpiPeriod p) {
        List<Object> args = period(p);
        return countBy(
                """
                select coalesce(r.outcome, 'CLOSED'), count(*) from pw_referral r join pw_case c on c.case_id = r.case_id
                where r.closed_at >= ? and r.closed_at < ?""" + caseFilter("c", p.district(), p.agency(), args) + " group by coalesce(r.outcome, 'CLOSED')",
                args);
    }

    /** Of the referrals closed after support in the period, the reason of the case's last agreed closure strategy. */
    Map<String, Long> closureStrategyReasons(KpiPeriod p) {
        List<Object> args = period(p);
        return countBy("""
                select x.reason, count(*) from (
                  select coalesce((select f.text_value from pw_task_fact f where f.case_id = r.case_id and f.fact = 'closureReason'
                      and f.recorded_at <= r.closed_at order by f.recorded_at desc, f.id desc fetch first 1 rows only),
                    'NO_CLOSURE_STRATEGY') as reason
                  from pw_referral r join pw_case c on c.case_id = r.case_id
                  where r.closed_at >= ? and r.closed_at < ? and r.outcome = 'CLOSED'""" + caseFilter("c", p.district(), p.agency(), args) + ") x group by x.reason", args);
    }

    Map<String, Long> factsByValue(String fact, KpiPeriod p) {
        List<Object> args = period(p);
        return countBy(
                "select f.text_value, count(*) from pw_task_fact f join pw_case c on c.case_id = f.case_id"
                        + " where f.fact = ? and f.recorded_at >= ? and f.recorded_at < ?"
                        + caseFilter("c", p.district(), p.agency(), args) + " group by f.text_value",
                prepend(fact, args));
    }

    long casesWithFact(String fact, KpiPeriod p) {
        List<Object> args = period(p);
        return jdbc.queryForObject(
                "select count(distinct f.case_id) from pw_task_fact f join pw_case c on c.case_id = f.case_id"
                        + " where f.fact = ? and f.recorded_at >= ? and f.recorded_at < ?"
                        + caseFilter("c", p.district(), p.agency(), args),
                Long.class,
                prepend(fact, args).toArray());
    }

    long entries(String kind, KpiPeriod p) {
        List<Object> args = period(p);
        return jdbc.queryForObject(
                "select count(*) from pw_case_entry e join pw_case c on c.case_id = e.case_id"
                        + " where e.kind = ? and e.recorded_at >= ? and e.recorded_at < ?"
                        + caseFilter("c", p.district(), p.agency(), args),
                Long.class,
                prepend(kind, args).toArray());
    }

    record WheelRow(String caseId, Instant recordedAt, int total) {}

    /** Every outcome wheel up to the end of the period of the children who had one in the period. */
    List<WheelRow> outcomeWheels(KpiPeriod p) {
        List<Object> args = new ArrayList<>(List.of(ts(p.end()), ts(p.start()), ts(p.end())));
        return jdbc.query(
                """
                select f.case_id, f.recorded_at, f.number_value from pw_task_fact f
                where f.fact = 'outcomeWheelTotal' and f.recorded_at < ?
                  and f.case_id in (select g.case_id from pw_task_fact g join pw_case c on c.case_id = g.case_id
                    where g.fact = 'outcomeWheelTotal' and g.recorded_at >= ? and g.recorded_at < ?""" + caseFilter("c", p.district(), p.agency(), args) + ")",
                (rs, i) -> new WheelRow(rs.getString(1), instant(rs, 2), rs.getInt(3)),
                args.toArray());
    }

    record OpenTask(
            String taskId,
            String taskKey,
            String name,
            String assignee,
            Instant created,
            Instant due,
            String caseId,
            String reference,
            boolean escalated,
            List<String> groups) {}

    /** The open user tasks of the engine with their case, candidate groups and whether their clock escalated. */
    List<OpenTask> openTasks(String district, String agency) {
        List<Object> args = new ArrayList<>();
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.query(
                "select il.TASK_ID_, il.GROUP_ID_ from ACT_RU_IDENTITYLINK il where il.TYPE_ = 'candidate'"
                        + " and il.GROUP_ID_ is not null and il.TASK_ID_ is not null order by il.GROUP_ID_",
                (ResultSet rs) -> {
                    groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return jdbc.query(
                """
                select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_, c.case_id,
                  (select r.TEXT_ from ACT_RU_VARIABLE r where r.PROC_INST_ID_ = t.PROC_INST_ID_ and r.NAME_ = 'reference'
                     and r.EXECUTION_ID_ = t.PROC_INST_ID_ and r.TASK_ID_ is null),
                  (select count(*) from pw_clock_breach b where b.task_id = t.ID_ and b.kind = 'ESCALATION')
                from ACT_RU_TASK t
                  join ACT_RU_VARIABLE v on v.PROC_INST_ID_ = t.PROC_INST_ID_ and v.NAME_ = 'caseId'
                    and v.EXECUTION_ID_ = t.PROC_INST_ID_ and v.TASK_ID_ is null
                  join pw_case c on c.case_id = v.TEXT_
                where 1 = 1""" + caseFilter("c", district, agency, args),
                (rs, i) -> new OpenTask(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9) > 0,
                        groups.getOrDefault(rs.getString(1), List.of())),
                args.toArray());
    }

    long openIncidents() {
        return jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
    }

    record CaseActivity(
            String caseId, String childDisplayName, String stage, Instant involvedSince, Instant lastActivityAt) {}

    /** Open cases the agency is involved in, with the last chronology entry made by one of its people. */
    List<CaseActivity> activityOfAgency(String agency) {
        return jdbc.query(
                """
                select c.case_id, c.first_name, c.last_name, c.stage, ca.since,
                  (select max(h.occurred_at) from pw_chronology h where h.case_id = c.case_id and h.agency = ?)
                from pw_case c join pw_case_agency ca on ca.case_id = c.case_id and ca.agency = ?
                where c.status = 'OPEN'""",
                (rs, i) -> new CaseActivity(
                        rs.getString(1),
                        rs.getString(2).strip() + " " + rs.getString(3).strip().charAt(0) + ".",
                        rs.getString(4),
                        instant(rs, 5),
                        instant(rs, 6)),
                agency,
                agency);
    }

    private Map<String, Long> countBy(String sql, List<Object> args) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                sql,
                (ResultSet rs) -> {
                    counts.merge(rs.getString(1) == null ? "Not recorded" : rs.getString(1), rs.getLong(2), Long::sum);
                },
                args.toArray());
        return counts;
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
