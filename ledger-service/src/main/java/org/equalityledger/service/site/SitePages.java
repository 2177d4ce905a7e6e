package org.equalityledger.service.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.equalityledger.service.web.ProblemAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every page of the public site shares: the {@code site} context in its model, and its errors as
 * pages in the reader's language (a bad address 400, an unknown id 404), never a stack trace or a 5xx
 * for something the reader typed.
 */
@ControllerAdvice(basePackageClasses = SitePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SitePages {

    private static final Logger log = LoggerFactory.getLogger(SitePages.class);

    private final ObjectMapper json;

    public SitePages(ObjectMapper json) {
        this.json = json;
    }

    @ModelAttribute("site")
    SiteContext site(HttpServletRequest request) {
        return context(request);
    }

    private SiteContext context(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return new SiteContext(locale, request.getRequestURI(), addressParameters(request), json);
    }

    /** The parameters of the address only: a form's fields (sent in its body) never travel into links. */
    private static Map<String, String[]> addressParameters(HttpServletRequest request) {
        if (request.getQueryString() == null || "GET".equals(request.getMethod())) {
            return request.getQueryString() == null ? Map.of() : request.getParameterMap();
        }
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String pair : request.getQueryString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                parsed.computeIfAbsent(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // A part that does not decode is no parameter the page could use.
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parsed.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = statusOf(e);
        if (status.is5xxServerError()) {
            log.error("A page failed", e);
        } else {
            log.debug("A page refused: {}", e.getMessage());
        }
        response.setStatus(status.value());
        SiteContext site;
        try {
            site = context(request);
        } catch (RuntimeException badAsOf) {
            // The error page itself must render: drop what made the address bad.
            site = new SiteContext(RequestContextUtils.getLocale(request), request.getRequestURI(),
                    java.util.Map.of(), json);
        }
        model.addAttribute("site", site);
        model.addAttribute("status", status.value());
        return "error";
    }

    private static HttpStatus statusOf(Exception e) {
        Throwable cause = ProblemAdvice.ledgerCause(e);
        if (cause instanceof org.equalityledger.service.web.UnknownResourceException
                || cause instanceof org.axonframework.modelling.command.AggregateNotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (cause instanceof org.equalityledger.api.common.NotPermittedException
                || cause instanceof org.springframework.security.access.AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            return status == null ? HttpStatus.BAD_REQUEST : status;
        }
        if (e instanceof TypeMismatchException || e instanceof IllegalArgumentException
                || cause instanceof org.equalityledger.api.common.InvalidCommandException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
