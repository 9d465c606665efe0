package uk.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import uk.pathways.PathwaysTest;
import uk.pathways.calendar.Now;

/** Hostile input: 400, 413 or 415, nothing changed; what is accepted is stored as given and shown escaped. */
@PathwaysTest
@AutoConfigureMockMvc
class HostileInputTest {

    private static final String PASSWORD = "Demo!Password1";
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String SQL = "'; drop table pw_case; --";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private String body(String lastName, String concerns) {
        return """
                {"child": {"firstName": "Kit", "lastName": "%s", "dateOfBirth": "%s"},
                 "referrer": {"agency": "health", "name": "Dana Example", "email": "dana@health.example"},
                 "concerns": %s}""".formatted(lastName, Now.today().minusYears(13), quote(concerns));
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from pw_case", Long.class);
    }

    @Test
    void scriptAndSqlInNamesAre400AndChangeNothing() throws Exception {
        long before = cases();
        for (String name : new String[] {"<script>", "Hostile'); drop table pw_case; --"}) {
            mvc.perform(post("/api/referrals")
                            .with(httpBasic("health-worker", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(name.replace("\"", ""), "Synthetic")))
                    .andExpect(status().isBadRequest());
        }
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void scriptAndSqlInConcernsAreStoredAsGivenAndShownEscaped() throws Exception {
        String lastName = "Hostiletest" + (char) ('a' + (int) (System.nanoTime() % 26));
        MvcResult created = mvc.perform(post("/api/referrals")
                        .with(httpBasic("health-worker", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(lastName, SCRIPT + " " + SQL)))
                .andExpect(status().isCreated())
                .andReturn();
        String caseId = json.readTree(created.getResponse().getContentAsString())
                .get("caseId")
                .asText();

        assertThat(jdbc.queryForObject("select concerns from pw_referral where case_id = ?", String.class, caseId))
                .isEqualTo(SCRIPT + " " + SQL);
        assertThat(jdbc.queryForObject("select count(*) from pw_case", Long.class))
                .isPositive();

        String page = mvc.perform(
                        get("/cases/" + caseId).with(user("health-worker").password(PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(lastName).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(");
        String api = mvc.perform(get("/api/cases/" + caseId).with(httpBasic("health-worker", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(api).get("referrals").get(0).get("concerns").asText())
                .isEqualTo(SCRIPT + " " + SQL);
    }

    @Test
    void aHugeBodyIs413AndWrongContentTypesAre415() throws Exception {
        long before = cases();
        String huge = body("Hugetest", "x".repeat(2 * 1024 * 1024));
        mvc.perform(post("/api/referrals")
                        .with(httpBasic("health-worker", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/api/referrals")
                        .with(httpBasic("health-worker", PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(body("Plaintest", "Synthetic")))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/referrals")
                        .with(httpBasic("health-worker", PASSWORD))
                        .contentType(MediaType.APPLICATION_XML)
                        .content("<referral/>"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(cases()).isEqualTo(before);
    }
}
