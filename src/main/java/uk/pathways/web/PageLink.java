package uk.pathways.web;

import java.util.Set;
import java.util.function.Predicate;

/**
 * An entry of the service navigation. Each capability's {@code web} package declares its own as a bean
 * (a missing-episode pathway adds "Report a missing child" at {@code /missing-episodes/new} the same way);
 * the layout lists them by {@code order}, each only to the users whose groups {@code shownTo} accepts, so that
 * the menu offers each role only what it may use.
 */
public record PageLink(String text, String href, int order, Predicate<Set<String>> shownTo) {

    /** A link for everyone signed in. */
    public PageLink(String text, String href, int order) {
        this(text, href, order, groups -> true);
    }

    public boolean shownTo(Set<String> groups) {
        return shownTo.test(groups);
    }
}
