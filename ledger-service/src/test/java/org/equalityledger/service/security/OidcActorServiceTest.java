package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A page's sign-in through the issuer makes the same actor as a bearer token with the same claims. */
class OidcActorServiceTest {

    static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    final CurrentActor currentActor = currentActor();

    static CurrentActor currentActor() {
        SelfRegisteredMakers none = mock(SelfRegisteredMakers.class);
        when(none.of(anyString())).thenReturn(Set.of());
        return new CurrentActor(none);
    }

    /** What Spring Security's own user service gives: the issuer's ID token and user info, its default authorities. */
    static OidcActorService issuerGiving(Map<String, Object> idTokenClaims, Map<String, Object> userInfoClaims) {
        OidcIdToken idToken = new OidcIdToken("id-token", ISSUED, ISSUED.plusSeconds(300), idTokenClaims);
        OidcUserInfo userInfo = userInfoClaims == null ? null : new OidcUserInfo(userInfoClaims);
        OidcUser fromTheIssuer = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken, userInfo)), idToken, userInfo);
        return new OidcActorService(request -> fromTheIssuer);
    }

    Actor signedIn(OidcActorService service) {
        OidcUser user = service.loadUser(null);
        return currentActor.of(new OAuth2AuthenticationToken(user, user.getAuthorities(), IssuerClientRegistration.ID));
    }

    @Test
    void the_id_tokens_claims_make_the_actor_a_bearer_token_with_them_makes() {
        Map<String, Object> claims = Map.of("sub", "f3a1-opaque", "preferred_username", "amina",
                LedgerClaims.ROLES, List.of("LEADER", "ally", "emperor"),
                LedgerClaims.INITIATIVES, List.of("gac"),
                LedgerClaims.MAKERS, "maker-1 maker-2");

        Actor page = signedIn(issuerGiving(claims, Map.of("sub", "f3a1-opaque", "name", "Amina")));
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(ISSUED).expiresAt(ISSUED.plusSeconds(300)).build();
        Actor api = currentActor.of(new JwtActorConverter().convert(token));

        assertThat(page).isEqualTo(api);
        assertThat(page.userId()).isEqualTo("amina");
        assertThat(page.roles()).containsExactlyInAnyOrder(Role.LEADER, Role.ALLY);
        assertThat(page.leads("gac")).isTrue();
        assertThat(page.actsFor("maker-2")).isTrue();
    }

    @Test
    void claims_the_user_info_adds_count_and_without_a_user_name_the_subject_is_the_user_id() {
        Actor page = signedIn(issuerGiving(Map.of("sub", "f3a1-opaque"),
                Map.of("sub", "f3a1-opaque", LedgerClaims.ROLES, List.of("AUDITOR"))));

        assertThat(page.userId()).isEqualTo("f3a1-opaque");
        assertThat(page.roles()).containsExactly(Role.AUDITOR);
        assertThat(page.makers()).isEmpty();
    }

    @Test
    void a_user_without_ledger_claims_has_no_role() {
        Actor page = signedIn(issuerGiving(Map.of("sub", "s-1", "preferred_username", "visitor"), null));

        assertThat(page.userId()).isEqualTo("visitor");
        assertThat(page.roles()).isEmpty();
    }
}
