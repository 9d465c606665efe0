package uk.pathways.subjects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;
import uk.pathways.audit.AuditEntry;
import uk.pathways.audit.AuditTrail;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.casefile.CaseFile;
import uk.pathways.web.ConflictException;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * Subjects of concern, the public API (ADR 15). Need to know, at every door: the police read every subject; a
 * police-only subject (persons by default) is read by the police alone, and for anyone else it does not exist, not even
 * as a count; other agencies read the other subjects, with only their links to cases the agency is involved in. A user
 * of no agency (performance, process owners, administrators) reads no subject. Every read and refusal is audited;
 * an audit line about a police-only subject names no case in its {@code case_id}, so that a case's audit trail, read by
 * the managers of every involved agency, does not give the link away.
 */
@Service
public class Subjects {

    static final String RESOURCE = "subject ";
    static final int SEARCH_LIMIT = 100;

    private final SubjectRepository repository;
    private final Actors actors;
    private final CaseAccess access;
    private final CaseFile caseFile;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Subjects(
            SubjectRepository repository,
            Actors actors,
            CaseAccess access,
            CaseFile caseFile,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.actors = actors;
        this.access = access;
        this.caseFile = caseFile;
        this.audit = audit;
        this.events = events;
    }

    /** Whether the user reads as the police: every subject, every link. */
    public boolean isPolice(String userId) {
        return actors.agenciesOf(userId).contains(Agency.POLICE.groupId());
    }

    /** Whether the user reads subjects at all: a member of an agency. */
    public boolean mayReadSubjects(String userId) {
        return !actors.agenciesOf(userId).isEmpty();
    }

    /** Records a subject (and its link to the case it was recorded from); answers it. */
    @Transactional
    public Subject record(NewSubject input, String userId, String door) {
        Actor actor = actorOf(userId, door, "subject recording");
        boolean police = isPolice(userId);
        SubjectRules.Checked checked = SubjectRules.check(input, police);
        NewSubject in = checked.subject();
        if (Subject.PERSON.equals(in.kind()) && !police) {
            refuse(userId, actor.agency(), door, null, "person of concern recording", "Only the police record persons");
        }
        if (!checked.problems().isEmpty()) {
            throw new InvalidInputException(checked.problems());
        }
        if (in.caseId() != null) {
            access.checkRead(userId, in.caseId(), door, "subject recorded from the case");
        }
        Instant now = Now.instant();
        Subject subject = new Subject(
                repository.nextId(),
                in.kind(),
                in.label(),
                in.category(),
                in.description(),
                in.district(),
                in.latitude(),
                in.longitude(),
                in.policeOnly(),
                Subject.STANDARD,
                null,
                actor.userId(),
                actor.agency(),
                now);
        repository.insert(subject);
        audit.record(
                userId,
                actor.agency(),
                AuditEntry.CHANGE,
                door,
                subject.policeOnly() ? null : in.caseId(),
                RESOURCE + subject.subjectId(),
                "recorded " + subject.kind() + (in.caseId() == null ? "" : " from case " + in.caseId()),
                null);
        events.publishEvent(new SubjectRecorded(
                subject.subjectId(), subject.kind(), subject.policeOnly(), in.caseId(), actor, now));
        if (in.caseId() != null) {
            linkToCase(subject, in.caseId(), in.reason(), actor, door, now);
        }
        return subject;
    }

    /** The subject as the user may see it, or 404 / 403 (audited either way). */
    @Transactional(readOnly = true)
    public SubjectFile read(String subjectId, String userId, String door) {
        Subject subject = readable(subjectId, userId, door, "subject");
        boolean police = isPolice(userId);
        List<SubjectFile.CaseLink> cases = new ArrayList<>();
        for (SubjectFile.CaseLink link : repository.caseLinks(subjectId)) {
            if (police || access.mayRead(userId, link.caseId())) {
                String name = caseFile.find(link.caseId())
                        .map(c -> c.child().displayName())
                        .orElse(null);
                cases.add(new SubjectFile.CaseLink(
                        link.linkId(),
                        link.caseId(),
                        name,
                        link.reason(),
                        link.recordedBy(),
                        link.recordedAgency(),
                        link.recordedAt()));
            }
        }
        List<SubjectFile.Association> associates = repository.associations(subjectId).stream()
                .filter(a -> police || !a.other().policeOnly())
                .map(SubjectRepository.Associated::association)
                .toList();
        String agency = agencyOf(userId);
        List<String> caseIds = cases.stream().map(SubjectFile.CaseLink::caseId).toList();
        audit.recordAlone(
                userId,
                agency,
                AuditEntry.READ,
                door,
                null,
                RESOURCE + subjectId,
                caseIds.isEmpty() ? null : "links to cases " + String.join(", ", caseIds),
                null);
        if (!subject.policeOnly()) {
            // a query's answer is attributed to every case it held (the link is no secret from the case's agencies)
            for (String caseId : caseIds) {
                audit.recordAlone(userId, agency, AuditEntry.READ, door, caseId, RESOURCE + subjectId, null, null);
            }
        }
        return new SubjectFile(subject, cases, associates, repository.escalations(subjectId));
    }

    /** Subjects by label (a registration with or without spaces), kind and district, within need to know. */
    @Transactional(readOnly = true)
    public List<Subject> search(String text, String kind, String district, String userId, String door) {
        if (!mayReadSubjects(userId)) {
            refuse(userId, null, door, null, "subject search", "Only the agencies read subjects of concern");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String k = SubjectRules.upper(kind);
        if (k != null && !Subject.KINDS.contains(k)) {
            problems.add(new FieldProblem("kind", "The kind must be one of PERSON, LOCATION, VEHICLE"));
        }
        if (text != null && text.length() > SubjectRules.LABEL) {
            problems.add(new FieldProblem("q", "Search for " + SubjectRules.LABEL + " characters or fewer"));
        }
        if (district != null && district.length() > SubjectRules.DISTRICT) {
            problems.add(new FieldProblem(
                    "district", "The district must be " + SubjectRules.DISTRICT + " characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Subject> found = repository.search(text, k, district, isPolice(userId), SEARCH_LIMIT);
        audit.recordAlone(
                userId,
                agencyOf(userId),
                AuditEntry.SEARCH,
                door,
                null,
                "subject search",
                found.size() + " found: "
                        + String.join(
                                ", ", found.stream().map(Subject::subjectId).toList()),
                "q=" + (text == null ? "" : text) + " kind=" + (k == null ? "" : k) + " district="
                        + (district == null ? "" : district));
        return found;
    }

    /** Links a readable subject to a child's case the user's agency is involved in. */
    @Transactional
    public void linkToCase(String subjectId, String caseId, String reason, String userId, String door) {
        Subject subject = readable(subjectId, userId, door, "subject link");
        List<FieldProblem> problems = new ArrayList<>(SubjectRules.linkReason(reason));
        if (caseId == null || caseId.isBlank()) {
            problems.add(0, new FieldProblem("caseId", "Enter the child's case, like CASE-2026-000123"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        access.checkRead(userId, caseId.strip(), door, "subject link");
        if (repository.linkedToCase(subjectId, caseId.strip())) {
            throw new ConflictException(subjectId + " is already linked to case " + caseId.strip());
        }
        linkToCase(subject, caseId.strip(), reason.strip(), actorOf(userId, door, "subject link"), door, Now.instant());
    }

    /** Links two subjects (an association): the police only. */
    @Transactional
    public void associate(String subjectId, String otherSubjectId, String reason, String userId, String door) {
        Subject subject = readable(subjectId, userId, door, "subject association");
        Actor actor = actorOf(userId, door, "subject association");
        if (!isPolice(userId)) {
            refuse(userId, actor.agency(), door, null, "subject association", "Only the police link subjects");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String other = SubjectRules.blankToNull(otherSubjectId);
        if (other == null) {
            problems.add(new FieldProblem("subjectId", "Enter the other subject, like SUB-000123"));
        } else if (other.equals(subjectId)) {
            problems.add(new FieldProblem("subjectId", "A subject cannot be linked to itself"));
        } else if (repository.find(other).isEmpty()) {
            problems.add(new FieldProblem("subjectId", "There is no subject " + other));
        }
        problems.addAll(SubjectRules.linkReason(reason));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (repository.associated(subjectId, other)) {
            throw new ConflictException(subjectId + " and " + other + " are already linked");
        }
        Instant now = Now.instant();
        repository.link(subject.subjectId(), null, other, reason.strip(), actor, now);
        audit.record(
                userId,
                actor.agency(),
                AuditEntry.CHANGE,
                door,
                null,
                RESOURCE + subjectId,
                "linked to subject " + other,
                null);
        events.publishEvent(new SubjectLinked(subjectId, null, other, actor, now));
    }

    /** Raises a readable subject's concern to HIGH with the reason (409 if it is HIGH already). */
    @Transactional
    public void escalate(String subjectId, String reason, String userId, String door) {
        Subject subject = readable(subjectId, userId, door, "subject escalation");
        List<FieldProblem> problems = SubjectRules.escalationReason(reason);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor actor = actorOf(userId, door, "subject escalation");
        Instant now = Now.instant();
        if (!repository.escalate(subjectId, reason.strip(), actor, now)) {
            throw new ConflictException("The concern about " + subjectId + " is already high");
        }
        audit.record(
                userId,
                actor.agency(),
                AuditEntry.CHANGE,
                door,
                null,
                RESOURCE + subjectId,
                "concern raised to HIGH",
                null);
        events.publishEvent(new SubjectEscalated(subjectId, subject.kind(), actor, now));
    }

    /**
     * The subjects linked to a case that the viewer may see: every one for the police, the non-police-only ones for
     * anyone else of an agency, none for a user of no agency. The caller has checked (and audited) that the viewer reads
     * the case.
     */
    @Transactional(readOnly = true)
    public List<LinkOfCase> linksOfCase(String caseId, String viewerUserId) {
        if (!mayReadSubjects(viewerUserId)) {
            return List.of();
        }
        return repository.linksOfCase(caseId, isPolice(viewerUserId));
    }

    /**
     * The subjects recorded or raised to HIGH since the instant, within the viewer's need to know (the exploitation
     * panel's agenda): police-only ones for the police alone, none for a user of no agency.
     */
    @Transactional(readOnly = true)
    public List<Subject> newOrEscalatedSince(Instant since, String viewerUserId) {
        if (!mayReadSubjects(viewerUserId)) {
            return List.of();
        }
        return repository.newOrEscalatedSince(since, isPolice(viewerUserId));
    }

    private void linkToCase(Subject subject, String caseId, String reason, Actor actor, String door, Instant now) {
        repository.link(subject.subjectId(), caseId, null, reason, actor, now);
        audit.record(
                actor.userId(),
                actor.agency(),
                AuditEntry.CHANGE,
                door,
                subject.policeOnly() ? null : caseId,
                RESOURCE + subject.subjectId(),
                "linked to case " + caseId,
                null);
        events.publishEvent(new SubjectLinked(subject.subjectId(), caseId, null, actor, now));
    }

    /** The subject if the user may read it; otherwise 404 (no such subject) or 403, audited. */
    private Subject readable(String subjectId, String userId, String door, String what) {
        Subject subject = repository.find(subjectId).orElse(null);
        if (subject == null) {
            throw new NoSuchElementException("No subject " + subjectId);
        }
        boolean allowed = mayReadSubjects(userId) && (!subject.policeOnly() || isPolice(userId));
        if (!allowed) {
            refuse(userId, agencyOf(userId), door, subjectId, what, "Not for your agency: ask the police");
        }
        return subject;
    }

    private Actor actorOf(String userId, String door, String what) {
        Set<String> agencies = actors.agenciesOf(userId);
        if (agencies.isEmpty()) {
            refuse(userId, null, door, null, what, "Only the agencies record subjects of concern");
        }
        String agency = agencies.contains(Agency.POLICE.groupId())
                ? Agency.POLICE.groupId()
                : agencies.iterator().next();
        return new Actor(userId, agency);
    }

    private String agencyOf(String userId) {
        Set<String> agencies = actors.agenciesOf(userId);
        return agencies.contains(Agency.POLICE.groupId())
                ? Agency.POLICE.groupId()
                : agencies.stream().findFirst().orElse(null);
    }

    private void refuse(String userId, String agency, String door, String subjectId, String what, String message) {
        audit.recordAlone(
                userId,
                agency,
                AuditEntry.ACCESS_REFUSED,
                door,
                null,
                subjectId == null ? what : RESOURCE + subjectId,
                subjectId == null ? null : what,
                null);
        throw new AccessDeniedException(message);
    }
}
