package org.equalityledger.api.initiative;

import org.axonframework.serialization.Revision;

@Revision("1")
public record GovernanceRoleAssigned(
        String initiativeId,
        GovernanceRole role,
        RoleHolder holder,
        Term term,
        String by) {
}
