package uk.pathways.web;

/**
 * An entry of the service navigation. Each capability's {@code web} package declares its own as a bean
 * (a missing-episode pathway adds "Report a missing child" at {@code /missing-episodes/new} the same way);
 * the layout lists them by {@code order}.
 */
public record PageLink(String text, String href, int order) {
}
