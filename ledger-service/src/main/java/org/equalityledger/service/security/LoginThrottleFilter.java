package org.equalityledger.service.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before the logins are checked: a request with credentials from a held-back account or address answers
 * 429 with {@code Retry-After}, unchecked. After: a 401 (the only answer to wrong credentials) is a
 * failure of its account and address, anything else a success of its account.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** The credentials a request carries: a password (with the account it names) or a bearer token. */
    private record Credentials(String kind, String account) {

        static Optional<Credentials> of(String authorization) {
            if (authorization == null || authorization.isBlank()) {
                return Optional.empty();
            }
            if (!authorization.regionMatches(true, 0, "Basic", 0, 5)) {
                return Optional.of(new Credentials("token", null));
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(5).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(new Credentials("password", colon < 0 ? null : decoded.substring(0, colon)));
            } catch (IllegalArgumentException e) {
                return Optional.of(new Credentials("password", null));
            }
        }
    }

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Credentials> credentials = Credentials.of(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String account = credentials.get().account();
        String address = request.getRemoteAddr();
        Optional<LoginThrottle.Hold> hold = throttle.held(account, address);
        if (hold.isPresent()) {
            long seconds = Math.max(1, (hold.get().retryAfter().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemResponses.write(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "too many failed logins " + ("account".equals(hold.get().by()) ? "for this account" : "from this address")
                            + ": try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(credentials.get().kind(), account, address);
        } else {
            throttle.succeeded(account);
        }
    }
}
