package org.equalityledger.service.security;

import java.io.IOException;
import java.util.Optional;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in form's share of {@link LoginThrottle}: a held-back account or address goes back to the form
 * with how long to wait, its password unchecked. Failures and successes are counted by the form login's
 * handlers.
 */
final class FormLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    FormLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoginThrottle.Hold> hold = throttle.held(request.getParameter("username"), request.getRemoteAddr());
        if (hold.isPresent()) {
            long seconds = Math.max(1, (hold.get().retryAfter().toMillis() + 999) / 1000);
            response.sendRedirect(request.getContextPath() + "/login?held=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
