package uk.pathways.modeling;

import java.util.Set;

/**
 * The documented process variables of one process: the only variable names its expressions may use
 * (besides Pathways beans and the engine's own names). A capability declares one bean per process it owns.
 */
public interface ProcessVariables {

    String processKey();

    Set<String> names();

    static ProcessVariables of(String processKey, Set<String> names) {
        return new ProcessVariables() {
            @Override
            public String processKey() {
                return processKey;
            }

            @Override
            public Set<String> names() {
                return names;
            }
        };
    }
}
