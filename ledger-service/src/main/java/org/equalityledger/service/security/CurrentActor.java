package org.equalityledger.service.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.equalityledger.api.common.Actor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The {@link Actor} behind the current request: the login's name as user id, its roles, the
 * initiatives it leads and the makers it acts for (those of the login and those it registered
 * itself).
 */
public class CurrentActor {

    private final SelfRegisteredMakers selfRegistered;

    public CurrentActor(SelfRegisteredMakers selfRegistered) {
        this.selfRegistered = selfRegistered;
    }

    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("a login is needed");
        }
        return of(auth);
    }

    public Actor of(Authentication auth) {
        String userId = auth.getName();
        Set<String> makers = new LinkedHashSet<>(LedgerAuthorities.makers(auth.getAuthorities()));
        makers.addAll(selfRegistered.of(userId));
        return new Actor(userId, LedgerAuthorities.roles(auth.getAuthorities()),
                LedgerAuthorities.initiatives(auth.getAuthorities()), makers);
    }

    /** Records that {@code userId} acts for the maker it has just registered. */
    public void recordSelfRegistration(String userId, String makerId) {
        selfRegistered.add(userId, makerId);
    }
}
