package uk.pathways.dashboard.generate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Actor;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.calendar.WorkingDays;
import uk.pathways.casefile.ChildDetails;
import uk.pathways.referral.NewReferral;
import uk.pathways.referral.ReferralAccepted;
import uk.pathways.referral.Referrals;
import uk.pathways.screening.Indicator;
import uk.pathways.screening.IndicatorCatalogue;

/**
 * Walks made-up children through the real pathways, one referral at a time, with the engine's clock
 * moved (ClockUtil) so that every timing varies: most work is done in time, some late, so clocks breach
 * and escalate as they would. Every name is synthetic ("Testchild" and letters); every user is a
 * generated member of the contract's groups ("gen-police-worker", ...).
 */
@Component
public class SyntheticHistory {

    private static final Logger log = LoggerFactory.getLogger(SyntheticHistory.class);
    private static final String[] FIRST = {
        "Alex", "Jordan", "Casey", "Riley", "Morgan", "Taylor", "Jamie", "Robin", "Sam", "Charlie", "Frankie", "Jesse",
        "Kai", "Quinn", "Rowan", "Sasha"
    };
    private static final String[] REFERRERS = {
        "police",
        "police",
        "police",
        "education",
        "education",
        "childrens-services",
        "health",
        "health",
        "rise",
        "mash",
        "missing-coordinator",
        "rhi-service"
    };
    private static final String[] DISRUPTION = {
        "CHILD_ABDUCTION_WARNING_NOTICE",
        "ARREST",
        "SEARCH_WARRANT",
        "SEXUAL_RISK_ORDER",
        "PREMISES_VISIT",
        "INTELLIGENCE_SUBMITTED",
        "TAXI_OR_HOTEL_ENGAGEMENT"
    };
    private static final String[] NFA_REASONS = {
        "EVIDENTIAL_DIFFICULTIES",
        "EVIDENTIAL_DIFFICULTIES",
        "VICTIM_DOES_NOT_SUPPORT",
        "NOT_IN_PUBLIC_INTEREST",
        "SUSPECT_NOT_IDENTIFIED",
        "OTHER"
    };
    private static final String[] LEARNING_THEMES = {
        "EARLY_IDENTIFICATION",
        "EVIDENCE_GATHERING",
        "VICTIM_SUPPORT",
        "INFORMATION_SHARING",
        "SUSPECT_IDENTIFICATION",
        "DISRUPTION",
        "TIMELINESS"
    };
    private static final String[] CLOSURE_REASONS = {
        "OUTCOMES_ACHIEVED",
        "OUTCOMES_ACHIEVED",
        "OUTCOMES_ACHIEVED",
        "TURNED_18",
        "MOVED_AWAY",
        "DECLINED_SUPPORT",
        "OTHER"
    };
    private static final int SUPPORT_WORKERS = 6;

    private final Referrals referrals;
    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final WorkingDays workingDays;
    private final IndicatorCatalogue catalogue;
    private final List<String> districts;
    private final JdbcTemplate jdbc;
    private final List<Double> bounds;
    private final SyntheticDisruptions disruptions;

    SyntheticHistory(
            Referrals referrals,
            TaskService taskService,
            FormService formService,
            IdentityService identityService,
            ManagementService managementService,
            RuntimeService runtimeService,
            WorkingDays workingDays,
            IndicatorCatalogue catalogue,
            @Value("${pathways.child.districts:}") List<String> districts,
            JdbcTemplate jdbc,
            @Value("${pathways.profile.map.bounds:51.97,-1.35,52.65,-0.33}") List<Double> bounds,
            SyntheticDisruptions disruptions) {
        this.disruptions = disruptions;
        this.referrals = referrals;
        this.taskService = taskService;
        this.formService = formService;
        this.identityService = identityService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.workingDays = workingDays;
        this.catalogue = catalogue;
        this.districts = districts.isEmpty() ? List.of("Corby", "Kettering", "Northampton") : districts;
        this.jdbc = jdbc;
        this.bounds = bounds;
    }

    /** What a run made. */
    public record Result(
            int referrals, int tasksCompleted, int clocksFired, int stoppedEarly, Duration took, int disruptions) {
        public double referralsPerSecond() {
            return referrals / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    /** Generates {@code count} referrals received over the {@code years} before {@code until}; the same seed gives the same history. */
    public Result generate(int count, double years, Instant until, long seed) {
        Random random = new Random(seed);
        // issue 17's records (exploitation type, investigation outcomes, reviews) draw from their own sequence, so
        // that a seed gives the same pathways as before they were generated
        Random investigationRandom = new Random(seed * 31 + 17);
        ensureStaff();
        long span = (long) (years * 365.25 * 24 * 3600);
        List<Instant> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(workingHours(until.minusSeconds(1 + (long) (random.nextDouble() * span)), random));
        }
        received.sort(null);
        Instant started = Instant.now();
        int[] totals = new int[4];
        // the register's entries draw on a generator of their own, so the pathways' walks stay as the seed gave them
        Random registerRandom = new Random(seed ^ 0x0D15_2017L);
        disruptions.begin(registerRandom);
        String run = letters(random.nextInt(1 << 24)) + letters((int) (System.nanoTime() & 0xffff));
        Intelligence intelligence = new Intelligence(random, until);
        try {
            for (int i = 0; i < received.size(); i++) {
                try {
                    Walk walk = new Walk(random, investigationRandom, until, run + "-" + letters(i), registerRandom);
                    try {
                        walk.run(received.get(i), totals);
                    } finally {
                        if (walk.caseId != null) {
                            intelligence.record(walk.caseId, walk.district, received.get(i));
                        }
                    }
                } catch (RuntimeException e) {
                    totals[2]++;
                    log.warn("Synthetic referral {} stopped early: {}", i, e.getMessage());
                }
                if ((i + 1) % 100 == 0) {
                    log.info(
                            "Synthetic history: {} of {} referrals ({} tasks completed, {} clocks fired)",
                            i + 1,
                            count,
                            totals[0],
                            totals[1]);
                }
            }
        } finally {
            ClockUtil.reset();
            identityService.clearAuthentication();
        }
        return new Result(count, totals[0], totals[1], totals[2], Duration.between(started, Instant.now()), totals[3]);
    }

    /** One referral's life, from receipt until its pathway ends or the next thing would happen after {@code horizon}. */
    private final class Walk {
        private final Random random;
        private final Random investigationRandom;
        private final Instant horizon;
        private final String name;
        private final Map<String, Instant> actAt = new HashMap<>();
        private int reviews;
        private int policeUpdates;
        private int wheels;
        private Instant supportEnds;
        private int policeUpdatesToConclude;
        private String mainInstance;
        private String caseId;
        private String district;

        private final Random registerRandom;

        Walk(Random random, Random investigationRandom, Instant horizon, String name, Random registerRandom) {
            this.registerRandom = registerRandom;
            this.random = random;
            this.investigationRandom = investigationRandom;
            this.horizon = horizon;
            this.name = name;
        }

        void run(Instant receivedAt, int[] totals) {
            at(receivedAt);
            ChildDetails child = new ChildDetails(
                    FIRST[random.nextInt(FIRST.length)],
                    "Testchild-" + name,
                    LocalDate.ofInstant(receivedAt, Now.UK)
                            .minusYears(11 + random.nextInt(7))
                            .minusDays(random.nextInt(365)),
                    random.nextBoolean() ? "FEMALE" : "MALE",
                    "NOT_STATED",
                    districts.get(random.nextInt(districts.size())),
                    random.nextDouble() < 0.3,
                    null);
            String agency = REFERRERS[random.nextInt(REFERRERS.length)];
            ReferralAccepted referral = referrals.receive(
                    new NewReferral(
                            child,
                            agency,
                            "Synthetic Referrer",
                            "referrer@" + agency + ".example",
                            "Synthetic concern (generated)",
                            indicators(3)),
                    new Actor("gen-" + agency + "-worker", agency),
                    Referrals.SOURCE_API);
            mainInstance = referral.processInstanceId();
            caseId = referral.caseId();
            district = child.district();
            totals[3] +=
                    disruptions.forCase(referral.caseId(), child.district(), receivedAt, horizon, name, registerRandom);
            supportEnds = receivedAt.plus(Duration.ofDays(60 + random.nextInt(200)));
            policeUpdatesToConclude = 1 + random.nextInt(4);
            for (int step = 0; step < 400; step++) {
                List<String> instances = instances();
                List<Task> tasks = taskService
                        .createTaskQuery()
                        .processInstanceIdIn(instances.toArray(String[]::new))
                        .list();
                Job nextTimer = nextTimer(instances);
                Task next = null;
                Instant nextAt = null;
                for (Task t : tasks) {
                    Instant when = actAt.computeIfAbsent(t.getId(), id -> plan(t));
                    if (nextAt == null || when.isBefore(nextAt)) {
                        next = t;
                        nextAt = when;
                    }
                }
                Instant timerAt =
                        nextTimer == null ? null : nextTimer.getDuedate().toInstant();
                if (timerAt != null && (nextAt == null || !timerAt.isAfter(nextAt))) {
                    if (timerAt.isAfter(horizon)) {
                        return;
                    }
                    at(timerAt.plusSeconds(1).isAfter(Now.instant()) ? timerAt.plusSeconds(1) : Now.instant());
                    managementService.executeJob(nextTimer.getId());
                    totals[1]++;
                    continue;
                }
                if (next == null || nextAt.isAfter(horizon)) {
                    return;
                }
                if (nextAt.isAfter(Now.instant())) {
                    at(nextAt);
                }
                complete(next);
                actAt.remove(next.getId());
                totals[0]++;
            }
        }

        private List<String> instances() {
            List<String> ids = new ArrayList<>();
            ids.add(mainInstance);
            runtimeService
                    .createProcessInstanceQuery()
                    .superProcessInstanceId(mainInstance)
                    .list()
                    .forEach(p -> ids.add(p.getId()));
            // the review after no further action runs beside the pathway (bpmn/investigation-review.bpmn)
            runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey("no-further-action-review")
                    .variableValueEquals("caseId", caseId)
                    .list()
                    .forEach(p -> ids.add(p.getId()));
            return ids;
        }

        private Job nextTimer(List<String> instances) {
            Job first = null;
            for (String id : instances) {
                for (Job job : managementService
                        .createJobQuery()
                        .processInstanceId(id)
                        .timers()
                        .list()) {
                    if (job.getDuedate() != null
                            && (first == null || job.getDuedate().before(first.getDuedate()))) {
                        first = job;
                    }
                }
            }
            return first;
        }

        /** When the task will be done: mostly in time, about one in eight late (so its clock breaches). */
        private Instant plan(Task t) {
            Instant created = t.getCreateTime().toInstant();
            Instant due = t.getDueDate() == null
                    ? created.plus(Duration.ofDays(2))
                    : t.getDueDate().toInstant();
            if ("strategy-meeting".equals(t.getTaskDefinitionKey())) {
                Object starts = taskService.getVariable(t.getId(), "meetingStartsAt");
                Instant meeting = starts instanceof Date d ? d.toInstant() : created.plus(Duration.ofHours(4));
                return meeting.plus(Duration.ofMinutes(60 + random.nextInt(60)));
            }
            if ("outcome-wheel".equals(t.getTaskDefinitionKey())) {
                return due.minus(Duration.ofHours(random.nextInt(72)))
                        .plus(Duration.ofDays(random.nextDouble() < 0.15 ? 1 + random.nextInt(10) : 0));
            }
            if ("agency-information".equals(t.getTaskDefinitionKey())) {
                long window = Math.max(60, Duration.between(created, due).toMinutes());
                return random.nextDouble() < 0.85
                        ? created.plus(Duration.ofMinutes((long) (window * random.nextDouble() * 0.9)))
                        : due.plus(Duration.ofDays(1));
            }
            if (random.nextDouble() < 0.12) {
                return due.plus(Duration.ofMinutes(30 + random.nextInt(3 * 24 * 60)));
            }
            long window = Math.max(20, Duration.between(created, due).toMinutes());
            Instant when = created.plus(Duration.ofMinutes(10 + (long) (window * (0.05 + 0.9 * random.nextDouble()))));
            return when.isAfter(due) ? due.minus(Duration.ofMinutes(5)) : when;
        }

        private void complete(Task t) {
            String user = performer(t);
            Map<String, Object> form = form(t);
            identityService.setAuthentication(user, groupsOf(user));
            try {
                if (t.getAssignee() == null) {
                    taskService.claim(t.getId(), user);
                }
                formService.submitTaskForm(t.getId(), form);
            } finally {
                identityService.clearAuthentication();
            }
        }

        private String performer(Task t) {
            if (t.getAssignee() != null) {
                return t.getAssignee();
            }
            for (IdentityLink link : taskService.getIdentityLinksForTask(t.getId())) {
                if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
                    String group = link.getGroupId();
                    return group.endsWith(Agency.MANAGERS_SUFFIX)
                            ? "gen-" + group.replace(Agency.MANAGERS_SUFFIX, "") + "-manager"
                            : "gen-" + group + "-worker";
                }
            }
            return "gen-mash-worker";
        }

        private Map<String, Object> form(Task t) {
            Map<String, Object> f = new LinkedHashMap<>();
            Instant now = Now.instant();
            switch (t.getTaskDefinitionKey()) {
                case "screening" -> {
                    boolean again = taskService.getVariable(t.getId(), "pathway") != null;
                    List<String> indicators = new ArrayList<>(indicators(again ? 1 : 5));
                    f.put("disclosure", !again && random.nextDouble() < 0.08);
                    f.put("learningDisability", random.nextDouble() < 0.05);
                    f.put("screeningNotes", "Synthetic screening notes");
                    double type = investigationRandom.nextDouble();
                    String exploitation = type < 0.7 ? "SEXUAL" : type < 0.85 ? "CRIMINAL" : "BOTH";
                    f.put("exploitationType", exploitation);
                    if (!"SEXUAL".equals(exploitation)) {
                        List<Indicator> criminal = catalogue.all().stream()
                                .filter(i -> i.weight() == 0)
                                .toList();
                        for (int i = 0; i < 1 + investigationRandom.nextInt(2) && !criminal.isEmpty(); i++) {
                            String code = criminal.get(investigationRandom.nextInt(criminal.size()))
                                    .code();
                            if (!indicators.contains(code)) {
                                indicators.add(code);
                            }
                        }
                    }
                    f.put("indicators", indicators);
                }
                case "early-help-plan" -> {
                    f.put("leadProfessional", "Synthetic family support worker");
                    f.put("earlyHelpPlan", "Synthetic early help plan");
                }
                case "schedule-strategy-meeting" -> {
                    Object dueObj = taskService.getVariable(t.getId(), "strategyMeetingDue");
                    Instant due = dueObj instanceof Date d ? d.toInstant() : now.plus(Duration.ofDays(1));
                    long room = Duration.between(now, due).toMinutes() - 120;
                    Instant meeting = random.nextDouble() < 0.85 && room > 60
                            ? now.plus(Duration.ofMinutes(60 + (long) (room * random.nextDouble())))
                            : now.plus(Duration.ofHours(2 + random.nextInt(40)));
                    f.put("meetingAt", meeting.toString());
                    f.put("meetingPlace", "Synthetic meeting room");
                }
                case "agency-information" -> f.put("agencyInformation", "Synthetic agency information");
                case "strategy-meeting" -> {
                    boolean rise = random.nextDouble() < 0.55;
                    boolean police = random.nextDouble() < 0.5;
                    boolean s47 = random.nextDouble() < 0.3;
                    f.put("riseAccepted", rise);
                    f.put("section47", s47);
                    f.put("policeInvestigation", police);
                    f.put("meetingMinutes", "Synthetic minutes");
                }
                case "allocate-support-worker" ->
                    f.put("supportWorker", "gen-rise-worker-" + (1 + random.nextInt(SUPPORT_WORKERS)));
                case "safety-plan" -> {
                    f.put("safetyPlanRisks", "Synthetic risks");
                    f.put("safetyPlanActions", "Synthetic actions");
                    f.put("safetyPlanContacts", "Synthetic contacts");
                    f.put(
                            "reviewDate",
                            now.atZone(Now.UK).toLocalDate().plusWeeks(12).toString());
                }
                case "onward-referral" -> {
                    boolean known = random.nextDouble() < 0.6;
                    f.put("onwardReferralStatus", known ? "OUTCOME_RECORDED" : "WAITING");
                    f.put("onwardReferralNotes", "Synthetic notes");
                }
                case "meeting-action" -> f.put("actionDone", "Synthetic: done as agreed");
                case "investigation-review" -> {
                    List<String> themes = new ArrayList<>();
                    for (int i = 0; i < 1 + investigationRandom.nextInt(3); i++) {
                        String theme = LEARNING_THEMES[investigationRandom.nextInt(LEARNING_THEMES.length)];
                        if (!themes.contains(theme)) {
                            themes.add(theme);
                        }
                    }
                    f.put("learningThemes", themes);
                    f.put("wentWell", "Synthetic: what went well");
                    f.put("toChange", "Synthetic: what should change");
                    f.put("shareableSummary", "Synthetic learning for the partnership (" + themes.get(0) + ")");
                }
                case "approve-review-override" -> {
                    f.put("overrideAgreed", random.nextDouble() < 0.7);
                    f.put("managerComment", "Synthetic comment");
                }
                case "outreach-contact" -> {
                    String outcome = random.nextDouble() < 0.7
                            ? "SUCCESSFUL"
                            : new String[] {"SEEN_NOT_ENGAGED", "NOT_FOUND", "DECLINED"}[random.nextInt(3)];
                    f.put("contactAt", now.toString());
                    f.put("contactLocation", "Synthetic youth centre");
                    f.put("contactOutcome", outcome);
                    f.put("topicsCovered", List.of("ONLINE_SAFETY"));
                    f.put("onwardReferrals", List.of());
                    f.put("contactNotes", "Synthetic contact notes");
                    f.put("proposeClosure", "SUCCESSFUL".equals(outcome) && now.isAfter(supportEnds));
                }
                case "outcome-wheel" -> {
                    wheels++;
                    for (String area : List.of(
                            "wheelSafety",
                            "wheelRelationships",
                            "wheelHealth",
                            "wheelEmotional",
                            "wheelEducation",
                            "wheelChoices")) {
                        f.put(
                                area,
                                Math.max(
                                        1,
                                        Math.min(
                                                10,
                                                2
                                                        + random.nextInt(3)
                                                        + wheels / 2
                                                        + (random.nextDouble() < 0.2 ? -2 : 0))));
                    }
                    f.put("wheelNotes", "Synthetic wheel notes");
                }
                case "police-investigation" -> {
                    policeUpdates++;
                    List<String> activities = new ArrayList<>();
                    int n = random.nextDouble() < 0.5 ? 0 : 1 + random.nextInt(2);
                    for (int i = 0; i < n; i++) {
                        String a = DISRUPTION[random.nextInt(DISRUPTION.length)];
                        if (!activities.contains(a)) {
                            activities.add(a);
                        }
                    }
                    boolean concluded = policeUpdates >= policeUpdatesToConclude;
                    f.put("investigationUpdate", "Synthetic investigation update");
                    f.put("disruptionActivities", activities);
                    f.put("investigationConcluded", concluded);
                    String outcome = concluded
                            ? new String[] {"CHARGED", "CAUTIONED", "NO_FURTHER_ACTION", "DISRUPTION_ONLY"}
                                    [random.nextInt(4)]
                            : "ONGOING";
                    f.put("investigationOutcome", outcome);
                    if ("NO_FURTHER_ACTION".equals(outcome)) {
                        f.put("nfaReason", NFA_REASONS[investigationRandom.nextInt(NFA_REASONS.length)]);
                        f.put("nfaDetail", "Synthetic reason for no further action");
                    }
                }
                case "section-47-enquiry" -> {
                    f.put(
                            "section47Outcome",
                            random.nextBoolean() ? "CHILD_IN_NEED_PLAN" : "CHILD_PROTECTION_CONFERENCE");
                    f.put("section47Notes", "Synthetic enquiry notes");
                }
                case "strategy-review" -> {
                    reviews++;
                    boolean rise = Boolean.TRUE.equals(taskService.getVariable(t.getId(), "riseAccepted"));
                    String decision = now.isAfter(supportEnds.plus(Duration.ofDays(rise ? 120 : 0))) || reviews > 8
                            ? "CLOSE"
                            : random.nextDouble() < 0.08 ? "STEP_DOWN" : "CONTINUE";
                    f.put("indicators", indicators(2));
                    f.put("disclosure", false);
                    f.put("learningDisability", false);
                    f.put("reviewDecision", decision);
                    f.put("reviewNotes", "Synthetic review notes");
                }
                case "closure-strategy" -> {
                    f.put("closureReason", CLOSURE_REASONS[random.nextInt(CLOSURE_REASONS.length)]);
                    f.put("signposting", List.of("YOUTH_SERVICE"));
                    f.put("closurePlan", "Synthetic closure plan");
                }
                case "closure-approval" -> {
                    f.put("closureApproved", random.nextDouble() < 0.9);
                    f.put("approvalComment", "Synthetic comment");
                }
                case "approve-case-closure" -> {
                    f.put("caseClosureApproved", random.nextDouble() < 0.95);
                    f.put("closureComment", "Synthetic comment");
                }
                case "approve-review-closure" -> {
                    f.put("reviewClosureApproved", random.nextDouble() < 0.95);
                    f.put("closureComment", "Synthetic comment");
                }
                default -> {}
            }
            return f;
        }

        /** A few indicators, weighted towards the common ones. */
        private List<String> indicators(int max) {
            // the CSE indicators (weighted) as before; the criminal ones come with the exploitation type
            List<Indicator> all =
                    catalogue.all().stream().filter(i -> i.weight() > 0).toList();
            List<String> codes = new ArrayList<>();
            int n = random.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                String code = all.get(Math.min(
                                all.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * all.size() / 2.5)))
                        .code();
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }
    }

    /**
     * What the police and partners record about a child's case besides the pathway's tasks (issue 17): the subjects
     * of concern linked to it (locations with coordinates within {@code pathways.profile.map.bounds} when known,
     * persons of concern, vehicles), some locations linked to several children, some raised to high concern with the
     * reason. Written straight into the subjects' tables (V17, V18), as the subjects module writes them; the
     * exploitation type comes from the screening form the walk completes.
     */
    private final class Intelligence {
        private static final String[] LOCATIONS = {"HOTEL", "TAKEAWAY", "PARK", "ADDRESS", "HOTEL", "TAKEAWAY", "OTHER"
        };
        private static final String[] PERSONS = {"SUSPECT", "ASSOCIATE"};
        private static final String[] VEHICLES = {"CAR", "TAXI", "OTHER"};
        private final Random random;
        private final Instant horizon;
        private final List<String> locations = new ArrayList<>();
        private long next;

        Intelligence(Random random, Instant horizon) {
            this.random = random;
            this.horizon = horizon;
            // after the highest SUB-nnnnnn on record, numerically: ids of other forms (the register's generated
            // subjects, SUB-G...) sort after them as text and say nothing about the numbers taken
            this.next =
                    jdbc
                                    .queryForList(
                                            "select subject_id from pw_subject where subject_id like 'SUB-%'",
                                            String.class)
                                    .stream()
                                    .filter(id -> id.matches("SUB-\\d+"))
                                    .mapToLong(id -> Long.parseLong(id.substring(4)))
                                    .max()
                                    .orElse(0)
                            + 1;
        }

        void record(String caseId, String district, Instant receivedAt) {
            // the exploitation type is recorded by the screening form the walk completed; this draw is kept so that
            // the rest of the generated intelligence stays as the seed gave it
            random.nextDouble();
            Instant at = receivedAt.plus(Duration.ofHours(2 + random.nextInt(10 * 24)));
            if (!at.isBefore(horizon)) {
                at = receivedAt.plus(Duration.between(receivedAt, horizon).dividedBy(2));
            }
            String location = null;
            if (random.nextDouble() < 0.6) {
                if (!locations.isEmpty() && random.nextDouble() < 0.4) {
                    location = locations.get(random.nextInt(locations.size()));
                } else {
                    String category = LOCATIONS[random.nextInt(LOCATIONS.length)];
                    boolean placed = random.nextDouble() < 0.85;
                    location = subject(
                            "LOCATION",
                            "Synthetic " + category.toLowerCase() + " " + letters((int) next),
                            category,
                            district,
                            placed ? bounds.get(0) + random.nextDouble() * (bounds.get(2) - bounds.get(0)) : null,
                            placed ? bounds.get(1) + random.nextDouble() * (bounds.get(3) - bounds.get(1)) : null,
                            random.nextDouble() < 0.1,
                            at);
                    locations.add(location);
                }
                link(location, caseId, null, "Synthetic: the child was seen here", at);
            }
            if (random.nextDouble() < 0.35) {
                String person = subject(
                        "PERSON",
                        "Synthetic Person " + letters((int) next),
                        PERSONS[random.nextInt(PERSONS.length)],
                        district,
                        null,
                        null,
                        true,
                        at);
                link(person, caseId, null, "Synthetic: named by the child", at);
                if (location != null) {
                    link(person, null, location, "Synthetic: seen at the location", at);
                }
            }
            if (random.nextDouble() < 0.15) {
                String vehicle = subject(
                        "VEHICLE",
                        // a registration as the subjects' rules keep it: upper case, no spaces, 2 to 8 letters and
                        // digits
                        "GN" + (10 + random.nextInt(900) % 90)
                                + (letters((int) next) + "xxx").substring(0, 3).toUpperCase(),
                        VEHICLES[random.nextInt(VEHICLES.length)],
                        district,
                        null,
                        null,
                        false,
                        at);
                link(vehicle, caseId, null, "Synthetic: the child was collected in it", at);
            }
        }

        private String subject(
                String kind,
                String label,
                String category,
                String district,
                Double latitude,
                Double longitude,
                boolean policeOnly,
                Instant at) {
            String id = String.format("SUB-%06d", next++);
            boolean high = random.nextDouble() < 0.15;
            jdbc.update(
                    """
                    insert into pw_subject (subject_id, kind, label, category, description, district, latitude, longitude,
                      police_only, concern_level, escalated_at, recorded_by, recorded_agency, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id,
                    kind,
                    label,
                    category,
                    "Synthetic description (generated)",
                    district,
                    latitude == null
                            ? null
                            : java.math.BigDecimal.valueOf(latitude).setScale(6, java.math.RoundingMode.HALF_UP),
                    longitude == null
                            ? null
                            : java.math.BigDecimal.valueOf(longitude).setScale(6, java.math.RoundingMode.HALF_UP),
                    policeOnly,
                    high ? "HIGH" : "STANDARD",
                    high ? java.sql.Timestamp.from(at) : null,
                    "gen-police-worker",
                    Agency.POLICE.groupId(),
                    java.sql.Timestamp.from(at));
            if (high) {
                // why it was raised, as Subjects.escalate keeps it: the investigator's page shows the reason
                jdbc.update(
                        """
                        insert into pw_subject_escalation (id, subject_id, reason, escalated_by, escalated_agency,
                          escalated_at) values (?, ?, ?, ?, ?, ?)""",
                        java.util.UUID.randomUUID().toString(),
                        id,
                        "Synthetic: seen with several children (generated)",
                        "gen-police-worker",
                        Agency.POLICE.groupId(),
                        java.sql.Timestamp.from(at));
            }
            return id;
        }

        private void link(String subjectId, String caseId, String otherSubjectId, String reason, Instant at) {
            jdbc.update(
                    """
                    insert into pw_subject_link (id, subject_id, case_id, other_subject_id, reason, recorded_by,
                      recorded_agency, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    java.util.UUID.randomUUID().toString(),
                    subjectId,
                    caseId,
                    otherSubjectId,
                    reason,
                    "gen-police-worker",
                    Agency.POLICE.groupId(),
                    java.sql.Timestamp.from(at));
        }
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
    }

    /** Generated staff: a worker and a manager for each agency and six RISE support workers, all synthetic. */
    private void ensureStaff() {
        for (Agency agency : Agency.values()) {
            user("gen-" + agency.groupId() + "-worker", List.of(agency.groupId()));
            user("gen-" + agency.groupId() + "-manager", List.of(agency.groupId(), agency.managersGroupId()));
        }
        for (int i = 1; i <= SUPPORT_WORKERS; i++) {
            user("gen-rise-worker-" + i, List.of(Agency.RISE.groupId()));
        }
    }

    private void user(String id, List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Generated");
            user.setLastName("Staff " + id.substring(4));
            user.setEmail(id + "@pathways.invalid");
            user.setPassword("Gen!" + java.util.UUID.randomUUID()
                    + "-Aa1"); // random, never used to sign in; meets the password policy
            identityService.saveUser(user);
        }
        for (String group : groups) {
            if (identityService
                            .createUserQuery()
                            .userId(id)
                            .memberOfGroup(group)
                            .count()
                    == 0) {
                identityService.createMembership(id, group);
            }
        }
    }

    /** Referrals arrive mostly on working days in office hours. */
    private Instant workingHours(Instant at, Random random) {
        ZonedDateTime t = at.atZone(Now.UK);
        if (random.nextDouble() < 0.85) {
            LocalDate day = t.toLocalDate();
            while (!workingDays.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            t = day.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(Now.UK);
        }
        Instant result = t.toInstant();
        return result.isAfter(Instant.now()) ? Instant.now().minusSeconds(60) : result;
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
