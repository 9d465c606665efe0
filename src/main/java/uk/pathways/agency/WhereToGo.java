package uk.pathways.agency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Prints where each user goes once Pathways is up, on the port it really listens on. */
@Component
class WhereToGo {

    private static final Logger log = LoggerFactory.getLogger(WhereToGo.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        Environment env = event.getApplicationContext().getEnvironment();
        StringBuilder text = new StringBuilder("\n\n  Pathways is running.\n")
                .append("    Tasklist (practitioners):  ")
                .append(base)
                .append("/camunda/app/tasklist/\n")
                .append("    Cockpit (process owners):  ")
                .append(base)
                .append("/camunda/app/cockpit/\n")
                .append("    Admin (administrators):    ")
                .append(base)
                .append("/camunda/app/admin/\n")
                .append("    Referral and case API:     ")
                .append(base)
                .append("/api/referrals, ")
                .append(base)
                .append("/api/cases/{caseId}\n")
                .append("    Engine REST API:           ")
                .append(base)
                .append("/engine-rest\n")
                .append("    Health:                    ")
                .append(base)
                .append("/actuator/health\n");
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            text.append("  Demo sign-ins (password ")
                    .append(DemoUsers.DEMO_PASSWORD)
                    .append("): mash-worker, mash-manager, ")
                    .append(
                            "childrens-services-worker, police-worker, health-worker, education-worker, rise-worker, rise-manager, ")
                    .append(
                            "missing-coordinator-worker, rhi-service-worker, ... (<agency>-worker and <agency>-manager), ")
                    .append("process-owner, performance-reader, admin\n");
        }
        log.info(text.toString());
    }
}
