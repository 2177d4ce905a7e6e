package org.equalityledger.service.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in to the pages through the OIDC issuer: its ID token and user info (Spring Security fetches and
 * checks both) read as a bearer token is read ({@link LedgerClaims}), so {@link CurrentActor} makes the same
 * actor whether the same person calls the API or uses a page.
 */
public class OidcActorService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> issuer;

    public OidcActorService() {
        this(new OidcUserService());
    }

    OidcActorService(OAuth2UserService<OidcUserRequest, OidcUser> issuer) {
        this.issuer = issuer;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = issuer.loadUser(request);
        // Its claims: the ID token's, completed by the user info's.
        return new DefaultOidcUser(LedgerClaims.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo(),
                LedgerClaims.userNameClaim(user.getClaims()));
    }
}
