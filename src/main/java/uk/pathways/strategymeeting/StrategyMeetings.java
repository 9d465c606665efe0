package uk.pathways.strategymeeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;

/**
 * The strategy meetings of a case in the case record ({@code pw_strategy_meeting}, {@code pw_meeting_attendee},
 * {@code pw_meeting_action}): whom the chair invited, who attended, and every action agreed with its owner agency, due
 * date and state. A meeting is known by the id of the strategy-meeting-process instance that held it.
 */
@Component
public class StrategyMeetings {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    /** Not stored: an open action past its due date. */
    public static final String OVERDUE = "OVERDUE";

    /** A named attendee from outside the contract's agencies (housing, youth offending, the school, ...). */
    public record ExternalAttendee(int position, String name, String organisation, String email, Boolean attended) {}

    /**
     * An action agreed at a meeting or at an exploitation panel ({@code panelId}, for a case or for a subject of
     * concern, {@code subjectId}); {@code state} is {@code OPEN}, {@code OVERDUE} or {@code DONE}. {@code outcome} is
     * what a case-less action's owner recorded (a case's is on its case record).
     */
    public record Action(
            String id,
            String meetingId,
            String reference,
            int position,
            String ownerAgency,
            String owner,
            String description,
            Instant due,
            String state,
            Instant doneAt,
            String doneBy,
            String processInstanceId,
            Instant agreedAt,
            String caseId,
            String panelId,
            String panelItemId,
            String subjectId,
            String outcome) {}

    /** One meeting as the case page and {@code GET /api/cases/{caseId}} show it. */
    public record Meeting(
            String meetingId,
            String reference,
            Instant startsAt,
            List<String> invitedAgencies,
            List<ExternalAttendee> externalAttendees,
            List<String> attendedAgencies,
            List<String> apologies,
            Instant heldAt,
            List<Action> actions) {}

    /** A meeting's actions and a panel's (ADR 18): agreed when the meeting was held, or when the panel recorded it. */
    private static final String ACTIONS =
            "select a.*, coalesce(m.held_at, a.agreed_at) as agreed_when from pw_meeting_action a"
                    + " left join pw_strategy_meeting m on m.meeting_id = a.meeting_id";

    private final JdbcTemplate jdbc;

    StrategyMeetings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The schedule: when, whom the chair invited (a second schedule of the same meeting replaces the first). */
    public void scheduled(
            String meetingId,
            String caseId,
            String reference,
            Instant startsAt,
            List<String> invitedAgencies,
            List<ExternalAttendee> externals) {
        jdbc.update("delete from pw_meeting_attendee where meeting_id = ?", meetingId);
        if (jdbc.update(
                        "update pw_strategy_meeting set starts_at = ?, invited_agencies = ? where meeting_id = ?",
                        Timestamp.from(startsAt),
                        String.join(",", invitedAgencies),
                        meetingId)
                == 0) {
            jdbc.update(
                    "insert into pw_strategy_meeting (meeting_id, case_id, reference, starts_at, invited_agencies)"
                            + " values (?, ?, ?, ?, ?)",
                    meetingId,
                    caseId,
                    reference,
                    Timestamp.from(startsAt),
                    String.join(",", invitedAgencies));
        }
        for (ExternalAttendee a : externals) {
            jdbc.update(
                    "insert into pw_meeting_attendee (id, meeting_id, case_id, position, name, organisation, email)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(),
                    meetingId,
                    caseId,
                    a.position(),
                    a.name(),
                    a.organisation(),
                    a.email());
        }
    }

    /** The agencies invited to the meeting, or empty if it was never scheduled here. */
    public Optional<List<String>> invitedAgencies(String meetingId) {
        return jdbc
                .query(
                        "select invited_agencies from pw_strategy_meeting where meeting_id = ?",
                        (rs, n) -> codes(rs.getString(1)),
                        meetingId)
                .stream()
                .findFirst();
    }

    public List<ExternalAttendee> externalAttendees(String meetingId) {
        return jdbc.query(
                "select * from pw_meeting_attendee where meeting_id = ? order by position",
                StrategyMeetings::attendee,
                meetingId);
    }

    /**
     * The outcome: which agencies attended, which sent apologies, which external attendees came. A meeting scheduled
     * before invitations were recorded (a running case of an earlier release) gets its row here, with the agencies it
     * invited by default.
     */
    public void held(
            String meetingId,
            String caseId,
            String reference,
            Instant startsAt,
            List<String> invited,
            Collection<String> attended,
            Collection<String> apologies,
            Collection<Integer> externalsAttended,
            Instant heldAt) {
        if (jdbc.update(
                        "update pw_strategy_meeting set attended_agencies = ?, apologies = ?, held_at = ?"
                                + " where meeting_id = ?",
                        String.join(",", attended),
                        String.join(",", apologies),
                        Timestamp.from(heldAt),
                        meetingId)
                == 0) {
            jdbc.update(
                    "insert into pw_strategy_meeting (meeting_id, case_id, reference, starts_at, invited_agencies,"
                            + " attended_agencies, apologies, held_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    meetingId,
                    caseId,
                    reference,
                    Timestamp.from(startsAt == null ? heldAt : startsAt),
                    String.join(",", invited),
                    String.join(",", attended),
                    String.join(",", apologies),
                    Timestamp.from(heldAt));
        }
        for (ExternalAttendee a : externalAttendees(meetingId)) {
            jdbc.update(
                    "update pw_meeting_attendee set attended = ? where meeting_id = ? and position = ?",
                    externalsAttended.contains(a.position()),
                    meetingId,
                    a.position());
        }
    }

    /** Records an action agreed at the meeting; answers its id. */
    public String agree(
            String meetingId,
            String caseId,
            String reference,
            int position,
            String ownerAgency,
            String description,
            Instant due) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into pw_meeting_action (id, meeting_id, case_id, reference, position, owner_agency,"
                        + " description, due_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                meetingId,
                caseId,
                reference,
                position,
                ownerAgency,
                description,
                Timestamp.from(due),
                OPEN);
        return id;
    }

    /**
     * Records an action agreed at an exploitation panel, for a case ({@code caseId}, with its latest reference) or for
     * a subject of concern ({@code subjectId}); answers its id. It is asked of its owner as a meeting's is.
     */
    public String agreeAtPanel(
            String panelId,
            String panelItemId,
            String caseId,
            String reference,
            String subjectId,
            int position,
            String ownerAgency,
            String description,
            Instant due,
            Instant agreedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into pw_meeting_action (id, panel_id, panel_item_id, case_id, reference, subject_id, position,"
                        + " owner_agency, description, due_at, status, agreed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                panelId,
                panelItemId,
                caseId,
                reference,
                subjectId,
                position,
                ownerAgency,
                description,
                Timestamp.from(due),
                OPEN,
                Timestamp.from(agreedAt));
        return id;
    }

    /** The actions a panel agreed, in the order agreed. */
    public List<Action> actionsOfPanel(String panelId) {
        return jdbc.query(ACTIONS + " where a.panel_id = ? order by a.position", StrategyMeetings::action, panelId);
    }

    /** Every open action past its date (a meeting's or a panel's), oldest first. */
    public List<Action> overdue() {
        return jdbc.query(
                ACTIONS + " where a.status = ? and a.due_at < ? order by a.due_at, a.id",
                StrategyMeetings::action,
                OPEN,
                Timestamp.from(Now.instant()));
    }

    public void asked(String actionId, String processInstanceId) {
        jdbc.update("update pw_meeting_action set process_instance_id = ? where id = ?", processInstanceId, actionId);
    }

    /** The owner recorded what was done (the record of it is the task's case-record entry). */
    public void done(String actionId, String doneBy, Instant doneAt) {
        done(actionId, doneBy, doneAt, null);
    }

    /**
     * The owner recorded what was done; {@code outcome}, what they wrote, is kept here for an action that has no case
     * (a panel's action on a subject), whose task has no case record to go to.
     */
    public void done(String actionId, String doneBy, Instant doneAt, String outcome) {
        jdbc.update(
                "update pw_meeting_action set status = ?, done_at = ?, done_by = ?, outcome = ? where id = ?",
                DONE,
                Timestamp.from(doneAt),
                doneBy,
                outcome,
                actionId);
    }

    public Optional<Action> action(String actionId) {
        return jdbc.query(ACTIONS + " where a.id = ?", StrategyMeetings::action, actionId).stream()
                .findFirst();
    }

    public Optional<Action> actionOfProcess(String processInstanceId) {
        return jdbc
                .query(ACTIONS + " where a.process_instance_id = ?", StrategyMeetings::action, processInstanceId)
                .stream()
                .findFirst();
    }

    /** Every action agreed for the case, by due date. */
    public List<Action> actionsOfCase(String caseId) {
        return jdbc.query(
                ACTIONS + " where a.case_id = ? order by a.due_at, a.position", StrategyMeetings::action, caseId);
    }

    /** The case's meetings, newest first, each with its invitees, attendance and actions. */
    public List<Meeting> ofCase(String caseId) {
        List<Action> actions = actionsOfCase(caseId);
        List<Meeting> meetings = new ArrayList<>();
        jdbc.query(
                "select * from pw_strategy_meeting where case_id = ? order by starts_at desc",
                rs -> {
                    String id = rs.getString("meeting_id");
                    meetings.add(new Meeting(
                            id,
                            rs.getString("reference"),
                            instant(rs.getTimestamp("starts_at")),
                            codes(rs.getString("invited_agencies")),
                            new ArrayList<>(),
                            codes(rs.getString("attended_agencies")),
                            codes(rs.getString("apologies")),
                            instant(rs.getTimestamp("held_at")),
                            actions.stream()
                                    .filter(a -> id.equals(a.meetingId()))
                                    .sorted(java.util.Comparator.comparingInt(Action::position))
                                    .toList()));
                },
                caseId);
        for (Meeting m : meetings) {
            m.externalAttendees().addAll(externalAttendees(m.meetingId()));
        }
        return meetings.stream()
                .map(m -> new Meeting(
                        m.meetingId(),
                        m.reference(),
                        m.startsAt(),
                        m.invitedAgencies(),
                        List.copyOf(m.externalAttendees()),
                        m.attendedAgencies(),
                        m.apologies(),
                        m.heldAt(),
                        m.actions()))
                .toList();
    }

    private static ExternalAttendee attendee(ResultSet rs, int n) throws SQLException {
        Object attended = rs.getObject("attended");
        return new ExternalAttendee(
                rs.getInt("position"),
                rs.getString("name"),
                rs.getString("organisation"),
                rs.getString("email"),
                attended == null ? null : rs.getBoolean("attended"));
    }

    private static Action action(ResultSet rs, int n) throws SQLException {
        Instant due = instant(rs.getTimestamp("due_at"));
        String status = rs.getString("status");
        String state = DONE.equals(status) ? DONE : due.isBefore(Now.instant()) ? OVERDUE : OPEN;
        String owner = rs.getString("owner_agency");
        return new Action(
                rs.getString("id"),
                rs.getString("meeting_id"),
                rs.getString("reference"),
                rs.getInt("position"),
                owner,
                Agency.nameOfGroup(owner),
                rs.getString("description"),
                due,
                state,
                instant(rs.getTimestamp("done_at")),
                rs.getString("done_by"),
                rs.getString("process_instance_id"),
                instant(rs.getTimestamp("agreed_when")),
                rs.getString("case_id"),
                rs.getString("panel_id"),
                rs.getString("panel_item_id"),
                rs.getString("subject_id"),
                rs.getString("outcome"));
    }

    private static List<String> codes(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.copyOf(Arrays.asList(csv.split(",")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
