package uk.pathways.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.pathways.PathwaysTest;

/** For which agency a signed-in practitioner acts: what the case record's chronology and audit name beside them. */
@PathwaysTest
class ActorsTest {

    @Autowired
    Actors actors;

    @Autowired
    IdentityService identityService;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void aPractitionerActsForTheTasksAgencyAmongTheGroupsTheySignedInWith() {
        identityService.setAuthentication("mash-manager", List.of("mash", "mash-managers"));

        assertThat(actors.current(List.of("mash-managers"))).isEqualTo(new Actor("mash-manager", "mash"));
        assertThat(actors.current(List.of("police")))
                .as("not a police officer: their own agency")
                .isEqualTo(new Actor("mash-manager", "mash"));
    }

    @Test
    void theGroupsOfTheSignInDecideNotTheUsersStoredMemberships() {
        // a practitioner signed in through the council's identity provider: the groups come with the token, and the
        // engine checks this request's authorizations against them
        identityService.setAuthentication("health-visitor-from-token", List.of("health"));

        assertThat(actors.current(List.of("health"))).isEqualTo(new Actor("health-visitor-from-token", "health"));
    }

    @Test
    void withoutGroupsInTheSignInTheUsersMembershipsAreLookedUp() {
        identityService.setAuthenticatedUserId("police-worker");

        assertThat(actors.current(List.of("police"))).isEqualTo(new Actor("police-worker", "police"));
    }

    @Test
    void theEngineActingOnItsOwnIsTheSystem() {
        assertThat(actors.current(List.of("police"))).isEqualTo(Actor.SYSTEM);
    }
}
