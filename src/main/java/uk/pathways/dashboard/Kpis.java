package uk.pathways.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Now;
import uk.pathways.calendar.WorkingDays;
import uk.pathways.dashboard.KpiRepository.OpenTask;
import uk.pathways.dashboard.KpiRepository.ReferralRow;
import uk.pathways.dashboard.KpiRepository.ScreeningRow;
import uk.pathways.dashboard.KpiRepository.ThresholdRow;
import uk.pathways.dashboard.KpiRepository.WheelRow;

/**
 * The KPIs of issue #7, each documented in docs/kpis.md (meaning, formula, source). Figures about "now"
 * (open cases, open tasks) are read at the moment of the request; every other figure is about the period.
 */
@Service
@Transactional(readOnly = true)
public class Kpis {

    private static final List<String> RISK_ORDER = List.of("HIGH", "MEDIUM", "LOW", "NONE", "NOT_YET_SCREENED");
    private static final List<String> STAGE_ORDER =
            List.of("SCREENING", "EARLY_HELP", "STRATEGY_MEETING", "SUPPORT", "CLOSURE");

    private final KpiRepository repository;
    private final WorkingDays workingDays;
    private final ObjectProvider<MissingFigures> missing;

    Kpis(KpiRepository repository, WorkingDays workingDays, ObjectProvider<MissingFigures> missing) {
        this.repository = repository;
        this.workingDays = workingDays;
        this.missing = missing;
    }

    MissingFigures missing() {
        return missing.orderedStream().findFirst().orElseThrow();
    }

    Map<String, Object> compute(KpiPeriod p, Figures f) {
        repository.forDashboards();
        Instant now = Now.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        if (p.district() != null) {
            out.put("district", p.district());
        }
        if (p.agency() != null) {
            out.put("agency", p.agency());
        }
        out.put("generatedAt", now.toString());
        out.put("smallNumbersSuppressed", f.suppresses());

        out.put(
                "openCasesByStage",
                f.breakdown(ordered(repository.openCasesBy("stage", p.district(), p.agency()), STAGE_ORDER)));
        out.put(
                "openCasesByRisk",
                f.breakdown(ordered(repository.openCasesBy("risk_level", p.district(), p.agency()), RISK_ORDER)));

        List<OpenTask> tasks = repository.openTasks(p.district(), p.agency());
        out.put(
                "overdueTasksByAgency",
                f.breakdown(sorted(
                        countBy(tasks.stream().filter(t -> overdue(t, now)).toList(), Kpis::agencyOf))));
        out.put(
                "escalationsByAgency",
                f.breakdown(sorted(regroup(repository.escalationsByGroup(p), Kpis::agencyOfGroup))));

        List<ReferralRow> referrals = repository.referrals(p);
        out.put("referralsByMonth", referralsByMonth(p, referrals, f));
        out.put("screeningWithinOneWorkingDayPercent", screeningTimeliness(referrals, now, f));
        out.put(
                "strategyMeetingsInTimePercent",
                strategyMeetingTimeliness(repository.strategyMeetingDecisions(p), now, f));

        MissingFigures missingFigures = missing();
        var unavailable = missingFigures.unavailableBecause();
        if (unavailable.isPresent()) {
            out.put("rhiWithin72HoursPercent", Map.of("available", false, "reason", unavailable.get()));
            out.put("repeatMissingChildren", Map.of("available", false, "reason", unavailable.get()));
        } else {
            out.put(
                    "rhiWithin72HoursPercent",
                    rhiTimeliness(
                            missingFigures.returnsInPeriod(p.start(), p.end(), p.district(), p.agency()), now, f));
            Map<String, String> repeat = MissingFigures.repeatMissingChildren(
                    missingFigures.episodes(
                            p.start().minus(java.time.Duration.ofDays(90)), p.end(), p.district(), p.agency()),
                    p.start(),
                    p.end());
            Map<String, Object> repeatOut = new LinkedHashMap<>();
            repeatOut.put("children", f.count(repeat.size()));
            repeatOut.put(
                    "byDistrict", f.breakdown(sorted(countBy(new ArrayList<>(repeat.values()), Function.identity()))));
            out.put("repeatMissingChildren", repeatOut);
        }

        List<ScreeningRow> screenings = repository.screenings(p);
        out.put(
                "riskLevelsAtScreening",
                f.breakdown(ordered(
                        countBy(screenings, s -> s.riskLevel() == null ? "NOT_RECORDED" : s.riskLevel()), RISK_ORDER)));
        // professional judgements that differed from the threshold, and how MASH managers answered them
        out.put("professionalJudgements", f.breakdown(sorted(repository.judgementsByAnswer(p))));
        Map<String, Object> closures = new LinkedHashMap<>(f.breakdown(sorted(repository.closuresByOutcome(p))));
        closures.put("afterSupportByClosureReason", f.breakdown(sorted(repository.closureStrategyReasons(p))));
        out.put("closuresByReason", closures);

        Map<String, Object> disruption = new LinkedHashMap<>();
        disruption.put("policeInvestigationUpdates", f.count(repository.entries("police-investigation", p)));
        disruption.put("childrenWithDisruptionActivity", f.count(repository.casesWithFact(TaskFacts.DISRUPTION, p)));
        disruption.put("byActivity", f.breakdown(sorted(repository.factsByValue(TaskFacts.DISRUPTION, p))));
        out.put("disruptionActivity", disruption);

        out.put("riseCaseload", riseCaseload(p, tasks, f));
        out.put("outcomeWheelChange", outcomeWheelChange(repository.outcomeWheels(p), f));
        out.put(
                "problemProfileByDistrict",
                problemProfile(p, referrals, screenings, missingFigures, unavailable.isEmpty(), f));
        return out;
    }

    // --- timeliness

    /** Due one working day after the referral, at the same time of day (bank holidays are not working days). */
    Instant screeningDue(Instant receivedAt) {
        return workingDays.addWorkingDays(receivedAt.atZone(Now.UK), 1).toInstant();
    }

    /** Due 1 working day (urgent) or 3 working days (standard) after the threshold decision. */
    Instant strategyMeetingDue(Instant decidedAt, String pathway) {
        int days = "URGENT_STRATEGY_MEETING".equals(pathway) ? 1 : 3;
        return workingDays.addWorkingDays(decidedAt.atZone(Now.UK), days).toInstant();
    }

    private Map<String, Object> screeningTimeliness(List<ReferralRow> referrals, Instant now, Figures f) {
        long met = 0, total = 0, pending = 0;
        for (ReferralRow r : referrals) {
            if (!r.screened()) {
                continue;
            }
            Instant due = screeningDue(r.receivedAt());
            switch (timeliness(r.screenedAt(), due, now)) {
                case IN_TIME -> {
                    met++;
                    total++;
                }
                case LATE -> total++;
                case PENDING -> pending++;
            }
        }
        return f.rate(met, total, pending);
    }

    private Map<String, Object> strategyMeetingTimeliness(List<ThresholdRow> decisions, Instant now, Figures f) {
        long met = 0, total = 0, pending = 0;
        Map<String, long[]> byPathway = new TreeMap<>();
        for (ThresholdRow d : decisions) {
            long[] counts = byPathway.computeIfAbsent(d.pathway(), k -> new long[3]);
            switch (timeliness(d.meetingHeldAt(), strategyMeetingDue(d.decidedAt(), d.pathway()), now)) {
                case IN_TIME -> {
                    met++;
                    total++;
                    counts[0]++;
                    counts[1]++;
                }
                case LATE -> {
                    total++;
                    counts[1]++;
                }
                case PENDING -> {
                    pending++;
                    counts[2]++;
                }
            }
        }
        Map<String, Object> out = f.rate(met, total, pending);
        Map<String, Object> split = new LinkedHashMap<>();
        byPathway.forEach((pathway, c) -> split.put(pathway, f.rate(c[0], c[1], c[2])));
        out.put("byPathway", split);
        return out;
    }

    private Map<String, Object> rhiTimeliness(List<MissingFigures.ReturnInterview> returns, Instant now, Figures f) {
        long met = 0, total = 0, pending = 0;
        for (MissingFigures.ReturnInterview r : returns) {
            switch (MissingFigures.rhiTimeliness(r.returnedAt(), r.interviewedAt(), now, MissingFigures.RHI_CLOCK)) {
                case IN_TIME -> {
                    met++;
                    total++;
                }
                case LATE -> total++;
                case PENDING -> pending++;
            }
        }
        return f.rate(met, total, pending);
    }

    private static MissingFigures.Timeliness timeliness(Instant doneAt, Instant due, Instant now) {
        if (doneAt != null) {
            return doneAt.isAfter(due) ? MissingFigures.Timeliness.LATE : MissingFigures.Timeliness.IN_TIME;
        }
        return now.isAfter(due) ? MissingFigures.Timeliness.LATE : MissingFigures.Timeliness.PENDING;
    }

    // --- volumes

    private Map<String, Object> referralsByMonth(KpiPeriod p, List<ReferralRow> referrals, Figures f) {
        Map<YearMonth, List<ReferralRow>> byMonth = referrals.stream()
                .collect(
                        Collectors.groupingBy(r -> YearMonth.from(r.receivedAt().atZone(Now.UK))));
        Map<String, Object> out = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
            List<ReferralRow> rows = byMonth.getOrDefault(m, List.of());
            Map<String, Object> month = new LinkedHashMap<>();
            month.put("total", f.count(rows.size()));
            month.put("byReferringAgency", f.breakdown(sorted(countBy(rows, ReferralRow::referrerAgency))));
            month.put(
                    "byDistrict",
                    f.breakdown(sorted(countBy(rows, r -> r.district() == null ? "Not recorded" : r.district()))));
            out.put(m.toString(), month);
        }
        return out;
    }

    private Map<String, Object> riseCaseload(KpiPeriod p, List<OpenTask> tasks, Figures f) {
        Map<String, String> supportedBy = new TreeMap<>();
        long awaiting = 0;
        for (OpenTask t : tasks) {
            if ("outreach-contact".equals(t.taskKey())) {
                supportedBy.put(t.caseId(), t.assignee() == null ? "unassigned" : t.assignee());
            }
            if ("allocate-support-worker".equals(t.taskKey())) {
                awaiting++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("childrenSupportedNow", f.count(supportedBy.size()));
        out.put("awaitingASupportWorkerNow", f.count(awaiting));
        out.put("acceptedInPeriod", f.count(repository.riseAccepted(p)));
        out.put(
                "bySupportWorkerNow",
                f.breakdown(sorted(countBy(new ArrayList<>(supportedBy.values()), Function.identity()))));
        return out;
    }

    /** For each child with an outcome wheel in the period: the first wheel ever against the latest by the period's end. */
    private Map<String, Object> outcomeWheelChange(List<WheelRow> wheels, Figures f) {
        Map<String, List<WheelRow>> byChild = wheels.stream().collect(Collectors.groupingBy(WheelRow::caseId));
        long improved = 0, same = 0, worse = 0, compared = 0;
        double firstSum = 0, latestSum = 0;
        for (List<WheelRow> list : byChild.values()) {
            if (list.size() < 2) {
                continue;
            }
            list.sort(Comparator.comparing(WheelRow::recordedAt));
            int first = list.get(0).total();
            int latest = list.get(list.size() - 1).total();
            compared++;
            firstSum += first;
            latestSum += latest;
            if (latest > first) {
                improved++;
            } else if (latest == first) {
                same++;
            } else {
                worse++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("childrenWithAWheelInPeriod", f.count(byChild.size()));
        out.put("childrenWithTwoOrMoreWheels", f.count(compared));
        Map<String, Long> direction = new LinkedHashMap<>();
        direction.put("improved", improved);
        direction.put("same", same);
        direction.put("worse", worse);
        out.put("change", f.breakdown(direction));
        out.put("averageFirstScore", f.average(firstSum, compared));
        out.put("averageLatestScore", f.average(latestSum, compared));
        out.put("averageChange", f.average(latestSum - firstSum, compared));
        out.put("scale", "sum of the 6 outcome wheel areas, each 1 (worst) to 10 (best): 6 to 60");
        return out;
    }

    private Map<String, Object> problemProfile(
            KpiPeriod p,
            List<ReferralRow> referrals,
            List<ScreeningRow> screenings,
            MissingFigures missingFigures,
            boolean missingAvailable,
            Figures f) {
        Map<String, Long> referralsByDistrict =
                countBy(referrals, r -> r.district() == null ? "Not recorded" : r.district());
        Map<String, List<ScreeningRow>> screeningsByDistrict = screenings.stream()
                .collect(Collectors.groupingBy(s -> s.district() == null ? "Not recorded" : s.district()));
        Map<String, Long> meetings = repository.strategyMeetingsHeldByDistrict(p);
        Map<String, Long> open = p.district() == null
                ? repository.openCasesByDistrict(p.agency())
                : Map.of(
                        p.district(),
                        repository.openCasesBy("status", p.district(), p.agency()).values().stream()
                                .mapToLong(Long::longValue)
                                .sum());
        Map<String, Long> episodes = new HashMap<>();
        if (missingAvailable) {
            for (MissingFigures.Episode e : missingFigures.episodes(p.start(), p.end(), p.district(), p.agency())) {
                episodes.merge(e.district() == null ? "Not recorded" : e.district(), 1L, Long::sum);
            }
        }
        TreeMap<String, Object> out = new TreeMap<>();
        java.util.Set<String> districts = new java.util.TreeSet<>();
        districts.addAll(referralsByDistrict.keySet());
        districts.addAll(screeningsByDistrict.keySet());
        districts.addAll(meetings.keySet());
        districts.addAll(open.keySet());
        districts.addAll(episodes.keySet());
        for (String district : districts) {
            List<ScreeningRow> rows = screeningsByDistrict.getOrDefault(district, List.of());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("referrals", f.count(referralsByDistrict.getOrDefault(district, 0L)));
            d.put(
                    "screenedMediumOrHighRisk",
                    f.count(rows.stream()
                            .filter(s -> "MEDIUM".equals(s.riskLevel()) || "HIGH".equals(s.riskLevel()))
                            .count()));
            d.put("strategyMeetingsHeld", f.count(meetings.getOrDefault(district, 0L)));
            d.put("openCasesNow", f.count(open.getOrDefault(district, 0L)));
            if (missingAvailable) {
                d.put("missingEpisodes", f.count(episodes.getOrDefault(district, 0L)));
            }
            Map<String, Long> indicators = new HashMap<>();
            for (ScreeningRow s : rows) {
                if (s.indicators() != null && !s.indicators().isBlank()) {
                    for (String code : s.indicators().split(",")) {
                        indicators.merge(code.strip(), 1L, Long::sum);
                    }
                }
            }
            d.put("commonestIndicatorsAtScreening", f.breakdown(top(indicators, 3)));
            out.put(district, d);
        }
        return new LinkedHashMap<>(out);
    }

    // --- helpers

    static boolean overdue(OpenTask t, Instant now) {
        return t.due() != null && t.due().isBefore(now);
    }

    /** The agency whose work a task is: its first candidate group's agency ({@code police-managers} is police). */
    static String agencyOf(OpenTask t) {
        return t.groups().stream().map(Kpis::agencyOfGroup).findFirst().orElse("unassigned");
    }

    static String agencyOfGroup(String group) {
        return Agency.ofGroup(group).map(Agency::groupId).orElse(group);
    }

    static <T> Map<String, Long> countBy(List<T> rows, Function<T, String> key) {
        Map<String, Long> counts = new HashMap<>();
        for (T row : rows) {
            counts.merge(key.apply(row), 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> regroup(Map<String, Long> counts, Function<String, String> key) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((k, v) -> out.merge(key.apply(k), v, Long::sum));
        return out;
    }

    static Map<String, Long> sorted(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }

    private static Map<String, Long> ordered(Map<String, Long> counts, List<String> order) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String key : order) {
            if (counts.containsKey(key)) {
                out.put(key, counts.get(key));
            }
        }
        new TreeMap<>(counts).forEach(out::putIfAbsent);
        return out;
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The working day {@code days} working days before {@code date}. */
    LocalDate workingDaysBefore(LocalDate date, int days) {
        LocalDate d = date;
        int counted = 0;
        while (counted < days) {
            d = d.minusDays(1);
            if (workingDays.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    ZonedDateTime nowInUk() {
        return Now.instant().atZone(Now.UK);
    }
}
