package uk.pathways.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Points camunda-bpm-assert ({@code BpmnAwareTests.assertThat}) at the engine of the test's own Spring context
 * before each test. Without it, bpm-assert keeps the first engine it met in a thread-local, so once an H2 and a
 * PostgreSQL context have both started in one JVM (PATHWAYS_TEST_POSTGRES=true), tests of one context assert
 * against the other's database. Registered in META-INF/spring.factories for every Spring test.
 */
public class EngineOfThisContext extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(ProcessEngine.class)
                    .ifAvailable(BpmnAwareTests::init);
        }
    }
}
