package uk.pathways.dashboard.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.pathways.casefile.CaseAccess;
import uk.pathways.subjects.NewSubject;
import uk.pathways.subjects.Subject;
import uk.pathways.subjects.Subjects;

/**
 * Subjects of concern for the synthetic history, recorded through {@link Subjects} as the generated police worker
 * would (so need to know and audit hold as for anyone): about three in ten cases the police are involved in get a
 * location of their district (often one already linked to other children), some a person or a vehicle; now and then a
 * location's concern is raised to high. Every label is synthetic ("Synthetic ...").
 */
@Component
class SyntheticSubjects {

    private static final Logger log = LoggerFactory.getLogger(SyntheticSubjects.class);
    static final String POLICE = "gen-police-worker";
    private static final String DOOR = "API";
    private static final String[] PLACES = {"ADDRESS", "HOTEL", "TAKEAWAY", "PARK", "OTHER"};
    /** Where the demo's districts are, roughly: a location's coordinates fall near here. */
    private static final double LATITUDE = 52.35;

    private static final double LONGITUDE = -0.75;

    private final Subjects subjects;
    private final CaseAccess access;
    private final Map<String, List<String>> places = new HashMap<>();
    private final List<String> persons = new ArrayList<>();
    private int made;

    SyntheticSubjects(Subjects subjects, CaseAccess access) {
        this.subjects = subjects;
        this.access = access;
    }

    /** A new history: subjects are shared between the children of one run only. */
    void start() {
        places.clear();
        persons.clear();
    }

    /** Perhaps some subjects linked to the child's case; never lets a walk fail. */
    void of(String caseId, String district, String run, Random random) {
        if (caseId == null || random.nextDouble() >= 0.3) {
            return;
        }
        try {
            if (!access.mayRead(POLICE, caseId)) {
                return;
            }
            List<String> known = places.computeIfAbsent(district, d -> new ArrayList<>());
            String place;
            if (known.size() < 3 || random.nextDouble() < 0.3) {
                String category = PLACES[random.nextInt(PLACES.length)];
                boolean located = random.nextDouble() < 0.7;
                place = subjects.record(
                                new NewSubject(
                                        Subject.LOCATION,
                                        category,
                                        "Synthetic " + category.toLowerCase(java.util.Locale.ROOT) + " " + run + "-"
                                                + (++made) + ", " + district,
                                        null,
                                        district,
                                        located ? near(LATITUDE, random) : null,
                                        located ? near(LONGITUDE, random) : null,
                                        null,
                                        caseId,
                                        "Synthetic: the child was seen there (generated)"),
                                POLICE,
                                DOOR)
                        .subjectId();
                known.add(place);
            } else {
                place = known.get(random.nextInt(known.size()));
                subjects.linkToCase(place, caseId, "Synthetic: the child was seen there (generated)", POLICE, DOOR);
            }
            if (random.nextDouble() < 0.4) {
                if (persons.size() < 5 || random.nextDouble() < 0.3) {
                    persons.add(subjects.record(
                                    new NewSubject(
                                            Subject.PERSON,
                                            random.nextBoolean() ? "SUSPECT" : "ASSOCIATE",
                                            "Synthetic Person " + run + "-" + (++made),
                                            null,
                                            district,
                                            null,
                                            null,
                                            null,
                                            caseId,
                                            "Synthetic: in contact with the child (generated)"),
                                    POLICE,
                                    DOOR)
                            .subjectId());
                } else {
                    subjects.linkToCase(
                            persons.get(random.nextInt(persons.size())),
                            caseId,
                            "Synthetic: in contact with the child (generated)",
                            POLICE,
                            DOOR);
                }
            }
            if (random.nextDouble() < 0.15) {
                subjects.record(
                        new NewSubject(
                                Subject.VEHICLE,
                                random.nextBoolean() ? "CAR" : "TAXI",
                                "SY" + (10 + random.nextInt(80)) + "G" + (char) ('A' + random.nextInt(26))
                                        + (char) ('A' + random.nextInt(26)),
                                "Synthetic vehicle (generated)",
                                district,
                                null,
                                null,
                                null,
                                caseId,
                                "Synthetic: collected the child (generated)"),
                        POLICE,
                        DOOR);
            }
            if (random.nextDouble() < 0.1) {
                subjects.escalate(place, "Synthetic: more children seen there (generated)", POLICE, DOOR);
            }
        } catch (RuntimeException e) {
            // already high, or a case the police left: the history goes on without it
            log.debug("Synthetic subjects of {} stopped: {}", caseId, e.getMessage());
        }
    }

    private static BigDecimal near(double centre, Random random) {
        return BigDecimal.valueOf(centre + (random.nextDouble() - 0.5) * 0.4)
                .setScale(6, java.math.RoundingMode.HALF_UP);
    }
}
