package org.equalityledger.api.initiative;

import org.equalityledger.api.common.Checks;

/**
 * Who holds a governance role: a registered commitment maker ({@code makerId}), or an organisation
 * known only by name (e.g. an embassy on a coordination table). At least one of the two is given.
 */
public record RoleHolder(String makerId, String organisationName) {

    public static RoleHolder maker(String makerId) {
        return new RoleHolder(makerId, null);
    }

    public static RoleHolder organisation(String name) {
        return new RoleHolder(null, name);
    }

    static void check(Checks checks, String field, RoleHolder holder) {
        if (!checks.notNull(field, holder)) {
            return;
        }
        if (holder.makerId() == null && holder.organisationName() == null) {
            checks.add(field, "needs a makerId or an organisationName");
            return;
        }
        if (holder.makerId() != null) {
            checks.id(field + ".makerId", holder.makerId());
        }
        if (holder.organisationName() != null) {
            checks.line(field + ".organisationName", holder.organisationName(), Checks.NAME_MAX);
        }
    }
}
