package org.equalityledger.service.web;

import org.equalityledger.service.InterceptedParameters;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a query parameter (one in the address) that the endpoint does not take. Ignored, a misspelt {@code asof} or
 * {@code initative} would answer today's figures or every commitment, which reads as an answer to
 * the question asked.
 */
final class KnownParameters implements HandlerInterceptor {

    private static final String OURS = "org.equalityledger.";
    /** What a handler that takes all its parameters as one map is known to take. */
    private static final List<String> ANY = List.of("*");

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, List<String>> taken = new ConcurrentHashMap<>();
    private final List<InterceptedParameters> intercepted;

    KnownParameters(List<InterceptedParameters> intercepted) {
        this.intercepted = List.copyOf(intercepted);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OURS)) {
            return true;
        }
        List<String> known = taken.computeIfAbsent(method.getMethod(), m -> requestParameters(method));
        if (known == ANY) {
            return true;
        }
        for (String name : queryParameterNames(request)) {
            if (!known.contains(name)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown parameter '" + name + "': "
                        + (known.isEmpty() ? "this takes no query parameters" : "this takes " + String.join(", ", known)));
            }
        }
        return true;
    }

    /** The names in the address only: a form's fields travel in its body and are the form's to check. */
    private static Set<String> queryParameterNames(HttpServletRequest request) {
        String query = request.getQueryString();
        Set<String> names = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                names.add(name);
            }
        }
        return names;
    }

    private List<String> requestParameters(HandlerMethod method) {
        List<String> known = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                // It takes every parameter and answers for them itself (e.g. one page number per initiative).
                return ANY;
            }
            if (annotation != null) {
                parameter.initParameterNameDiscovery(names);
                known.add(annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name());
            }
        }
        intercepted.forEach(i -> known.addAll(i.of(method)));
        return List.copyOf(known);
    }
}
