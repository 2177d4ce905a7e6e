package org.equalityledger.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.equalityledger.api.common.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a token of the OIDC issuer to the ledger's authorities. Claims:
 * <ul>
 *   <li>{@code preferred_username} (else {@code sub}): the user id recorded as actor;</li>
 *   <li>{@code ledger_roles}: SECRETARIAT, LEADER, ALLY, AUDITOR (a list, or a space-separated string);</li>
 *   <li>{@code ledger_initiatives}: the initiatives a leader acts for;</li>
 *   <li>{@code ledger_makers}: the commitment makers an ally acts for.</li>
 * </ul>
 * Unknown roles are ignored: a token without ledger roles may read only what is public.
 */
public class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES = "ledger_roles";
    public static final String INITIATIVES = "ledger_initiatives";
    public static final String MAKERS = "ledger_makers";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = strings(jwt.getClaim(ROLES)).stream()
                .map(LedgerAuthorities::role)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt,
                LedgerAuthorities.of(roles, strings(jwt.getClaim(INITIATIVES)), strings(jwt.getClaim(MAKERS))), name);
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
