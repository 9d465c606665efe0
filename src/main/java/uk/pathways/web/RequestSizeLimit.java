package uk.pathways.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A JSON body for {@code /api} is at most 1 MB (a referral's concerns are at most 10,000 characters): a
 * larger one is answered 413 before it is read. Uploads of models ({@code /api/deployments}) may be 5 MB.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    static final long MAX_JSON = 1L << 20;
    static final long MAX_UPLOAD = 5L << 20;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long limit = request.getRequestURI().startsWith(request.getContextPath() + "/api/deployments") ? MAX_UPLOAD : MAX_JSON;
                if (request.getContentLengthLong() > limit) {
                    Problems.write(response, 413, "Payload too large", "The body may be at most " + (limit >> 20) + " MB.");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/*");
        registration.setName("pathways-api-request-size-limit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
