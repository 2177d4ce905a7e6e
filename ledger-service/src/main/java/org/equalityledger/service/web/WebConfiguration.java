package org.equalityledger.service.web;

import org.equalityledger.service.InterceptedParameters;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The API's JSON reading, its refusal of unknown query parameters and of wildcard content types, the
 * idempotency of its commands, and the container's own error answers as problem documents.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** After Spring Security's filters (order -100): the user is known. */
    static final int IDEMPOTENCY_FILTER_ORDER = 0;

    private final ObjectMapper applicationMapper;
    private final List<InterceptedParameters> interceptedParameters;

    public WebConfiguration(ObjectMapper applicationMapper, List<InterceptedParameters> interceptedParameters) {
        this.applicationMapper = applicationMapper;
        this.interceptedParameters = interceptedParameters;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter
                    && !(converters.get(i) instanceof LedgerJsonConverter)) {
                converters.set(i, new LedgerJsonConverter(applicationMapper));
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownParameters(interceptedParameters));
    }

    @Bean
    IdempotencyStore idempotencyStore(MongoDatabase ledgerDatabase) {
        return new IdempotencyStore(ledgerDatabase);
    }

    @Bean
    static ContainerErrors containerErrors() {
        return new ContainerErrors();
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter() {
        FilterRegistrationBean<ContentTypeFilter> registration =
                new FilterRegistrationBean<>(new ContentTypeFilter(applicationMapper));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, applicationMapper));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }
}
