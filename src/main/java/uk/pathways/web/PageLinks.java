package uk.pathways.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The navigation entries of the shared pages: home and the Camunda Tasklist. */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Bean
    PageLink homeLink() {
        return new PageLink("Home", "/", 0);
    }

    @Bean
    PageLink tasklistLink() {
        return new PageLink("Tasklist", TASKLIST, 90);
    }
}
