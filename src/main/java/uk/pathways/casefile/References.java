package uk.pathways.casefile;

import java.time.Year;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.pathways.calendar.Now;

/**
 * Issues references such as {@code REF-2026-000123}: a prefix, the year, and a number that starts
 * again each year. The counter row is locked by the update inside the caller's transaction, so two
 * nodes never issue the same number, and a rolled-back referral gives its number back.
 */
@Component
public class References {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    References(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String prefix) {
        int year = Year.from(Now.today()).getValue();
        return String.format("%s-%d-%06d", prefix, year, nextValue(prefix, year));
    }

    private long nextValue(String prefix, int year) {
        if (increment(prefix, year) == 0) {
            createCounter(prefix, year);
            increment(prefix, year);
        }
        return jdbc.queryForObject(
                "select last_value from pw_reference_counter where prefix = ? and ref_year = ?",
                Long.class,
                prefix,
                year);
    }

    private int increment(String prefix, int year) {
        return jdbc.update(
                "update pw_reference_counter set last_value = last_value + 1 where prefix = ? and ref_year = ?",
                prefix,
                year);
    }

    /** The year's first number: its own transaction, so a race with another node cannot spoil the caller's. */
    private void createCounter(String prefix, int year) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into pw_reference_counter (prefix, ref_year, last_value) values (?, ?, 0)", prefix, year));
        } catch (DataIntegrityViolationException createdByAnotherNode) {
            // the row exists now, which is all we need
        }
    }
}
