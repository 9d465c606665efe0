package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import uk.pathways.PathwaysTest;

/**
 * A page's links are written as they are, not looked up among the static files. With Spring's resource chain on (Spring
 * Boot turns it on when webjars-locator-lite, which springdoc brings, is on the class path), every {@code @{...}} link
 * went through {@link ResourceUrlEncodingFilter}, which searched the whole class path for each link that is not a static
 * file: three quarters of a node's CPU under B6 (issue 20). Pathways' static files have fixed names.
 */
@PathwaysTest
class PageLinksTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void linksAreNotPutThroughTheResourceChain() throws Exception {
        // Spring Boot registers the filter through a FilterRegistrationBean
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                        .map(FilterRegistrationBean::getFilter)
                        .filter(ResourceUrlEncodingFilter.class::isInstance))
                .as("the resource chain's link filter (spring.web.resources.chain.enabled must stay false)")
                .isEmpty();
        MockMvc mvc = Pages.mvc(context);
        String home = mvc.perform(get("/").session(Pages.signIn(mvc, "education-worker")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the menu's links and the GOV.UK Frontend's files, as the templates name them
        assertThat(home).contains("href=\"/tasks\"").containsPattern("(href|src)=\"/[^\"]*govuk[^\"]*\\.(css|js)\"");
    }
}
