package org.equalityledger.service;

import java.util.List;

import org.springframework.web.method.HandlerMethod;

/**
 * Query parameters an interceptor reads for some handlers beside their own (e.g. the read side's
 * {@code minPosition}): {@code web.KnownParameters} accepts them there too.
 */
public interface InterceptedParameters {

    List<String> of(HandlerMethod handler);
}
