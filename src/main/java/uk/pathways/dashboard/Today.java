package uk.pathways.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.calendar.Now;
import uk.pathways.dashboard.KpiRepository.CaseActivity;
import uk.pathways.dashboard.KpiRepository.OpenTask;

/** An agency manager's view of today: open cases, late and escalated work, unallocated work, caseloads, quiet cases. */
@Service
@Transactional(readOnly = true)
class Today {

    static final int NO_CONTACT_WORKING_DAYS = 10;

    private final KpiRepository repository;
    private final Kpis kpis;

    Today(KpiRepository repository, Kpis kpis) {
        this.repository = repository;
        this.kpis = kpis;
    }

    Map<String, Object> of(String agency, Figures f) {
        repository.forDashboards();
        Instant now = Now.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("agency", agency);
        out.put("at", now.toString());
        out.put("smallNumbersSuppressed", f.suppresses());
        out.put("openCasesByStage", f.breakdown(Kpis.sorted(repository.openCasesBy("stage", null, agency))));
        out.put("openCasesByRisk", f.breakdown(Kpis.sorted(repository.openCasesBy("risk_level", null, agency))));

        List<OpenTask> tasks = repository.openTasks(null, agency);
        List<OpenTask> overdue =
                tasks.stream().filter(t -> Kpis.overdue(t, now)).toList();
        List<OpenTask> escalated = tasks.stream().filter(OpenTask::escalated).toList();
        List<OpenTask> ours =
                tasks.stream().filter(t -> agency.equals(Kpis.agencyOf(t))).toList();
        java.util.Set<String> ourIds =
                new java.util.HashSet<>(ours.stream().map(OpenTask::taskId).toList());
        out.put(
                "overdueTasks",
                Map.of(
                        "byAgency", f.breakdown(Kpis.sorted(Kpis.countBy(overdue, Kpis::agencyOf))),
                        "byWorker",
                                f.breakdown(Kpis.sorted(Kpis.countBy(
                                        overdue.stream()
                                                .filter(t -> ourIds.contains(t.taskId()))
                                                .toList(),
                                        Today::worker)))));
        out.put(
                "escalatedTasks",
                Map.of(
                        "byAgency", f.breakdown(Kpis.sorted(Kpis.countBy(escalated, Kpis::agencyOf))),
                        "byWorker",
                                f.breakdown(Kpis.sorted(Kpis.countBy(
                                        escalated.stream()
                                                .filter(t -> ourIds.contains(t.taskId()))
                                                .toList(),
                                        Today::worker)))));
        List<OpenTask> unallocated =
                ours.stream().filter(t -> t.assignee() == null).toList();
        Map<String, Object> unallocatedOut = new LinkedHashMap<>();
        unallocatedOut.put("tasks", f.count(unallocated.size()));
        unallocatedOut.put("byTask", f.breakdown(Kpis.sorted(Kpis.countBy(unallocated, OpenTask::taskKey))));
        unallocated.stream()
                .map(OpenTask::created)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .ifPresent(oldest -> unallocatedOut.put("oldestCreatedAt", oldest.toString()));
        out.put("unallocatedWork", unallocatedOut);

        Map<String, java.util.Set<String>> casesByWorker = new TreeMap<>();
        for (OpenTask t : ours) {
            if (t.assignee() != null) {
                casesByWorker
                        .computeIfAbsent(t.assignee(), k -> new java.util.TreeSet<>())
                        .add(t.caseId());
            }
        }
        Map<String, Long> caseload = new TreeMap<>();
        casesByWorker.forEach((worker, cases) -> caseload.put(worker, (long) cases.size()));
        out.put("caseloadByWorker", f.breakdown(caseload));

        LocalDate cutoff = kpis.workingDaysBefore(Now.today(), NO_CONTACT_WORKING_DAYS);
        Instant cutoffInstant = cutoff.plusDays(1).atStartOfDay(Now.UK).toInstant();
        List<Map<String, Object>> quiet = new ArrayList<>();
        for (CaseActivity c : repository.activityOfAgency(agency)) {
            Instant last = c.lastActivityAt() != null ? c.lastActivityAt() : c.involvedSince();
            if (last.isBefore(cutoffInstant)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("caseId", c.caseId());
                if (!f.suppresses()) {
                    row.put("child", c.childDisplayName());
                }
                row.put("stage", c.stage());
                row.put(
                        "lastContactAt",
                        c.lastActivityAt() == null
                                ? "none recorded"
                                : c.lastActivityAt().toString());
                quiet.add(row);
            }
        }
        quiet.sort(Comparator.comparing(r -> r.get("lastContactAt").toString()));
        Map<String, Object> quietOut = new LinkedHashMap<>();
        quietOut.put("noContactSince", cutoff.toString());
        quietOut.put("count", f.count(quiet.size()));
        if (!f.suppresses()) {
            quietOut.put("cases", quiet);
        }
        out.put("casesWithoutContactFor10WorkingDays", quietOut);
        return out;
    }

    private static String worker(OpenTask t) {
        return t.assignee() == null ? "unassigned" : t.assignee();
    }
}
