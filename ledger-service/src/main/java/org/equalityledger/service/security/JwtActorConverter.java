package org.equalityledger.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Maps a bearer token of the OIDC issuer to the ledger's authorities, by its claims ({@link LedgerClaims}). */
public class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES = LedgerClaims.ROLES;
    public static final String INITIATIVES = LedgerClaims.INITIATIVES;
    public static final String MAKERS = LedgerClaims.MAKERS;

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, LedgerClaims.authorities(jwt.getClaims()),
                LedgerClaims.userName(jwt.getClaims()));
    }
}
