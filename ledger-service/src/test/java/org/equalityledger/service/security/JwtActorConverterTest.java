package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtActorConverterTest {

    final CurrentActor currentActor = new CurrentActor(null) {
        @Override
        public Actor of(org.springframework.security.core.Authentication auth) {
            return new Actor(auth.getName(), LedgerAuthorities.roles(auth.getAuthorities()),
                    LedgerAuthorities.initiatives(auth.getAuthorities()), LedgerAuthorities.makers(auth.getAuthorities()));
        }
    };

    static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-123")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void claims_become_the_actor() {
        Jwt jwt = token().claim("preferred_username", "maria")
                .claim(JwtActorConverter.ROLES, List.of("leader", "ALLY", "emperor"))
                .claim(JwtActorConverter.INITIATIVES, List.of("gac"))
                .claim(JwtActorConverter.MAKERS, "maker-1 maker-2")
                .build();

        AbstractAuthenticationToken auth = new JwtActorConverter().convert(jwt);
        Actor actor = currentActor.of(auth);

        assertThat(actor.userId()).isEqualTo("maria");
        assertThat(actor.roles()).containsExactlyInAnyOrder(Role.LEADER, Role.ALLY);
        assertThat(actor.leads("gac")).isTrue();
        assertThat(actor.actsFor("maker-2")).isTrue();
    }

    @Test
    void a_token_without_ledger_claims_is_a_user_with_no_role() {
        Actor actor = currentActor.of(new JwtActorConverter().convert(token().build()));

        assertThat(actor.userId()).isEqualTo("sub-123");
        assertThat(actor.roles()).isEmpty();
        assertThat(actor.makers()).isEmpty();
    }
}
