package uk.pathways.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds cases by name, date of birth or reference. The answer is only who and which agencies. */
@Component
public class CaseSearch {

    public record Found(String caseId, String firstName, String lastName, LocalDate dateOfBirth, String status,
                        List<String> involvedAgencies) {
    }

    private final JdbcTemplate jdbc;
    private final CaseFile caseFile;

    CaseSearch(JdbcTemplate jdbc, CaseFile caseFile) {
        this.jdbc = jdbc;
        this.caseFile = caseFile;
    }

    @Transactional(readOnly = true)
    public List<Found> find(String name, LocalDate dateOfBirth, String reference) {
        StringBuilder sql = new StringBuilder("select distinct c.case_id, c.first_name, c.last_name, c.date_of_birth, c.status "
                + "from pw_case c left join pw_referral r on r.case_id = c.case_id where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            for (String part : name.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                sql.append(" and (lower(c.first_name) like ? or lower(c.last_name) like ?)");
                args.add(part + "%");
                args.add(part + "%");
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
        return jdbc.query(sql.toString(), (rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), caseFile.involvedAgencies(rs.getString(1))), args.toArray())
                .stream().limit(50).toList();
    }
}
