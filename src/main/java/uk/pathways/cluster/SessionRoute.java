package uk.pathways.cluster;

import org.apache.catalina.Container;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Names this node in its session ids (Tomcat's {@code jvmRoute}: the cookie is {@code JSESSIONID=<id>.<node id>}), so
 * that the proxy sends a signed-in browser back to the node that holds its session by the cookie itself
 * ({@code deploy/nginx/pathways.conf}), not by the browser's address: practitioners behind one council address are
 * spread over the nodes. Only with a configured {@code pathways.node-id}; a single node without one is unchanged.
 */
@Component
class SessionRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String route;

    SessionRoute(@Value("${pathways.node-id:}") String configured) {
        this.route = route(configured);
    }

    /** The node id as a session id suffix: letters, digits, '-' and '_' only; null when no id is configured. */
    static String route(String nodeId) {
        if (nodeId == null || nodeId.isBlank()) {
            return null;
        }
        return nodeId.strip().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (route == null) {
            return;
        }
        // set on the engine before the context starts its session manager, which takes the route from the engine
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                if (host != null && host.getParent() instanceof Engine engine) {
                    engine.setJvmRoute(route);
                }
            }
        }));
    }
}
