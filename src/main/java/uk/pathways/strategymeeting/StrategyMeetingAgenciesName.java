package uk.pathways.strategymeeting;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model names the agencies bean {@code ${strategyMeetingAgencies.asked()}}, but a scanned
 * {@code @ConfigurationProperties} record is registered under its prefix and class name; without this alias the
 * engine cannot resolve the expression when a meeting is scheduled (found by the pathway validator).
 */
@Configuration(proxyBeanMethods = false)
class StrategyMeetingAgenciesName {

    static final String BEAN_NAME = "strategyMeetingAgencies";

    @Bean
    static BeanFactoryPostProcessor strategyMeetingAgenciesAlias() {
        return beanFactory -> {
            if (beanFactory.containsBean(BEAN_NAME)) {
                return;
            }
            for (String name : beanFactory.getBeanNamesForType(StrategyMeetingAgencies.class, true, false)) {
                beanFactory.registerAlias(name, BEAN_NAME);
            }
        };
    }
}
