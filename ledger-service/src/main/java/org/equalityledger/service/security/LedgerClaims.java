package org.equalityledger.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.equalityledger.api.common.Role;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the OIDC issuer says of a user, read the same way from an API's bearer token ({@link JwtActorConverter})
 * and from a page's sign-in (its ID token and user info, {@link OidcActorService}), so both logins make the same
 * actor. Claims:
 * <ul>
 *   <li>{@code preferred_username} (else {@code sub}): the user id recorded as actor;</li>
 *   <li>{@code ledger_roles}: SECRETARIAT, LEADER, ALLY, AUDITOR (a list, or a space-separated string);</li>
 *   <li>{@code ledger_initiatives}: the initiatives a leader acts for;</li>
 *   <li>{@code ledger_makers}: the commitment makers an ally acts for.</li>
 * </ul>
 * Unknown roles are ignored: a user without ledger roles may read only what is public.
 */
public final class LedgerClaims {

    public static final String ROLES = "ledger_roles";
    public static final String INITIATIVES = "ledger_initiatives";
    public static final String MAKERS = "ledger_makers";
    public static final String USER_NAME = "preferred_username";
    public static final String SUBJECT = "sub";

    private LedgerClaims() {
    }

    public static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<Role> roles = strings(claims.get(ROLES)).stream()
                .map(LedgerAuthorities::role)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return LedgerAuthorities.of(roles, strings(claims.get(INITIATIVES)), strings(claims.get(MAKERS)));
    }

    /** The claim whose value is the user id: {@code preferred_username} where the issuer gives one. */
    public static String userNameClaim(Map<String, Object> claims) {
        Object name = claims.get(USER_NAME);
        return name != null && !name.toString().isBlank() ? USER_NAME : SUBJECT;
    }

    public static String userName(Map<String, Object> claims) {
        Object name = claims.get(userNameClaim(claims));
        return name == null ? null : name.toString();
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.stream().filter(v -> v != null && !v.toString().isBlank()).forEach(v -> values.add(v.toString().trim()));
        } else if (claim instanceof String text) {
            for (String v : text.trim().split("[\\s,]+")) {
                if (!v.isBlank()) {
                    values.add(v);
                }
            }
        }
        return values;
    }
}
