package uk.pathways.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.calendar.Now;
import uk.pathways.dashboard.ProfileRepository.LocationRow;
import uk.pathways.dashboard.ProfileRepository.ReferralRow;
import uk.pathways.dashboard.ProfileRepository.ScreeningRow;
import uk.pathways.dashboard.ProfileRepository.SubjectRow;
import uk.pathways.web.FieldProblem;
import uk.pathways.web.InvalidInputException;

/**
 * The problem profile (strategy action 2.1, issue 17): where children are at risk, who they are and who poses the
 * risk, when, and how, over the twelve months to a month, each figure as in docs/kpis.md. The reader's
 * {@link Figures} apply; the map's points come with it ({@link #locations}), named for the police only.
 */
@Service
@Transactional(readOnly = true)
class ProblemProfile {

    static final List<String> AGE_BANDS = List.of("UNDER_11", "11_TO_12", "13_TO_14", "15_TO_16", "17_AND_OVER");
    static final List<String> EXPLOITATION_TYPES = List.of("SEXUAL", "CRIMINAL", "BOTH", "NOT_RECORDED");
    static final List<String> KINDS = List.of("PERSON", "LOCATION", "VEHICLE");
    static final String NOT_RECORDED = "Not recorded";

    private final ProfileRepository repository;
    private final KpiRepository kpiRepository;

    ProblemProfile(ProfileRepository repository, KpiRepository kpiRepository) {
        this.repository = repository;
        this.kpiRepository = kpiRepository;
    }

    /** The twelve calendar months ending with {@code to} (YYYY-MM; the current month when blank). */
    record Period(YearMonth first, YearMonth last) {
        public Instant start() {
            return first.atDay(1).atStartOfDay(Now.UK).toInstant();
        }

        public Instant end() {
            return last.plusMonths(1).atDay(1).atStartOfDay(Now.UK).toInstant();
        }

        public LocalDate from() {
            return first.atDay(1);
        }

        public LocalDate to() {
            return last.atEndOfMonth();
        }

        public List<YearMonth> months() {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(m);
            }
            return months;
        }

        static Period parse(String to) {
            if (to == null || to.isBlank()) {
                YearMonth now = YearMonth.from(Now.today());
                return new Period(now.minusMonths(11), now);
            }
            try {
                YearMonth last = YearMonth.parse(to.strip());
                if (last.getYear() < 2000 || last.getYear() > 2100) {
                    throw new DateTimeParseException("out of range", to, 0);
                }
                return new Period(last.minusMonths(11), last);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        "to", "The last month of the profile must be a month like 2026-11 (YYYY-MM), 2000 to 2100")));
            }
        }
    }

    /** The profile's figures, nested by question (where, who, when, how), as shown to this reader. */
    Map<String, Object> compute(Period p, Figures f) {
        kpiRepository.forDashboards();
        Instant start = p.start();
        Instant end = p.end();
        List<ReferralRow> referrals = repository.referrals(start, end);
        List<ScreeningRow> screenings = repository.screenings(start, end);
        List<SubjectRow> subjects = repository.subjects(start, end);
        List<LocationRow> locations = repository.locationsLinked(start, end);

        // each child once, with their latest referral in the period
        Map<String, ReferralRow> children = new HashMap<>();
        for (ReferralRow r : referrals) {
            children.merge(r.caseId(), r, (a, b) -> a.receivedAt().isAfter(b.receivedAt()) ? a : b);
        }
        List<ReferralRow> childRows = new ArrayList<>(children.values());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        out.put("generatedAt", Now.instant().toString());
        out.put("smallNumbersSuppressed", f.suppresses());

        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("referrals", f.count(referrals.size()));
        totals.put("children", f.count(childRows.size()));
        totals.put("screenings", f.count(screenings.size()));
        totals.put("locationsLinkedToCases", f.count(locations.size()));
        totals.put("newSubjects", f.count(subjects.size()));
        out.put("totals", totals);

        Map<String, Object> where = new LinkedHashMap<>();
        where.put("childrenByDistrict", f.breakdown(sorted(count(childRows, r -> orNot(r.district())))));
        where.put("locationsByDistrict", f.breakdown(sorted(count(locations, l -> orNot(l.district())))));
        where.put("locationsByCategory", f.breakdown(sorted(count(locations, LocationRow::category))));
        out.put("where", where);

        Map<String, Object> who = new LinkedHashMap<>();
        who.put("childrenByAgeBand", f.breakdown(ordered(count(childRows, r -> ageBand(r.age())), AGE_BANDS)));
        who.put(
                "childrenByGender",
                f.breakdown(sorted(count(childRows, r -> r.gender() == null ? "NOT_RECORDED" : r.gender()))));
        who.put(
                "childrenLookedAfter",
                f.breakdown(ordered(
                        count(childRows, r -> r.lookedAfter() ? "LOOKED_AFTER" : "NOT_LOOKED_AFTER"),
                        List.of("LOOKED_AFTER", "NOT_LOOKED_AFTER"))));
        who.put("newSubjectsByKind", f.breakdown(ordered(count(subjects, SubjectRow::kind), KINDS)));
        out.put("who", who);

        Map<String, Object> when = new LinkedHashMap<>();
        when.put("referralsByMonth", f.breakdown(byMonth(p, referrals, ReferralRow::receivedAt)));
        when.put("newSubjectsByMonth", f.breakdown(byMonth(p, subjects, SubjectRow::recordedAt)));
        out.put("when", when);

        Map<String, Long> indicators = new HashMap<>();
        for (ScreeningRow s : screenings) {
            if (s.indicators() != null && !s.indicators().isBlank()) {
                for (String code : s.indicators().split(",")) {
                    if (!code.isBlank()) {
                        indicators.merge(code.strip(), 1L, Long::sum);
                    }
                }
            }
        }
        Map<String, Object> how = new LinkedHashMap<>();
        how.put("indicatorsAtScreening", f.breakdown(byCount(indicators)));
        how.put(
                "exploitationTypeAtScreening",
                f.breakdown(ordered(
                        count(screenings, s -> s.exploitationType() == null ? "NOT_RECORDED" : s.exploitationType()),
                        EXPLOITATION_TYPES)));
        out.put("how", how);
        return out;
    }

    /**
     * The locations of concern linked to cases in the period, for the map and its table. The police see each
     * location by name; the board sees no name and no police-only location, only areas of about a kilometre
     * (coordinates to 2 decimal places) with the number of locations in each, small numbers suppressed.
     */
    List<Location> locations(Period p, Figures f, boolean police) {
        List<LocationRow> rows = repository.locationsLinked(p.start(), p.end());
        List<Location> out = new ArrayList<>();
        if (police) {
            for (LocationRow l : rows) {
                out.add(new Location(
                        l.label(),
                        l.category(),
                        l.district(),
                        l.latitude(),
                        l.longitude(),
                        String.valueOf(f.count(l.cases())),
                        l.subjectId()));
            }
            return out;
        }
        Map<String, Long> areas = new TreeMap<>();
        Map<String, BigDecimal[]> where = new HashMap<>();
        for (LocationRow l : rows) {
            if (l.policeOnly() || l.latitude() == null || l.longitude() == null) {
                continue;
            }
            BigDecimal lat = l.latitude().setScale(2, RoundingMode.HALF_UP);
            BigDecimal lon = l.longitude().setScale(2, RoundingMode.HALF_UP);
            String key = lat.toPlainString() + "," + lon.toPlainString();
            areas.merge(key, 1L, Long::sum);
            where.put(key, new BigDecimal[] {lat, lon});
        }
        areas.forEach((key, n) -> out.add(new Location(
                "Area around " + key,
                null,
                null,
                where.get(key)[0],
                where.get(key)[1],
                String.valueOf(f.count(n)),
                null)));
        return out;
    }

    /**
     * A point of the map: a location (police) or an area (the board), with the number of cases linked (police) or
     * of locations in the area (the board), as shown to the reader.
     */
    record Location(
            String name,
            String category,
            String district,
            BigDecimal latitude,
            BigDecimal longitude,
            String count,
            String subjectId) {
        public boolean placed() {
            return latitude != null && longitude != null;
        }
    }

    static String ageBand(int age) {
        if (age <= 10) {
            return "UNDER_11";
        }
        if (age >= 17) {
            return "17_AND_OVER";
        }
        int low = age % 2 == 1 ? age : age - 1;
        return low + "_TO_" + (low + 1);
    }

    private static String orNot(String value) {
        return value == null || value.isBlank() ? NOT_RECORDED : value;
    }

    private static <T> Map<String, Long> count(List<T> rows, java.util.function.Function<T, String> key) {
        return Kpis.countBy(rows, key);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }

    /** Every key of {@code order} (zero when absent), then any other key in order. */
    private static Map<String, Long> ordered(Map<String, Long> counts, List<String> order) {
        Map<String, Long> out = new LinkedHashMap<>();
        order.forEach(k -> out.put(k, counts.getOrDefault(k, 0L)));
        new TreeMap<>(counts).forEach(out::putIfAbsent);
        return out;
    }

    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static <T> Map<String, Long> byMonth(Period p, List<T> rows, java.util.function.Function<T, Instant> at) {
        Map<String, Long> out = new LinkedHashMap<>();
        p.months().forEach(m -> out.put(m.toString(), 0L));
        for (T row : rows) {
            out.merge(YearMonth.from(at.apply(row).atZone(Now.UK)).toString(), 1L, Long::sum);
        }
        return out;
    }
}
