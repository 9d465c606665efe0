package uk.pathways.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.agency.Privileged;
import uk.pathways.gate.OptionSource;

/** The RISE team's members, whom a RISE manager allocates as support workers ({@code valuesKey: riseTeam}). */
@Component
class RiseTeam implements OptionSource {

    static final String KEY = "riseTeam";

    private final IdentityService identityService;
    private final Privileged privileged;

    RiseTeam(IdentityService identityService, Privileged privileged) {
        this.identityService = identityService;
        this.privileged = privileged;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> members = new LinkedHashMap<>();
        for (User user : privileged.call(() -> identityService
                .createUserQuery()
                .memberOfGroup(Agency.RISE.groupId())
                .orderByUserLastName()
                .asc()
                .orderByUserFirstName()
                .asc()
                .list())) {
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                            + (user.getLastName() == null ? "" : user.getLastName()))
                    .strip();
            members.put(user.getId(), name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")");
        }
        return members;
    }
}
