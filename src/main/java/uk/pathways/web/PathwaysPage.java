package uk.pathways.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders Pathways pages (Thymeleaf + GOV.UK Frontend): it gets the page layout's
 * model (navigation, the signed-in user) and page-style error answers (403 and 404 pages, not problem+json).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PathwaysPage {}
