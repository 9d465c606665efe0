package uk.pathways.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's id ({@code pathways.node-id}, default host name and process id): the job executor's lock owner
 * (ACT_RU_JOB.LOCK_OWNER_) and the engine's host name (ACT_HI_JOB_LOG.HOSTNAME_, metrics). Every node runs a job
 * executor on the same tables; the id only has to be different per node, so that a node that dies leaves locks
 * that are recognisably its own and expire after {@code camunda.bpm.job-execution.lock-time-in-millis}.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final String nodeId;

    ClusterNode(@Value("${pathways.node-id:}") String configured) {
        this.nodeId = configured == null || configured.isBlank() ? defaultId() : configured.strip();
    }

    String nodeId() {
        return nodeId;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(nodeId);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
        log.info("Pathways node {}", nodeId);
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
