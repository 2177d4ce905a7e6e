package org.equalityledger.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.equalityledger.api.common.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user is and acts for, as Spring Security authorities, whatever the login (HTTP Basic demo
 * accounts or an OIDC token): {@code ROLE_SECRETARIAT}, {@code ROLE_LEADER}, {@code ROLE_ALLY},
 * {@code ROLE_AUDITOR}; {@code INITIATIVE:<id>} for each initiative a leader acts for;
 * {@code MAKER:<id>} for each commitment maker an ally acts for.
 */
public final class LedgerAuthorities {

    public static final String ROLE = "ROLE_";
    public static final String INITIATIVE = "INITIATIVE:";
    public static final String MAKER = "MAKER:";

    private LedgerAuthorities() {
    }

    public static List<GrantedAuthority> of(Collection<Role> roles, Collection<String> initiatives,
                                            Collection<String> makers) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(ROLE + r.name())));
        initiatives.forEach(i -> authorities.add(new SimpleGrantedAuthority(INITIATIVE + i)));
        makers.forEach(m -> authorities.add(new SimpleGrantedAuthority(MAKER + m)));
        return authorities;
    }

    /** The ledger roles among the authorities; unknown role names are ignored. */
    public static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String a : names(authorities)) {
            if (a.startsWith(ROLE)) {
                role(a.substring(ROLE.length())).ifPresent(roles::add);
            }
        }
        return roles;
    }

    public static Set<String> initiatives(Collection<? extends GrantedAuthority> authorities) {
        return withPrefix(authorities, INITIATIVE);
    }

    public static Set<String> makers(Collection<? extends GrantedAuthority> authorities) {
        return withPrefix(authorities, MAKER);
    }

    static java.util.Optional<Role> role(String name) {
        try {
            return java.util.Optional.of(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static Set<String> withPrefix(Collection<? extends GrantedAuthority> authorities, String prefix) {
        Set<String> values = new LinkedHashSet<>();
        for (String a : names(authorities)) {
            if (a.startsWith(prefix) && a.length() > prefix.length()) {
                values.add(a.substring(prefix.length()));
            }
        }
        return values;
    }

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a != null).toList();
    }
}
