package org.equalityledger.service.web;

import org.equalityledger.service.InterceptedParameters;
import java.lang.reflect.Method;
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
 * Refuses a query parameter that the endpoint does not take. Ignored, a misspelt {@code asof} or
 * {@code initative} would answer today's figures or every commitment, which reads as an answer to
 * the question asked.
 */
final class KnownParameters implements HandlerInterceptor {

    private static final String OURS = "org.equalityledger.";

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
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown parameter '" + name + "': "
                        + (known.isEmpty() ? "this takes no query parameters" : "this takes " + String.join(", ", known)));
            }
        }
        return true;
    }

    private List<String> requestParameters(HandlerMethod method) {
        List<String> known = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                parameter.initParameterNameDiscovery(names);
                known.add(annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name());
            }
        }
        intercepted.forEach(i -> known.addAll(i.of(method)));
        return List.copyOf(known);
    }
}
