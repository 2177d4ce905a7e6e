package org.equalityledger.service.security;

import java.io.IOException;

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
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
