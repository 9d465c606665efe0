package uk.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An operator who forgets PATHWAYS_NODE_ID on a cluster node is told at start-up, not by signed-out practitioners. */
class ClusterNodeIdRequiredTest {

    private final ApplicationContextRunner node =
            new ApplicationContextRunner().withUserConfiguration(ClusterNodeIdRequired.class);

    @Test
    void aClusterNodeWithoutAnIdDoesNotStartAndSaysWhatToSet() {
        node.withPropertyValues("spring.profiles.active=postgres,cluster", "pathways.node-id=")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("PATHWAYS_NODE_ID")
                            .hasMessageContaining("docs/cluster.md");
                });
    }

    @Test
    void aClusterNodeWithAnIdStarts() {
        node.withPropertyValues("spring.profiles.active=postgres,cluster", "pathways.node-id=pathways-1")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aSingleNodeNeedsNoId() {
        node.withPropertyValues("spring.profiles.active=postgres")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ClusterNodeIdRequired.class));
    }
}
