package org.equalityledger.service.web;

import java.io.IOException;

import org.equalityledger.service.security.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request's {@code Content-Type} names one media type, e.g. {@code application/json}: a wildcard
 * such as {@code *}{@code /*} or an unreadable one is refused with 415, on every path, whether or not
 * the path reads a body (Spring would fail on it deep inside, as a 500).
 */
final class ContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !concrete(type)) {
            ProblemResponses.write(json, request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one media type, application/json for a request body");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String type) {
        try {
            return MediaType.parseMediaType(type).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
