package uk.pathways.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.calendar.Now;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * The exploitation panels in the case record ({@code pw_panel}, {@code pw_panel_item}): each panel's agenda as it was
 * prepared, and the chair's decision on each item. The agenda is built from the case record: the open cases at
 * {@code HIGH} risk, the subjects of concern recorded or escalated to {@code HIGH} since the last panel was prepared
 * ({@code pw_subject}, read here with its own SQL until the subjects module is merged), and every open action past its
 * date (a strategy meeting's or a panel's). Who reads what of it is {@link PanelReader}'s.
 */
@Component
public class Panels {

    public static final String CASE_AT_HIGH_RISK = "CASE_AT_HIGH_RISK";
    public static final String SUBJECT_NEW = "SUBJECT_NEW";
    public static final String SUBJECT_ESCALATED = "SUBJECT_ESCALATED";
    public static final String ACTION_OVERDUE = "ACTION_OVERDUE";

    /** The first panel looks back this far for new and escalated subjects. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(31);

    /** A panel as recorded. */
    public record Panel(
            String panelId,
            String reference,
            Instant preparedAt,
            Instant since,
            String scheduledBy,
            Instant heldAt,
            String chairedBy,
            String chairAgency) {}

    /** One item of a panel's agenda as prepared, with the chair's decision once recorded (raw: no need-to-know). */
    public record Item(
            String id,
            String panelId,
            int position,
            String kind,
            String caseId,
            String subjectId,
            String actionId,
            boolean policeOnly,
            String decision,
            String decidedBy,
            Instant decidedAt) {}

    private final JdbcTemplate jdbc;
    private final StrategyMeetings meetings;

    Panels(JdbcTemplate jdbc, StrategyMeetings meetings) {
        this.jdbc = jdbc;
        this.meetings = meetings;
    }

    /**
     * Prepares the panel's agenda (once: a second call for the same panel changes nothing) and answers its reference.
     */
    @Transactional
    public String prepare(String panelId, String scheduledBy) {
        Optional<Panel> existing = panel(panelId);
        if (existing.isPresent()) {
            return existing.get().reference();
        }
        Instant now = Now.instant();
        Instant since =
                jdbc.query("select max(prepared_at) from pw_panel", (rs, n) -> instant(rs.getTimestamp(1))).stream()
                        .filter(i -> i != null)
                        .findFirst()
                        .orElse(now.minus(FIRST_LOOK_BACK));
        String reference = reference(now);
        jdbc.update(
                "insert into pw_panel (panel_id, reference, prepared_at, since, scheduled_by) values (?, ?, ?, ?, ?)",
                panelId,
                reference,
                Timestamp.from(now),
                Timestamp.from(since),
                scheduledBy);
        List<Item> agenda = new ArrayList<>();
        jdbc.query(
                "select case_id from pw_case where status = 'OPEN' and risk_level = 'HIGH' order by opened_at, case_id",
                rs -> {
                    agenda.add(item(panelId, agenda.size() + 1, CASE_AT_HIGH_RISK, rs.getString(1), null, null, false));
                });
        Set<String> subjects = new LinkedHashSet<>();
        jdbc.query(
                "select subject_id, police_only from pw_subject where recorded_at > ? and recorded_at <= ?"
                        + " order by recorded_at, subject_id",
                rs -> {
                    subjects.add(rs.getString(1));
                    agenda.add(item(
                            panelId, agenda.size() + 1, SUBJECT_NEW, null, rs.getString(1), null, rs.getBoolean(2)));
                },
                Timestamp.from(since),
                Timestamp.from(now));
        jdbc.query(
                "select subject_id, police_only from pw_subject where concern_level = 'HIGH' and escalated_at > ?"
                        + " and escalated_at <= ? order by escalated_at, subject_id",
                rs -> {
                    if (subjects.add(rs.getString(1))) {
                        agenda.add(item(
                                panelId,
                                agenda.size() + 1,
                                SUBJECT_ESCALATED,
                                null,
                                rs.getString(1),
                                null,
                                rs.getBoolean(2)));
                    }
                },
                Timestamp.from(since),
                Timestamp.from(now));
        for (StrategyMeetings.Action action : meetings.overdue()) {
            agenda.add(item(
                    panelId,
                    agenda.size() + 1,
                    ACTION_OVERDUE,
                    action.caseId(),
                    action.subjectId(),
                    action.id(),
                    action.subjectId() != null && policeOnly(action.subjectId())));
        }
        for (Item i : agenda) {
            jdbc.update(
                    "insert into pw_panel_item (id, panel_id, position, kind, case_id, subject_id, action_id,"
                            + " police_only) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    i.id(),
                    i.panelId(),
                    i.position(),
                    i.kind(),
                    i.caseId(),
                    i.subjectId(),
                    i.actionId(),
                    i.policeOnly());
        }
        return reference;
    }

    /** MACE-YYYY-MM-N: the month it was prepared in, and how many panels that month had before it, plus one. */
    private String reference(Instant now) {
        ZonedDateTime uk = now.atZone(Now.UK);
        String month = String.format("MACE-%04d-%02d-", uk.getYear(), uk.getMonthValue());
        Integer before =
                jdbc.queryForObject("select count(*) from pw_panel where reference like ?", Integer.class, month + "%");
        return month + ((before == null ? 0 : before) + 1);
    }

    private static Item item(
            String panelId,
            int position,
            String kind,
            String caseId,
            String subjectId,
            String actionId,
            boolean policeOnly) {
        return new Item(
                UUID.randomUUID().toString(),
                panelId,
                position,
                kind,
                caseId,
                subjectId,
                actionId,
                policeOnly,
                null,
                null,
                null);
    }

    /** Whether only the police may read the subject now (police-only at preparation stays police-only). */
    boolean policeOnly(String subjectId) {
        return jdbc
                .query(
                        "select police_only from pw_subject where subject_id = ?",
                        (rs, n) -> rs.getBoolean(1),
                        subjectId)
                .stream()
                .findFirst()
                .orElse(true);
    }

    /** The chair recorded the panel: its decisions by agenda position. */
    @Transactional
    public void held(String panelId, Map<Integer, String> decisions, String chair, String chairAgency, Instant at) {
        jdbc.update(
                "update pw_panel set held_at = ?, chaired_by = ?, chair_agency = ? where panel_id = ?",
                Timestamp.from(at),
                chair,
                chairAgency,
                panelId);
        decisions.forEach((position, decision) -> jdbc.update(
                "update pw_panel_item set decision = ?, decided_by = ?, decided_at = ? where panel_id = ?"
                        + " and position = ?",
                decision,
                chair,
                Timestamp.from(at),
                panelId,
                position));
    }

    public Optional<Panel> panel(String panelId) {
        return jdbc.query("select * from pw_panel where panel_id = ?", Panels::panel, panelId).stream()
                .findFirst();
    }

    /** The panels, newest first. */
    public List<Panel> all(int at) {
        return jdbc.query("select * from pw_panel order by prepared_at desc, reference desc", Panels::panel).stream()
                .limit(at)
                .toList();
    }

    public List<Item> agenda(String panelId) {
        return jdbc.query("select * from pw_panel_item where panel_id = ? order by position", Panels::item, panelId);
    }

    /** The items about a case on every panel, newest panel first. */
    public List<Item> itemsOfCase(String caseId) {
        return jdbc.query(
                "select i.* from pw_panel_item i join pw_panel p on p.panel_id = i.panel_id where i.case_id = ?"
                        + " order by p.prepared_at desc, i.position",
                Panels::item,
                caseId);
    }

    /** A subject as the agenda shows it (within need-to-know: see {@link PanelReader}). */
    public record Subject(
            String subjectId,
            String kind,
            String label,
            String category,
            String district,
            boolean policeOnly,
            String concernLevel) {}

    public Optional<Subject> subject(String subjectId) {
        return jdbc
                .query(
                        "select subject_id, kind, label, category, district, police_only, concern_level"
                                + " from pw_subject where subject_id = ?",
                        (rs, n) -> new Subject(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getBoolean(6),
                                rs.getString(7)),
                        subjectId)
                .stream()
                .findFirst();
    }

    /** A child's case as the agenda shows it to an agency that may read it. */
    public record Child(String caseId, String displayName, String district, String riskLevel, String reference) {}

    public Optional<Child> child(String caseId) {
        return jdbc
                .query(
                        "select case_id, first_name, last_name, district, risk_level from pw_case where case_id = ?",
                        (rs, n) -> new Child(
                                rs.getString(1),
                                rs.getString(2).strip() + " "
                                        + rs.getString(3).strip().charAt(0) + ".",
                                rs.getString(4),
                                rs.getString(5),
                                latestReference(caseId)),
                        caseId)
                .stream()
                .findFirst();
    }

    /** The case's latest referral or missing episode reference (an action's task carries it). */
    public String latestReference(String caseId) {
        return jdbc
                .query(
                        "select reference, received_at from pw_referral where case_id = ?"
                                + " union all select reference, reported_at from pw_missing_episode where case_id = ?"
                                + " order by 2 desc",
                        (rs, n) -> rs.getString(1),
                        caseId,
                        caseId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static Panel panel(ResultSet rs, int n) throws SQLException {
        return new Panel(
                rs.getString("panel_id"),
                rs.getString("reference"),
                instant(rs.getTimestamp("prepared_at")),
                instant(rs.getTimestamp("since")),
                rs.getString("scheduled_by"),
                instant(rs.getTimestamp("held_at")),
                rs.getString("chaired_by"),
                rs.getString("chair_agency"));
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getString("id"),
                rs.getString("panel_id"),
                rs.getInt("position"),
                rs.getString("kind"),
                rs.getString("case_id"),
                rs.getString("subject_id"),
                rs.getString("action_id"),
                rs.getBoolean("police_only"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
