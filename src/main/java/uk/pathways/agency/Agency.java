package uk.pathways.agency;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The agencies of contract section 1; each id is a Camunda group id used verbatim as a candidate group. */
public enum Agency {
    MASH("mash", "Multi-Agency Safeguarding Hub"),
    CHILDRENS_SERVICES("childrens-services", "Children's services"),
    POLICE("police", "Police"),
    HEALTH("health", "Health"),
    EDUCATION("education", "Education"),
    RISE("rise", "RISE team"),
    MISSING_COORDINATOR("missing-coordinator", "Missing Young Person's Co-ordinator"),
    RHI_SERVICE("rhi-service", "Return home interview service");

    /** The other groups of the contract, which are not agencies. */
    public static final String PROCESS_OWNERS = "process-owners";

    public static final String PERFORMANCE = "performance";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String MANAGERS_SUFFIX = "-managers";

    private final String groupId;
    private final String displayName;

    Agency(String groupId, String displayName) {
        this.groupId = groupId;
        this.displayName = displayName;
    }

    public String groupId() {
        return groupId;
    }

    public String managersGroupId() {
        return groupId + MANAGERS_SUFFIX;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Agency> byGroupId(String groupId) {
        return Arrays.stream(values()).filter(a -> a.groupId.equals(groupId)).findFirst();
    }

    /** The agency a group belongs to: {@code police} and {@code police-managers} are both police. */
    /** A group id as people read it: {@code police-managers} is "Police managers"; an unknown group stays as it is. */
    public static String nameOfGroup(String groupId) {
        return ofGroup(groupId)
                .map(a -> groupId.endsWith(MANAGERS_SUFFIX) ? a.displayName() + " managers" : a.displayName())
                .orElse(groupId);
    }

    public static Optional<Agency> ofGroup(String groupId) {
        if (groupId == null) {
            return Optional.empty();
        }
        String base = groupId.endsWith(MANAGERS_SUFFIX)
                ? groupId.substring(0, groupId.length() - MANAGERS_SUFFIX.length())
                : groupId;
        return byGroupId(base);
    }

    /** Every group id the contract names: agencies, their managers, and the three others. */
    public static List<String> contractGroupIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (Agency a : values()) {
            ids.add(a.groupId);
            ids.add(a.managersGroupId());
        }
        ids.add(PROCESS_OWNERS);
        ids.add(PERFORMANCE);
        ids.add(CAMUNDA_ADMIN);
        return List.copyOf(ids);
    }

    public static boolean isContractGroup(String groupId) {
        return contractGroupIds().contains(groupId);
    }
}
