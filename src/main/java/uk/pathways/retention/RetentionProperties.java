package uk.pathways.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The retention schedule ({@code pathways.retention}, docs/data-protection.md). Each class of record is kept for a
 * period after the case closed and, where set, until the child's birthday of an age, whichever is later. The nightly
 * job only reports what is due until {@code erase} is switched on by the data protection officer's decision.
 */
@ConfigurationProperties("pathways.retention")
public class RetentionProperties {

    /** Off: the nightly job writes the dry-run report only. On: it erases what is due and not held. */
    private boolean erase = false;

    /** When the nightly job runs (Spring cron, UK time). */
    private String cron = "0 30 2 * * *";

    /** How long audit rows are kept (at least a year), whatever the case. */
    private Period auditRows = Period.ofYears(7);

    private final Map<RecordClass, Rule> rules = new EnumMap<>(RecordClass.class);

    public RetentionProperties() {
        rules.put(RecordClass.LOOKED_AFTER_CHILD, new Rule(Period.ZERO, 75));
        rules.put(RecordClass.CSE_CASE, new Rule(Period.ofYears(6), 25));
        rules.put(RecordClass.MISSING_EPISODES, new Rule(Period.ofYears(6), 25));
    }

    public boolean isErase() {
        return erase;
    }

    public void setErase(boolean erase) {
        this.erase = erase;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public Period getAuditRows() {
        return auditRows;
    }

    public void setAuditRows(Period auditRows) {
        this.auditRows = auditRows;
    }

    public Map<RecordClass, Rule> getRules() {
        return rules;
    }

    Rule rule(RecordClass recordClass) {
        return rules.get(recordClass);
    }

    /** A class of record's rule: kept {@code afterClosure}, and until the child is {@code untilAge} if set. */
    public static class Rule {

        private Period afterClosure = Period.ofYears(6);
        private Integer untilAge;

        public Rule() {}

        Rule(Period afterClosure, Integer untilAge) {
            this.afterClosure = afterClosure;
            this.untilAge = untilAge;
        }

        public Period getAfterClosure() {
            return afterClosure;
        }

        public void setAfterClosure(Period afterClosure) {
            this.afterClosure = afterClosure;
        }

        public Integer getUntilAge() {
            return untilAge;
        }

        public void setUntilAge(Integer untilAge) {
            this.untilAge = untilAge;
        }

        /** The day the record may go: the later of closure plus the period and the birthday, if any. */
        LocalDate dueOn(LocalDate closedOn, LocalDate dateOfBirth) {
            LocalDate afterClosed = closedOn.plus(afterClosure);
            return Optional.ofNullable(untilAge)
                    .map(age -> dateOfBirth.plusYears(age))
                    .filter(birthday -> birthday.isAfter(afterClosed))
                    .orElse(afterClosed);
        }

        /** The rule in words, as the tombstone and the report give it. */
        String words() {
            String after = afterClosure.isZero() ? null : "Kept " + span(afterClosure) + " after the case closed";
            String age = untilAge == null ? null : "until the child's " + ordinal(untilAge) + " birthday";
            if (after == null) {
                return age == null ? "Erased once the case has closed" : "Kept " + age;
            }
            return age == null ? after : after + " and " + age;
        }

        private static String span(Period period) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (period.getYears() > 0) {
                parts.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
            }
            if (period.getMonths() > 0) {
                parts.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
            }
            if (period.getDays() > 0) {
                parts.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
            }
            return String.join(" ", parts);
        }

        private static String ordinal(int n) {
            int tens = n % 100;
            String suffix = tens >= 11 && tens <= 13
                    ? "th"
                    : switch (n % 10) {
                        case 1 -> "st";
                        case 2 -> "nd";
                        case 3 -> "rd";
                        default -> "th";
                    };
            return n + suffix;
        }
    }
}
