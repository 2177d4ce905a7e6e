package org.equalityledger.service.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Writes RFC 9457 problem documents from filters, where no controller advice runs. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * The headers Spring Security puts on every API answer, for the answers written where its header
     * filter has not run (a request its firewall refused, an error the container answers itself). A
     * problem document embeds nothing, so its policy is the strictest one.
     */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", SecurityConfiguration.API_CONTENT_SECURITY_POLICY);

    /** Adds each security header the answer does not have yet. */
    public static void secure(HttpServletResponse response) {
        SECURITY_HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }

    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            if (request.getRequestURI() != null && !request.getRequestURI().contains("//")) {
                problem.setInstance(java.net.URI.create(request.getRequestURI()));
            }
        } catch (IllegalArgumentException e) {
            // not a URI we can echo: leave the instance out
        }
        response.setStatus(status.value());
        secure(response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
