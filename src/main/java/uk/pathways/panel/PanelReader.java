package uk.pathways.panel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.strategymeeting.StrategyMeetings;

/**
 * A panel as one reader may see it (need-to-know, ADR 18). The panel's agencies ({@code pathways.panel.agencies})
 * read its agenda; a subject only the police may read (and an action on one) is on the agenda of the police alone; a
 * case's child, its decision and its actions' words are shown to an agency that may read the case (contract section
 * 8), each such read audited; any other agency sees that a case at high risk is on the agenda, by its id, and whom to
 * ask. Nobody else (the performance group included) reads a panel.
 */
@Component
public class PanelReader {

    /** An action as the reader may see it: the words only where the reader may read its case or subject. */
    public record ActionView(
            String id,
            String ownerAgency,
            String owner,
            String description,
            Instant due,
            String state,
            String caseId,
            String subjectId,
            Instant agreedAt,
            Instant doneAt,
            String outcome) {}

    /** A subject as the agenda shows it. */
    public record SubjectView(
            String subjectId, String kind, String label, String category, String district, String concernLevel) {}

    public record AgendaItem(
            int position,
            String kind,
            String caseId,
            boolean caseReadable,
            String child,
            String reference,
            String district,
            SubjectView subject,
            ActionView action,
            String decision,
            String decidedBy,
            Instant decidedAt,
            List<ActionView> actionsAgreed) {}

    public record PanelView(
            String panelId,
            String reference,
            Instant preparedAt,
            Instant since,
            String scheduledBy,
            Instant heldAt,
            String chairedBy,
            String chairAgency,
            List<AgendaItem> agenda) {}

    private final Panels panels;
    private final StrategyMeetings meetings;
    private final Actors actors;
    private final CaseAccess access;
    private final List<String> members;

    PanelReader(
            Panels panels,
            StrategyMeetings meetings,
            Actors actors,
            CaseAccess access,
            @Value(
                            "${pathways.panel.agencies:police,childrens-services,health,education,rise,missing-coordinator,mash}")
                    List<String> members) {
        this.panels = panels;
        this.meetings = meetings;
        this.actors = actors;
        this.access = access;
        for (String agency : members) {
            if (Agency.byGroupId(agency).isEmpty()) {
                throw new IllegalStateException(
                        "pathways.panel.agencies: '" + agency + "' is not an agency of the contract");
            }
        }
        this.members = List.copyOf(members);
    }

    /** Whether the user's agency sits on the panel (the co-chairs' always do), or the user is an administrator. */
    public boolean mayRead(String userId) {
        if (actors.groupsOf(userId).contains(Agency.CAMUNDA_ADMIN)) {
            return true;
        }
        return actors.agenciesOf(userId).stream()
                .anyMatch(a -> members.contains(a)
                        || a.equals(Agency.POLICE.groupId())
                        || a.equals(Agency.CHILDRENS_SERVICES.groupId()));
    }

    public void checkRead(String userId) {
        if (!mayRead(userId)) {
            throw new AccessDeniedException("The exploitation panel is read by the agencies that sit on it");
        }
    }

    public List<Panels.Panel> list(String userId) {
        checkRead(userId);
        return panels.all(100);
    }

    /** The panel as the user may see it; every case whose child is shown is a read of that case, audited. */
    public PanelView read(String userId, String panelId, String door) {
        checkRead(userId);
        Panels.Panel panel = panels.panel(panelId).orElseThrow(() -> new NoSuchElementException("No panel " + panelId));
        Reader reader = new Reader(userId);
        Map<String, List<StrategyMeetings.Action>> agreed = new HashMap<>();
        for (StrategyMeetings.Action a : meetings.actionsOfPanel(panelId)) {
            agreed.computeIfAbsent(a.panelItemId(), k -> new ArrayList<>()).add(a);
        }
        List<AgendaItem> agenda = new ArrayList<>();
        for (Panels.Item item : panels.agenda(panelId)) {
            if (!reader.maySee(item)) {
                continue;
            }
            StrategyMeetings.Action overdue = item.actionId() == null
                    ? null
                    : meetings.action(item.actionId()).orElse(null);
            String caseId = item.caseId();
            boolean caseReadable = caseId != null && reader.mayReadCase(caseId);
            Panels.Child child = caseReadable ? panels.child(caseId).orElse(null) : null;
            if (caseReadable) {
                access.recordRead(userId, caseId, door, "exploitation panel " + panel.reference());
            }
            SubjectView subject = item.subjectId() == null
                    ? null
                    : panels.subject(item.subjectId())
                            .map(s -> new SubjectView(
                                    s.subjectId(), s.kind(), s.label(), s.category(), s.district(), s.concernLevel()))
                            .orElse(null);
            boolean wordsReadable = caseId != null ? caseReadable : true;
            agenda.add(new AgendaItem(
                    item.position(),
                    item.kind(),
                    caseId,
                    caseReadable,
                    child == null ? null : child.displayName(),
                    child == null ? null : child.reference(),
                    child == null ? null : child.district(),
                    subject,
                    overdue == null ? null : reader.view(overdue),
                    wordsReadable ? item.decision() : null,
                    item.decidedBy(),
                    item.decidedAt(),
                    agreed.getOrDefault(item.id(), List.of()).stream()
                            .map(reader::view)
                            .toList()));
        }
        return new PanelView(
                panel.panelId(),
                panel.reference(),
                panel.preparedAt(),
                panel.since(),
                panel.scheduledBy(),
                panel.heldAt(),
                panel.chairedBy(),
                panel.chairAgency(),
                agenda);
    }

    /** The subject as this reader may see it (police-only subjects to the police alone). */
    public java.util.Optional<SubjectView> subject(String userId, String subjectId) {
        if (!new Reader(userId).maySeeSubject(subjectId)) {
            return java.util.Optional.empty();
        }
        return panels.subject(subjectId)
                .map(s -> new SubjectView(
                        s.subjectId(), s.kind(), s.label(), s.category(), s.district(), s.concernLevel()));
    }

    /** One reader's need-to-know, each case and subject decided once per read. */
    private final class Reader {

        private final String userId;
        private final boolean police;
        private final Map<String, Boolean> cases = new HashMap<>();
        private final Map<String, Boolean> subjects = new HashMap<>();

        Reader(String userId) {
            this.userId = userId;
            Set<String> agencies = actors.agenciesOf(userId);
            this.police = agencies.contains(Agency.POLICE.groupId());
        }

        boolean maySee(Panels.Item item) {
            return police || (!item.policeOnly() && (item.subjectId() == null || maySeeSubject(item.subjectId())));
        }

        boolean maySeeSubject(String subjectId) {
            return police || subjects.computeIfAbsent(subjectId, s -> !panels.policeOnly(s));
        }

        boolean mayReadCase(String caseId) {
            return cases.computeIfAbsent(caseId, c -> access.exists(c) && access.mayRead(userId, c));
        }

        ActionView view(StrategyMeetings.Action a) {
            boolean words = a.caseId() != null
                    ? mayReadCase(a.caseId())
                    : a.subjectId() == null || maySeeSubject(a.subjectId());
            return new ActionView(
                    a.id(),
                    a.ownerAgency(),
                    a.owner(),
                    words ? a.description() : null,
                    a.due(),
                    a.state(),
                    a.caseId(),
                    a.subjectId() != null && maySeeSubject(a.subjectId()) ? a.subjectId() : null,
                    a.agreedAt(),
                    a.doneAt(),
                    words ? a.outcome() : null);
        }
    }
}
