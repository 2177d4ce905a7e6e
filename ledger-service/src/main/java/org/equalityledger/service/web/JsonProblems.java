package org.equalityledger.service.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Reads request bodies so that a 400 names every bad field, not just the first: a problem handler
 * notes each unknown field, wrong type, unknown enum value or bad date, substitutes null and goes on.
 * Only what stops the parser (broken JSON) is reported alone.
 */
final class JsonProblems {

    private static final ThreadLocal<Deque<List<FieldError>>> COLLECTED = ThreadLocal.withInitial(ArrayDeque::new);

    /** The largest amount or value a request may carry: 18 digits before the point, 10 after. */
    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 10;

    private JsonProblems() {
    }

    /** Starts collecting for one body read on this thread. */
    static void begin() {
        COLLECTED.get().push(new ArrayList<>());
    }

    /** Stops collecting and returns what was found. */
    static List<FieldError> end() {
        Deque<List<FieldError>> stack = COLLECTED.get();
        List<FieldError> found = stack.isEmpty() ? List.of() : stack.pop();
        if (stack.isEmpty()) {
            COLLECTED.remove();
        }
        return found;
    }

    private static void note(String field, String message) {
        Deque<List<FieldError>> stack = COLLECTED.get();
        if (!stack.isEmpty()) {
            stack.peek().add(new FieldError(field, message));
        }
    }

    private static boolean collecting() {
        return !COLLECTED.get().isEmpty();
    }

    /** The dotted path of the parser's current value, e.g. {@code details.targets[0].actionCode}. */
    static String path(JsonStreamContext context, String leaf) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add(c.getCurrentName());
            }
        }
        java.util.Collections.reverse(parts);
        if (leaf != null) {
            parts.add(leaf);
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** What a value of {@code type} must look like, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date like 2021-06-30";
        }
        if (type == Instant.class) {
            return "must be an instant like 2022-03-31T23:59:59Z";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date or time in ISO 8601 form";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number in range";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == URI.class) {
            return "must be a link";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be an object of names to values";
        }
        return "must be an object";
    }

    /** The fields named by an exception that stopped the read, plus those collected before it. */
    static List<FieldError> fromFailure(Throwable failure) {
        List<FieldError> errors = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidCommandException invalid) {
                errors.addAll(invalid.errors());
                return errors;
            }
            if (t instanceof BadRequestBody bad) {
                errors.addAll(bad.errors());
                return errors;
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                errors.add(new FieldError(path(unknown.getPath()), "is not a known field"));
                return errors;
            }
            if (t instanceof InvalidFormatException format) {
                errors.add(new FieldError(path(format.getPath()), expected(format.getTargetType())));
                return errors;
            }
            if (t instanceof ValueInstantiationException instantiation) {
                errors.add(new FieldError(path(instantiation.getPath()), "is not acceptable: "
                        + firstLine(instantiation.getOriginalMessage())));
                return errors;
            }
            if (t instanceof MismatchedInputException mismatch) {
                errors.add(new FieldError(path(mismatch.getPath()), expected(mismatch.getTargetType())));
                return errors;
            }
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                Throwable cause = mapping.getCause();
                String message = cause instanceof InputCoercionException || cause instanceof StreamConstraintsException
                        ? "is out of range" : firstLine(mapping.getOriginalMessage());
                errors.add(new FieldError(path(mapping.getPath()), message));
                return errors;
            }
            if (t instanceof InputCoercionException || t instanceof StreamConstraintsException) {
                errors.add(new FieldError("body", "holds a value out of range: "
                        + firstLine(((JsonProcessingException) t).getOriginalMessage())));
                return errors;
            }
            if (t instanceof JsonProcessingException parse) {
                errors.add(new FieldError("body", "is not valid JSON: " + firstLine(parse.getOriginalMessage())));
                return errors;
            }
        }
        errors.add(new FieldError("body", "is required and must be a JSON object"));
        return errors;
    }

    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("`?\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9_$]*(\\.[A-Za-z0-9_]+)*`?");
    private static final java.util.regex.Pattern PARSER_HINT =
            java.util.regex.Pattern.compile(":? *\\(?(enable|consider|use) `[^`]*`[^)]*\\)?( to allow)?");

    /** The parser's first line in the user's terms: no Java class names, no advice on parser settings. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        line = PARSER_HINT.matcher(line).replaceAll("");
        line = JAVA_NAME.matcher(line).replaceAll("a value");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Notes each problem and substitutes null, so the read goes on to find the others. */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            if (!collecting()) {
                return false;
            }
            // The parser's context names the unknown field itself.
            String at = path(p.getParsingContext(), null);
            note(at.endsWith(propertyName) ? at : (at.equals("body") ? "" : at + ".") + propertyName,
                    "is not a known field");
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            return substitute(ctxt, targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            return substitute(ctxt, targetType);
        }

        @Override
        public Object handleWeirdNativeValue(DeserializationContext ctxt, JavaType targetType, Object valueToConvert,
                                             JsonParser p) {
            return substitute(ctxt, targetType.getRawClass());
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            if (!collecting() || targetType.isPrimitive()) {
                return NOT_HANDLED;
            }
            note(path(p.getParsingContext(), null), expected(targetType.getRawClass()));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                                 Throwable t) {
            if (!collecting()) {
                return NOT_HANDLED;
            }
            String at = path(ctxt.getParser().getParsingContext(), null);
            if (t instanceof InvalidCommandException invalid) {
                invalid.errors().forEach(e -> note(at.equals("body") ? e.field() : at + "." + e.field(), e.message()));
            } else {
                note(at, "is not acceptable");
            }
            return null;
        }

        private static Object substitute(DeserializationContext ctxt, Class<?> targetType) {
            if (!collecting() || targetType.isPrimitive()) {
                return NOT_HANDLED;
            }
            note(path(ctxt.getParser().getParsingContext(), null), expected(targetType));
            return null;
        }
    }

    /**
     * A value comes in the JSON type its field takes, never coerced: text, dates, instants and links
     * as strings (false or -1 is not a name, a number is not an epoch day, an array not a date's
     * parts), whole numbers as JSON integers ("2021" or 2021.5 is not a year), true and false as
     * booleans. A value of another type is noted through {@link Collector} like every other bad field,
     * so the read goes on and names the fields after it too.
     */
    static final class ExactTypes extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class || Temporal.class.isAssignableFrom(type) || type == URI.class) {
                return new ExactToken(deserializer, type, JsonToken.VALUE_STRING, JsonToken.VALUE_STRING);
            }
            return deserializer;
        }

        /**
         * Jackson finds the deserializers of numbers and booleans without passing them by a modifier:
         * they are registered wrapped, in place of its own.
         */
        static SimpleModule module() {
            return new SimpleModule("ledger-exact-types")
                    .addDeserializer(Integer.class, whole(new NumberDeserializers.IntegerDeserializer(Integer.class, null)))
                    .addDeserializer(Long.class, whole(new NumberDeserializers.LongDeserializer(Long.class, null)))
                    .addDeserializer(Short.class, whole(new NumberDeserializers.ShortDeserializer(Short.class, null)))
                    .addDeserializer(Boolean.class, exact(new NumberDeserializers.BooleanDeserializer(Boolean.class, null),
                            JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE))
                    .addDeserializer(BigDecimal.class, new BoundedDecimals())
                    .setDeserializerModifier(new ExactTypes());
        }

        private static <T> JsonDeserializer<T> whole(StdScalarDeserializer<T> standard) {
            return exact(standard, JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_INT);
        }

        @SuppressWarnings("unchecked")
        private static <T> JsonDeserializer<T> exact(StdScalarDeserializer<T> standard, JsonToken one, JsonToken other) {
            return (JsonDeserializer<T>) new ExactToken(standard, standard.handledType(), one, other);
        }
    }

    private static final class ExactToken extends DelegatingDeserializer {

        private final Class<?> type;
        private final JsonToken one;
        private final JsonToken other;

        ExactToken(JsonDeserializer<?> delegate, Class<?> type, JsonToken one, JsonToken other) {
            super(delegate);
            this.type = type;
            this.one = one;
            this.other = other;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactToken(delegate, type, one, other);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(one) && !p.hasToken(other) && !p.hasToken(JsonToken.VALUE_NULL)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Numbers a ledger can hold and show: at most 18 digits before the point and 10 after. */
    static final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            BigDecimal value;
            if (token == JsonToken.VALUE_STRING) {
                // Amounts may come as strings, "250000.00", to keep every digit.
                String text = p.getText().trim();
                if (text.length() > 64 || !text.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]{1,3})?")) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a number");
                }
                value = new BigDecimal(text);
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                try {
                    value = p.getDecimalValue();
                } catch (NumberFormatException | StreamConstraintsException e) {
                    return outOfRange(p);
                }
            } else {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            int fraction = Math.max(stripped.scale(), 0);
            int integer = stripped.precision() - stripped.scale();
            if (integer > MAX_INTEGER_DIGITS || fraction > MAX_FRACTION_DIGITS) {
                return outOfRange(p);
            }
            return value;
        }

        private static BigDecimal outOfRange(JsonParser p) throws IOException {
            if (!collecting()) {
                throw new InvalidFormatException(p, "number out of range", p.getText(), BigDecimal.class);
            }
            note(path(p.getParsingContext(), null), "must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after");
            return null;
        }
    }
}
