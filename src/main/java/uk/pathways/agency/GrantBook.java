package uk.pathways.agency;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * The engine's grants of some groups, read once (B5, issue 20): start-up asked the engine about each grant it makes
 * sure of, over 200 queries, each its own transaction. The book reads the groups' grants on every resource
 * ({@code *}) in one query, and their grants on named resources (applications, definitions, filters) in one query per
 * resource type, then writes only what is missing. Per-task and per-instance grants, of which there are many, are
 * never read.
 */
final class GrantBook {

    private static final String ANY = "*";

    private final AuthorizationService authorizations;
    private final Set<String> groups;
    private final Map<String, Authorization> grants = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    GrantBook(AuthorizationService authorizations, List<String> groups) {
        this.authorizations = authorizations;
        this.groups = Set.copyOf(groups);
    }

    /**
     * Grants the permissions, adding any that an existing grant of the group on the resource lacks (the same group may
     * be granted READ on a definition first and CREATE_INSTANCE on it after). Returns 1 if anything was written.
     */
    int grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (!groups.contains(groupId)) {
            throw new IllegalArgumentException("The grant book was not opened for group " + groupId);
        }
        readGrants(resource, resourceId);
        String key = key(groupId, resource.resourceType(), resourceId);
        Authorization grant = grants.get(key);
        boolean changed = false;
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            grants.put(key, authorizations.saveAuthorization(grant));
        }
        return changed ? 1 : 0;
    }

    private void readGrants(Resource resource, String resourceId) {
        boolean any = ANY.equals(resourceId);
        if (!read.add(any ? ANY : "type " + resource.resourceType())) {
            return;
        }
        AuthorizationQuery query = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groups.toArray(String[]::new));
        query = any ? query.resourceId(ANY) : query.resourceType(resource);
        for (Authorization grant : query.list()) {
            if (any || !ANY.equals(grant.getResourceId())) {
                grants.putIfAbsent(key(grant.getGroupId(), grant.getResourceType(), grant.getResourceId()), grant);
            }
        }
    }

    private static String key(String groupId, int resourceType, String resourceId) {
        return groupId + '\n' + resourceType + '\n' + resourceId;
    }
}
