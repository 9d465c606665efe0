package uk.pathways.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * B1's baseline (issue 20): a bare Camunda 7.24 engine running Pathways' own models, unchanged, with none of Pathways'
 * work: no engine plugins (no parse listeners, so no case record, gate, task facts or chronology), and every
 * {@code delegateExpression} of the models resolved to a no-op. Four stand-ins set only the decision variables the
 * models' gateways and clocks read (the score, the threshold's pathway, the judgement, the meeting's time), which is
 * what Pathways' delegates leave in the engine. Everything else is the engine's own work, as Pathways configures it:
 * history {@code full}, authorization checks on (grant-only, TASK_WORK for candidate groups), JSON serialization
 * (Spin), a Spring transaction manager over a Hikari pool, the job executor off (as in B1). Its database is its own
 * (the same server, settings and run as Pathways'), so its deployments never become Pathways' latest versions.
 */
final class BareEngine implements AutoCloseable {

    private static final Pattern DELEGATE =
            Pattern.compile("delegateExpression=\"\\$\\{([a-zA-Z]+)(?:\\.[a-zA-Z]+)?}\"");

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    BareEngine(String jdbcUrl, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(20);
        if (jdbcUrl.startsWith("jdbc:postgresql")) {
            // the same planner settings as Pathways' connections (application-postgres.yml)
            pool.addDataSourceProperty("options", "-c jit=off -c plan_cache_mode=force_custom_plan");
        }
        dataSource = new HikariDataSource(pool);
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("bare");
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setAuthorizationCheckRevokes("never");
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
        configuration.setHistoryTimeToLive("P2555D");
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setJdbcBatchProcessing(true);
        configuration.setMetricsEnabled(true);
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        configuration.setBeans(beans());
        engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment =
                engine.getRepositoryService().createDeployment().name("bare").enableDuplicateFiltering(true);
        for (Resource resource : resources("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn")) {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(resource.getFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Resource resource : resources("classpath*:forms/**/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(resource.getFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deployment.deploy();
    }

    ProcessEngine engine() {
        return engine;
    }

    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** The variables {@code Referrals.receive} starts a pathway with: ids, display name and age only. */
    static Map<String, Object> startVariables(String caseId, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("reference", reference);
        variables.put("childDisplayName", "Kit B.");
        variables.put("age", 14);
        return variables;
    }

    /** A no-op for every name a model's delegateExpression uses; stand-ins for the four that decide. */
    private static Map<Object, Object> beans() {
        Map<Object, Object> beans = new HashMap<>();
        NoOp noOp = new NoOp();
        for (Resource model : resources("classpath*:bpmn/**/*.bpmn")) {
            Matcher m = DELEGATE.matcher(read(model));
            while (m.find()) {
                beans.put(m.group(1), noOp);
            }
        }
        beans.put("clocks", new Clocks());
        beans.put("panelSchedule", new PanelSchedule());
        beans.put("strategyMeetingAgencies", new Agencies());
        beans.put("scoreScreening", (JavaDelegate) execution -> {
            execution.setVariable("screeningScore", 12);
            execution.setVariable("disclosure", false);
            execution.setVariable("learningDisability", false);
        });
        beans.put("recordThresholdDecision", (ExecutionListener) execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) execution.getVariable("thresholdResult");
            Object pathway = result.get("pathway");
            execution.setVariable("riskLevel", result.get("riskLevel"));
            execution.setVariable("pathway", pathway);
            execution.setVariable("urgent", "URGENT_STRATEGY_MEETING".equals(pathway));
        });
        beans.put("screeningJudgement", (TaskListener)
                task -> task.getExecution().setVariable("overrideProposed", false));
        beans.put("recordMeetingScheduled", (TaskListener) task ->
                task.setVariable("meetingStartsAt", Date.from(Instant.now().plus(Duration.ofHours(20)))));
        beans.put("recordMeetingOutcome", (TaskListener) task -> task.setVariable("meetingHeldAt", new Date()));
        return beans;
    }

    private static List<Resource> resources(String... patterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            List<Resource> all = new java.util.ArrayList<>();
            for (String pattern : patterns) {
                all.addAll(List.of(resolver.getResources(pattern)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    /** Whatever a model asks of a delegate, listener or service task: nothing. */
    static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {}

        @Override
        public void notify(DelegateTask task) {}

        @Override
        public void notify(DelegateExecution execution) {}

        /** {@code ${escalation.reminder}} */
        public TaskListener getReminder() {
            return this;
        }
    }

    /** {@code ${panelSchedule.cycle()}}: the exploitation panel's monthly timer start, as Pathways ships it. */
    public static final class PanelSchedule {
        public String cycle() {
            return "0 0 7 1 * ?";
        }
    }

    /** The clocks' expressions, with fixed lengths (Pathways' are working days from configuration). */
    public static final class Clocks {
        public Date due(String clock) {
            return Date.from(Instant.now().plus(Duration.ofDays(3)));
        }

        public Date dueFrom(String clock, Object start) {
            return due(clock);
        }

        public Date strategyMeetingDue(Object urgent) {
            return Date.from(Instant.now().plus(Duration.ofDays(Boolean.TRUE.equals(urgent) ? 1 : 5)));
        }

        public String cycle(String clock) {
            return "R/P42D";
        }

        public String isoDuration(String clock) {
            return "P84D";
        }
    }

    /** The agencies invited to give information: the four B1 walks. */
    public static final class Agencies {
        public List<String> invitedTo(String processInstanceId) {
            return List.of("police", "health", "education", "childrens-services");
        }
    }
}
