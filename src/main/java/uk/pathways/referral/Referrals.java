package uk.pathways.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Privileged;
import uk.pathways.calendar.Now;
import uk.pathways.casefile.CaseFile;
import uk.pathways.casefile.CaseVariables;
import uk.pathways.casefile.ReferralRecord;
import uk.pathways.referral.process.CseReferralProcess;
import uk.pathways.screening.process.ScreeningVariables;
import uk.pathways.strategymeeting.process.StrategyMeetingProcess;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * Receives referrals: in one transaction it finds or opens the child's case, records the referral and
 * starts {@code cse-referral}, whose first task (screening for MASH) exists before the caller hears 201.
 */
@Service
public class Referrals {

    public static final String SOURCE_API = "API";
    public static final String SOURCE_MESSAGE = "MESSAGE";

    private final CaseFile caseFile;
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Privileged privileged;
    private final Actors actors;

    Referrals(
            CaseFile caseFile,
            RuntimeService runtimeService,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Privileged privileged,
            Actors actors) {
        this.privileged = privileged;
        this.actors = actors;
        this.caseFile = caseFile;
        this.runtimeService = runtimeService;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public ReferralAccepted receive(NewReferral referral, Actor createdBy, String source) {
        RecordedReferral recorded = record(referral, createdBy, source);
        // any signed-in agency may refer (contract section 6): the platform starts the pathway on its behalf
        ProcessInstance instance = privileged.call(() -> runtimeService.startProcessInstanceByKey(
                CseReferralProcess.KEY, recorded.reference(), recorded.variables()));
        return linked(recorded, instance);
    }

    private ReferralAccepted linked(RecordedReferral recorded, ProcessInstance instance) {
        caseFile.linkProcess(recorded.reference(), instance.getId());
        return new ReferralAccepted(recorded.reference(), recorded.caseId(), instance.getId(), recorded.joined());
    }

    /**
     * A strategy meeting held outside a referral (a missing child's) decided support or protection: the referral
     * recorded for it starts {@code cse-referral} at its "Support and protection" stage with the meeting's decisions,
     * so that RISE support, the section 47 enquiry and the police investigation are the referral pathway's own tracks,
     * with the same tasks, clocks, reviews and closure (one pathway, not a copy). No screening: the meeting decided.
     */
    @Transactional
    public ReferralAccepted receiveAtSupport(NewReferral referral, Actor createdBy, String source, Decided decided) {
        RecordedReferral recorded = record(referral, createdBy, source);
        VariableMap variables = recorded.variables()
                .putValue(CseReferralProcess.RISE_ACCEPTED, decided.riseAccepted())
                .putValue(CseReferralProcess.SECTION_47, decided.section47())
                .putValue(CseReferralProcess.POLICE_INVESTIGATION, decided.policeInvestigation())
                .putValue(StrategyMeetingProcess.MEETING_HELD_AT, decided.meetingHeldAt())
                // a meeting called again for this referral (a closure not agreed) runs on the urgent clock, as the
                // missing child's did
                .putValue(ScreeningVariables.URGENT, true);
        ProcessInstance instance = privileged.call(() -> runtimeService
                .createProcessInstanceByKey(CseReferralProcess.KEY)
                .businessKey(recorded.reference())
                .setVariables(variables)
                .startBeforeActivity(CseReferralProcess.SUBPROCESS_CASE_OPEN)
                .execute());
        return linked(recorded, instance);
    }

    /** What the decisions of a meeting held for another pathway did to an open referral. */
    public enum Applied {
        /** The referral was in support and protection: the tracks it did not have yet started in it. */
        TRACKS_STARTED,
        /** The referral was in support and protection with every decided track running already. */
        ALREADY_RUNNING,
        /** The referral had not reached support yet: its screening or meeting gave way to the meeting's decisions. */
        MOVED_TO_SUPPORT
    }

    /**
     * A strategy meeting held for the child outside this referral (a missing child's) decided support or protection
     * while this referral is open: the decisions are the referral's own from now on. In support and protection, each
     * decided track not yet running starts beside the others; before that (screening, early help, its own meeting not
     * yet held), the referral moves to support and protection with those decisions, as its own meeting would have.
     */
    @Transactional
    public Applied applyMeetingDecisions(ReferralRecord referral, Decided decided) {
        String instanceId = referral.processInstanceId();
        return privileged.call(() -> {
            ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
            ActivityInstance caseOpen = find(tree, CseReferralProcess.SUBPROCESS_CASE_OPEN);
            Map<String, Object> known = runtimeService.getVariables(instanceId);
            Map<String, Object> tracks = Map.of(
                    CseReferralProcess.RISE_ACCEPTED,
                            decided.riseAccepted() || flag(known, CseReferralProcess.RISE_ACCEPTED),
                    CseReferralProcess.SECTION_47, decided.section47() || flag(known, CseReferralProcess.SECTION_47),
                    CseReferralProcess.POLICE_INVESTIGATION,
                            decided.policeInvestigation() || flag(known, CseReferralProcess.POLICE_INVESTIGATION));
            if (caseOpen == null) {
                runtimeService.setVariables(instanceId, tracks);
                runtimeService.setVariable(instanceId, StrategyMeetingProcess.MEETING_HELD_AT, decided.meetingHeldAt());
                if (!known.containsKey(ScreeningVariables.URGENT)) {
                    runtimeService.setVariable(instanceId, ScreeningVariables.URGENT, true);
                }
                var moving = runtimeService.createProcessInstanceModification(instanceId);
                for (ActivityInstance running : tree.getChildActivityInstances()) {
                    moving.cancelActivityInstance(running.getId());
                }
                moving.startBeforeActivity(CseReferralProcess.SUBPROCESS_CASE_OPEN)
                        .execute();
                return Applied.MOVED_TO_SUPPORT;
            }
            var starting = runtimeService.createProcessInstanceModification(instanceId);
            boolean any = false;
            if (decided.riseAccepted()
                    && find(caseOpen, CseReferralProcess.TASK_OPEN_RISE_SUPPORT) == null
                    && find(caseOpen, CseReferralProcess.TASK_ALLOCATE_SUPPORT_WORKER) == null
                    && find(caseOpen, CseReferralProcess.SUBPROCESS_RISE_SUPPORT) == null) {
                starting.startBeforeActivity(CseReferralProcess.TASK_OPEN_RISE_SUPPORT, caseOpen.getId());
                any = true;
            }
            if (decided.section47() && find(caseOpen, CseReferralProcess.TASK_SECTION_47_ENQUIRY) == null) {
                starting.startBeforeActivity(CseReferralProcess.TASK_SECTION_47_ENQUIRY, caseOpen.getId());
                any = true;
            }
            if (decided.policeInvestigation() && find(caseOpen, CseReferralProcess.TASK_POLICE_INVESTIGATION) == null) {
                starting.startBeforeActivity(CseReferralProcess.TASK_POLICE_INVESTIGATION, caseOpen.getId());
                any = true;
            }
            runtimeService.setVariables(instanceId, tracks);
            if (!any) {
                return Applied.ALREADY_RUNNING;
            }
            starting.execute();
            return Applied.TRACKS_STARTED;
        });
    }

    private static boolean flag(Map<String, Object> variables, String name) {
        return Boolean.TRUE.equals(variables.get(name));
    }

    /** The first activity instance of this activity in the tree, or null. */
    private static ActivityInstance find(ActivityInstance tree, String activityId) {
        for (ActivityInstance child : tree.getChildActivityInstances()) {
            if (activityId.equals(child.getActivityId())) {
                return child;
            }
            ActivityInstance deeper = find(child, activityId);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** What a strategy meeting decided: the tracks it starts (contract section 5, {@code strategy-meeting}). */
    public record Decided(
            boolean riseAccepted, boolean section47, boolean policeInvestigation, java.util.Date meetingHeldAt) {

        public boolean any() {
            return riseAccepted || section47 || policeInvestigation;
        }

        /** The decisions in words, for the chronology: "RISE support, a section 47 enquiry and a police investigation". */
        public String words() {
            List<String> tracks = new java.util.ArrayList<>();
            if (riseAccepted) {
                tracks.add("RISE support");
            }
            if (section47) {
                tracks.add("a section 47 enquiry");
            }
            if (policeInvestigation) {
                tracks.add("a police investigation");
            }
            if (tracks.isEmpty()) {
                return "no further action";
            }
            String last = tracks.remove(tracks.size() - 1);
            return tracks.isEmpty() ? last : String.join(", ", tracks) + " and " + last;
        }
    }

    public void linkProcess(String reference, String processInstanceId) {
        caseFile.linkProcess(reference, processInstanceId);
    }

    /** What the pathway needs of a recorded referral: ids, display name, age; never the concerns. */
    public record RecordedReferral(String reference, String caseId, boolean joined, VariableMap variables) {}

    /** Records a referral in the case record and gives the variables to start its pathway with. */
    @Transactional
    public RecordedReferral record(NewReferral referral, Actor createdBy, String source) {
        checkReferrerAgency(referral, createdBy);
        LocalDate today = Now.today();
        CaseFile.OpenedCase opened = caseFile.openOrJoin(referral.child(), "SCREENING");
        String reference = caseFile.nextReference("REF");
        int age = referral.child().ageOn(today);
        caseFile.recordReferral(
                new ReferralRecord(
                        reference,
                        opened.caseId(),
                        Now.instant(),
                        source,
                        referral.referrerAgency(),
                        referral.referrerName(),
                        referral.referrerEmail(),
                        referral.concerns(),
                        referral.indicators(),
                        age,
                        null,
                        "OPEN",
                        null,
                        null),
                createdBy.userId());
        // contract section 8: the referring agency is involved in its own referral's case only when the case is new;
        // joining an existing case involves nobody new (MASH is involved by its screening task)
        if (!opened.joinedExisting()) {
            caseFile.involve(opened.caseId(), referral.referrerAgency(), "made the referral " + reference, createdBy);
        }
        events.publishEvent(new ReferralReceived(
                opened.caseId(),
                reference,
                referral.referrerAgency(),
                source,
                opened.joinedExisting(),
                createdBy,
                Now.instant()));
        VariableMap variables = Variables.createVariables()
                .putValue(CaseVariables.CASE_ID, opened.caseId())
                .putValue(CaseVariables.REFERENCE, reference)
                .putValue(CaseVariables.CHILD_DISPLAY_NAME, referral.child().displayName())
                .putValue(CaseVariables.AGE, age)
                .putValue(CseReferralProcess.REFERRER_AGENCY, referral.referrerAgency())
                .putValue(
                        ScreeningVariables.INDICATORS,
                        SpinValues.jsonValue(toJson(referral.indicators())).create());
        return new RecordedReferral(reference, opened.caseId(), opened.joinedExisting(), variables);
    }

    /**
     * Contract section 8: a person (or a partner system's account) refers for an agency they belong to; the platform
     * itself (a repeat-missing or interview referral) refers for the agency its pathway names.
     */
    private void checkReferrerAgency(NewReferral referral, Actor createdBy) {
        if (createdBy == null || createdBy == Actor.SYSTEM || createdBy.userId() == null) {
            return;
        }
        if (!actors.agenciesOf(createdBy.userId()).contains(referral.referrerAgency())) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    "referrer.agency",
                    "must be your own agency (" + String.join(", ", actors.agenciesOf(createdBy.userId())) + ")")));
        }
    }

    private String toJson(List<String> indicators) {
        try {
            return json.writeValueAsString(indicators);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
