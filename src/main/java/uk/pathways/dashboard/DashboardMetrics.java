package uk.pathways.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import uk.pathways.calendar.Now;
import uk.pathways.escalation.TaskEscalated;

/**
 * Prometheus figures at {@code /actuator/prometheus} (for {@code camunda-admin}): gauges read when scraped
 * (open tasks, overdue tasks, open incidents, e-mails waiting in the notification outbox) and a counter of
 * escalations, counted from {@link TaskEscalated} once its transaction commits.
 */
@Component
class DashboardMetrics implements MeterBinder {

    static final String OUTBOX = "pw_notification";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile boolean outboxExists;
    private Counter escalations;
    private Counter reminders;

    DashboardMetrics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pathways.tasks.open", this, m -> m.count("select count(*) from ACT_RU_TASK"))
                .description("Open user tasks in every pathway")
                .register(registry);
        Gauge.builder("pathways.tasks.overdue", this, DashboardMetrics::overdueTasks)
                .description("Open user tasks past their due date")
                .register(registry);
        Gauge.builder(
                        "pathways.tasks.escalated",
                        this,
                        m -> m.count(
                                "select count(*) from ACT_RU_TASK t where exists (select 1 from pw_clock_breach b where b.task_id = t.ID_ and b.kind = 'ESCALATION')"))
                .description("Open user tasks whose clock was breached and escalated")
                .register(registry);
        Gauge.builder("pathways.incidents.open", this, m -> m.count("select count(*) from ACT_RU_INCIDENT"))
                .description("Open engine incidents (failed jobs)")
                .register(registry);
        Gauge.builder("pathways.emails.waiting", this, DashboardMetrics::emailsWaiting)
                .description("E-mails in the notification outbox not yet sent (0 until the outbox exists)")
                .register(registry);
        escalations = Counter.builder("pathways.escalations")
                .description("Clocks breached and escalated to managers")
                .register(registry);
        reminders = Counter.builder("pathways.reminders")
                .description("Clocks breached that reminded the assignee")
                .register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TaskEscalated event) {
        Counter counter = event.reminder() ? reminders : escalations;
        if (counter != null) {
            counter.increment();
        }
    }

    double overdueTasks() {
        return count("select count(*) from ACT_RU_TASK where DUE_DATE_ < ?", java.sql.Timestamp.from(Now.instant()));
    }

    double emailsWaiting() {
        if (!outboxExists) {
            outboxExists = SchemaProbe.tableExists(dataSource, OUTBOX);
            if (!outboxExists) {
                return 0;
            }
        }
        return count("select count(*) from " + OUTBOX + " where status in ('PENDING', 'SENDING', 'FAILED')");
    }

    private double count(String sql, Object... args) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class, args);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
