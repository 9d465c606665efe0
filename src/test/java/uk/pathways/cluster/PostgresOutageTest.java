package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * PostgreSQL goes away under a running node (every connection cut, new ones refused, as during a restart): requests
 * answer a clean 503 problem+json, on /api and on /engine-rest, and save nothing; when the database is back the
 * same node serves again without a restart. The full restart under load (pg_ctlcluster restart) is in
 * bench/cluster/faults.sh.
 */
@org.junit.jupiter.api.Tag("postgres")
@EnabledIfEnvironmentVariable(named = "PATHWAYS_TEST_POSTGRES", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres"})
class PostgresOutageTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    @Value("${spring.datasource.password}")
    String password;

    @Test
    void anOutageAnswers503AndTheNodeRecoversWithoutARestart() throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        long referralsBefore = jdbc.queryForObject("select count(*) from pw_referral", Long.class);
        assertThat(refer("Before").getStatusCode().value()).isEqualTo(201);

        ResponseEntity<String> during;
        ResponseEntity<String> engineDuring;
        try (Connection c = DriverManager.getConnection(admin, user, password);
                Statement s = c.createStatement()) {
            s.execute("alter database \"" + database + "\" allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            try {
                during = refer("During");
                engineDuring = http.exchange(
                        "/engine-rest/task?candidateGroup=mash",
                        HttpMethod.GET,
                        new HttpEntity<>(headers()),
                        String.class);
            } finally {
                s.execute("alter database \"" + database + "\" allow_connections true");
            }
        }

        assertThat(during.getStatusCode().value()).isEqualTo(503);
        assertThat(during.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(during.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(during.getBody())
                .contains("nothing was saved")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(engineDuring.getStatusCode().value()).isEqualTo(503);
        assertThat(engineDuring.getBody()).doesNotContain("PSQLException");

        ResponseEntity<String> after = refer("After");
        assertThat(after.getStatusCode().value()).as(after.getBody()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from pw_referral", Long.class))
                .as("the referral refused during the outage was not saved")
                .isEqualTo(referralsBefore + 2);
    }

    private ResponseEntity<String> refer(String name) {
        String body = """
                {"child": {"firstName": "Kit", "lastName": "Outage%s%s", "dateOfBirth": "%s", "gender": "MALE",
                  "ethnicity": "WHITE_BRITISH", "district": "Kettering", "lookedAfter": false},
                 "referrer": {"agency": "health", "name": "Dana Example", "email": "dana.example@health.example"},
                 "concerns": "Synthetic concern", "indicators": ["UNKNOWN_VEHICLES"]}""".formatted(
                        name,
                        Long.toString(System.nanoTime() % 1_000_000_000L, 26).replaceAll("[0-9]", "x"),
                        LocalDate.now().minusYears(14));
        return http.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(body, headers()), String.class);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("health-worker", SameTaskTwiceTest.PASSWORD);
        return headers;
    }
}
