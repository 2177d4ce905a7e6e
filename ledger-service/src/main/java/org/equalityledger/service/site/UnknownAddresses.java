package org.equalityledger.service.site;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.equalityledger.service.web.ProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An address nothing answers: a browser gets the site's 404 page in its language, a program (or
 * anything under {@code /api/}) the API's problem document.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnknownAddresses {

    private final ProblemAdvice problems;
    private final SpringTemplateEngine pages;
    private final ObjectMapper json;

    public UnknownAddresses(ProblemAdvice problems, SpringTemplateEngine pages, ObjectMapper json) {
        this.problems = problems;
        this.pages = pages;
        this.json = json;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> unknown(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response,
                                   WebRequest web) throws Exception {
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return problems.any(e, web);
        }
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), RequestContextUtils.getLocale(request));
        // The address is unknown: its parameters (a bad asOf among them) are not worth keeping.
        context.setVariables(Map.of(
                "site", new SiteContext(RequestContextUtils.getLocale(request), "/", Map.of(), json),
                "status", HttpStatus.NOT_FOUND.value()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(pages.process("error", context));
    }
}
