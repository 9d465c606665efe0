package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ways "the database is not there" reaches an /api controller all answer 503 problem+json with Retry-After and no
 * stack trace; an engine error that is not about the connection is left alone. (The real outage is in
 * PostgresOutageTest and bench/cluster/faults.sh.)
 */
class DatabaseUnavailableProblemTest {

    @RestController
    static class Failing {
        @GetMapping("/api/fail/{kind}")
        String fail(@PathVariable String kind) {
            SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
            throw switch (kind) {
                case "jdbc" ->
                    new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException(
                                    "HikariPool-1 - Connection is not available, request timed out after 3000ms."));
                case "begin" -> new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
                case "rollback" -> new TransactionSystemException("JDBC rollback failed");
                case "engine" ->
                    new ProcessEngineException(
                            "ENGINE-03083 Exception while executing Batch Database Operations",
                            new PersistenceException(lost));
                case "shutdown" ->
                    new ProcessEngineException(
                            "ENGINE-03004 Exception while executing Database Operation",
                            new SQLException("terminating connection due to administrator command", "57P01"));
                default -> new ProcessEngineException("Unknown property used in expression");
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiProblems())
            .build();

    @Test
    void everyConnectionFailureIsACleanServiceUnavailable() throws Exception {
        for (String kind : new String[] {"jdbc", "begin", "rollback", "engine", "shutdown"}) {
            mvc.perform(get("/api/fail/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.title").value("Service unavailable"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was saved")))
                    .andExpect(jsonPath("$.trace").doesNotExist());
        }
    }

    @Test
    void anEngineErrorThatIsNotAboutTheDatabaseIsNotCalledAnOutage() {
        assertThatThrownBy(() -> mvc.perform(get("/api/fail/other")))
                .hasRootCauseInstanceOf(ProcessEngineException.class)
                .rootCause()
                .hasMessageContaining("Unknown property");
        assertThat(DatabaseFailures.isConnectionFailure(
                        new ProcessEngineException("Unknown property used in expression")))
                .isFalse();
    }
}
