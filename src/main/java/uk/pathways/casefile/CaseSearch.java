package uk.pathways.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.pathways.agency.Actors;
import uk.pathways.agency.Agency;

/** Finds cases by name, date of birth or reference. The answer is only who and which agencies. */
@Component
public class CaseSearch {

    public record Found(
            String caseId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String status,
            List<String> involvedAgencies) {}

    private final JdbcTemplate jdbc;
    private final CaseFile caseFile;
    private final Actors actors;
    private final ApplicationEventPublisher events;

    CaseSearch(JdbcTemplate jdbc, CaseFile caseFile, Actors actors, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.caseFile = caseFile;
        this.actors = actors;
        this.events = events;
    }

    /**
     * The search of a user at a door: refused to the performance group (figures, never names), audited with its terms
     * and the cases it found.
     */
    @Transactional(readOnly = true)
    public List<Found> find(String userId, String door, String name, LocalDate dateOfBirth, String reference) {
        Set<String> groups = actors.groupsOf(userId);
        if (groups.contains(Agency.PERFORMANCE)
                && actors.agenciesOf(userId).isEmpty()
                && !groups.contains(Agency.CAMUNDA_ADMIN)) {
            throw new AccessDeniedException(
                    "The performance group reads figures, never names: it does not search for cases");
        }
        List<Found> found = find(name, dateOfBirth, reference);
        String terms = (name == null || name.isBlank() ? "" : "name=" + name.strip() + " ")
                + (dateOfBirth == null ? "" : "dateOfBirth=" + dateOfBirth + " ")
                + (reference == null || reference.isBlank() ? "" : "reference=" + reference.strip());
        events.publishEvent(new CaseSearched(
                userId,
                actors.agenciesOf(userId).stream().findFirst().orElse(null),
                door,
                terms.strip(),
                found.stream().map(Found::caseId).toList()));
        return found;
    }

    @Transactional(readOnly = true)
    List<Found> find(String name, LocalDate dateOfBirth, String reference) {
        StringBuilder sql =
                new StringBuilder("select distinct c.case_id, c.first_name, c.last_name, c.date_of_birth, c.status "
                        + "from pw_case c left join pw_referral r on r.case_id = c.case_id where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            for (String part : name.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                // % and _ are letters a name may not hold, but a search may: they match only themselves
                sql.append(" and (lower(c.first_name) like ? escape '!' or lower(c.last_name) like ? escape '!')");
                String literal = part.replace("!", "!!").replace("%", "!%").replace("_", "!_");
                args.add(literal + "%");
                args.add(literal + "%");
            }
        }
        if (dateOfBirth != null) {
            sql.append(" and c.date_of_birth = ?");
            args.add(dateOfBirth);
        }
        if (reference != null && !reference.isBlank()) {
            sql.append(" and (c.case_id = ? or r.reference = ?)");
            args.add(reference.strip());
            args.add(reference.strip());
        }
        if (args.isEmpty()) {
            return List.of();
        }
        sql.append(" order by c.last_name, c.first_name");
        return jdbc
                .query(
                        sql.toString(),
                        (rs, i) -> new Found(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getString(5),
                                caseFile.involvedAgencies(rs.getString(1))),
                        args.toArray())
                .stream()
                .limit(50)
                .toList();
    }
}
