package uk.pathways.agency;

/** Who did something, and for which agency (a contract group id; null for the system). */
public record Actor(String userId, String agency) {

    public static final Actor SYSTEM = new Actor("pathways", null);

    public static Actor of(String userId, String agency) {
        return userId == null ? SYSTEM : new Actor(userId, agency);
    }
}
