package uk.pathways.modeling;

/** What exists outside the files being checked: models the engine already has deployed. */
public interface ModelContext {

    boolean formDeployed(String key);

    boolean decisionDeployed(String key);

    boolean processDeployed(String key);

    /** Nothing deployed: the models must carry or find on the classpath all they name. */
    ModelContext NOTHING_DEPLOYED = new ModelContext() {
        @Override
        public boolean formDeployed(String key) {
            return false;
        }

        @Override
        public boolean decisionDeployed(String key) {
            return false;
        }

        @Override
        public boolean processDeployed(String key) {
            return false;
        }
    };
}
