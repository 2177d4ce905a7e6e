package org.equalityledger.service.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

import org.equalityledger.api.common.FieldError;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API's JSON: the application's mapper made strict for requests (unknown fields and values of
 * the wrong JSON type are refused) and reading so that a 400 names every
 * bad field ({@link JsonProblems}).
 */
public class LedgerJsonConverter extends MappingJackson2HttpMessageConverter {

    public LedgerJsonConverter(ObjectMapper applicationMapper) {
        super(strict(applicationMapper));
    }

    static ObjectMapper strict(ObjectMapper applicationMapper) {
        ObjectMapper mapper = applicationMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .addHandler(new JsonProblems.Collector());
        // {"reason": "x", "reason": 5} is ambiguous: refused, not read as its last value.
        mapper.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(JsonProblems.ExactTypes.module());
        return mapper;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage inputMessage) throws IOException {
        JsonProblems.begin();
        Object value;
        List<FieldError> found;
        try {
            value = super.read(type, contextClass, inputMessage);
        } catch (HttpMessageConversionException e) {
            found = JsonProblems.end();
            List<FieldError> all = new java.util.ArrayList<>(found);
            all.addAll(JsonProblems.fromFailure(e.getCause() != null ? e.getCause() : e));
            throw new BadRequestBody(all, e);
        }
        found = JsonProblems.end();
        if (!found.isEmpty()) {
            if (value == null) {
                throw new BadRequestBody(found, null);
            }
            // Read with nulls in place of the bad values: the command's own checks name the rest.
            BodyErrors.set(found);
        }
        return value;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        return read(clazz, null, inputMessage);
    }
}
