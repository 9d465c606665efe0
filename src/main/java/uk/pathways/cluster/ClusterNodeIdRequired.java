package uk.pathways.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A node of a cluster refuses to start without its own {@code pathways.node-id} ({@code PATHWAYS_NODE_ID}). The proxy
 * sends a signed-in browser back to the node holding its session by the id in the session cookie
 * ({@link SessionRoute}, {@code deploy/nginx/pathways.conf}); a node without one names itself in no cookie, so its
 * practitioners would be sent to either node and signed out whenever they land on the other.
 */
@Component
@Profile("cluster")
class ClusterNodeIdRequired {

    ClusterNodeIdRequired(@Value("${pathways.node-id:}") String nodeId) {
        if (SessionRoute.route(nodeId) == null) {
            throw new IllegalStateException("A cluster node needs its own id: set PATHWAYS_NODE_ID (pathways.node-id),"
                    + " such as pathways-1, matching the node's name in the proxy's config (docs/cluster.md). Without it"
                    + " the proxy cannot send practitioners back to the node that holds their session.");
        }
    }
}
