package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The doors without a session read a practitioner's memberships at every request: someone removed from their agency
 * is refused at the next call to {@code /api} and to {@code /engine-rest}, with no minute's grace (the pages':
 * {@link ChangedMembershipsTest}).
 */
@org.junit.jupiter.api.Tag("app")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ChangedMembershipsStatelessDoorsTest {

    private static final String PROFILE = "/api/profile?to=2019-06";
    private static final String REFERRAL_DEFINITION = "/engine-rest/process-definition/key/cse-referral";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void restoreMembership() {
        Pages.ensureMember(identityService, "police-worker", "police");
    }

    @Test
    void aPractitionerRemovedFromTheirAgencyIsRefusedAtTheNextCall() {
        TestRestTemplate police = http.withBasicAuth("police-worker", Pages.PASSWORD);
        assertThat(police.getForEntity(PROFILE, String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(police.getForEntity(REFERRAL_DEFINITION, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        identityService.deleteMembership("police-worker", "police");

        assertThat(police.getForEntity(PROFILE, String.class).getStatusCode().value())
                .isEqualTo(403);
        // the engine looks the definition up among those the caller may read: none now, so there is none to show
        assertThat(police.getForEntity(REFERRAL_DEFINITION, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }
}
