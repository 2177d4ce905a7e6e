package org.equalityledger.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.common.NotPermittedException;
import org.equalityledger.api.common.RuleViolationException;
import org.equalityledger.projections.query.ReadSideBehind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every answer that is not a success is an RFC 9457 problem document: 400 with {@code errors}, a list
 * of {@code {field, message}} naming every bad field; 403 refused; 404 unknown; 409 with the
 * {@code rule} that refused it (or {@code concurrent-change}); Spring's own 404, 405, 406 and 415.
 * Axon's wrappers are unwrapped to the ledger's exception inside.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    public static final String CONCURRENT_CHANGE = "concurrent-change";
    /** The read side applies thousands of events a second: a few seconds make a difference. */
    static final int READ_SIDE_RETRY_SECONDS = 5;

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> any(Exception e, WebRequest request) throws Exception {
        Throwable ledger = ledgerCause(e);
        if (ledger instanceof InvalidCommandException invalid) {
            return badRequest(invalid.errors(), "the request has bad fields");
        }
        if (ledger instanceof BadRequestBody bad) {
            return badRequest(bad.errors(), "the request body is not acceptable");
        }
        if (ledger instanceof NotPermittedException refused) {
            return problem(HttpStatus.FORBIDDEN, refused.getMessage(), Map.of());
        }
        if (ledger instanceof RuleViolationException violation) {
            return problem(HttpStatus.CONFLICT, violation.getMessage(), Map.of("rule", violation.rule()));
        }
        if (ledger instanceof AggregateNotFoundException || ledger instanceof UnknownResourceException
                || ledger instanceof IncompatibleAggregateException) {
            return problem(HttpStatus.NOT_FOUND, ledger instanceof UnknownResourceException
                    ? ledger.getMessage() : "nothing in the ledger has this id", Map.of());
        }
        if (ledger instanceof ConcurrencyException || ledger instanceof LockAcquisitionFailedException) {
            return problem(HttpStatus.CONFLICT, "changed concurrently by another request: retry",
                    Map.of("rule", CONCURRENT_CHANGE));
        }
        if (ledger instanceof AuthenticationException) {
            return problem(HttpStatus.UNAUTHORIZED, "a login is needed", Map.of());
        }
        if (ledger instanceof ReadSideBehind behind) {
            ResponseEntity<Object> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, behind.getMessage(),
                    Map.of("behind", behind.behind(), "reached", behind.reached()));
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(READ_SIDE_RETRY_SECONDS)).body(answer.getBody());
        }
        if (ledger instanceof RequestRejectedException) {
            // Spring Security's firewall, on a parameter it first sees when the handler reads it.
            return problem(HttpStatus.BAD_REQUEST, "the request's path, parameters or headers are not acceptable",
                    Map.of());
        }
        if (ledger instanceof AccessDeniedException) {
            // A method's own role check (e.g. secretariat only): the login is known, its roles do not suffice.
            return problem(HttpStatus.FORBIDDEN, "your roles do not allow this", Map.of());
        }
        if (e instanceof TypeMismatchException || e instanceof org.springframework.web.ErrorResponse) {
            // Spring MVC's own exceptions: its handler gives them their status.
            ResponseEntity<Object> handled = handleException(e, request);
            if (handled != null) {
                return handled;
            }
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the ledger failed to answer; nothing was changed by "
                + "this request unless it says otherwise", Map.of());
    }

    /** A refusal is an answer, not an incident: one line, no stack trace. */
    private static void refused(int status, String detail) {
        if (status < 500) {
            log.debug("Refused with {}: {}", status, detail);
        }
    }

    /** The ledger's own exception behind Axon's (and Jackson's, Spring's) wrappers, else {@code e}. */
    public static Throwable ledgerCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof InvalidCommandException || t instanceof NotPermittedException
                    || t instanceof RuleViolationException || t instanceof AggregateNotFoundException
                    || t instanceof ConcurrencyException || t instanceof LockAcquisitionFailedException
                    || t instanceof BadRequestBody || t instanceof UnknownResourceException
                    || t instanceof AuthenticationException || t instanceof AccessDeniedException
                    || t instanceof RequestRejectedException || t instanceof ReadSideBehind
                    || t instanceof IncompatibleAggregateException) {
                return t;
            }
            if (t instanceof CommandExecutionException execution && execution.getDetails().isPresent()
                    && execution.getDetails().get() instanceof Throwable details) {
                Throwable inner = ledgerCause(details);
                if (inner != details || isLedger(inner)) {
                    return inner;
                }
            }
        }
        return e;
    }

    private static boolean isLedger(Throwable t) {
        return ledgerCause(t) != t || t instanceof RuntimeException && t.getClass().getPackageName()
                .startsWith("org.equalityledger");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ledgerCause(ex);
        if (cause instanceof BadRequestBody bad) {
            return badRequest(bad.errors(), "the request body is not acceptable");
        }
        List<FieldError> errors = ex.getCause() == null
                ? List.of(new FieldError("body", "is required and must be a JSON object"))
                : JsonProblems.fromFailure(ex.getCause());
        return badRequest(errors, "the request body is not acceptable");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(),
                f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(),
                g.getDefaultMessage())));
        return badRequest(errors, "the request has bad fields");
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(
                new FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return badRequest(errors, "the request has bad fields");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return badRequest(List.of(new FieldError(field == null ? "path" : field, JsonProblems.expected(
                ex.getRequiredType()))), "the request has bad fields");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        refused(statusCode.value(), body instanceof ProblemDetail p ? p.getDetail() : null);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static ResponseEntity<Object> badRequest(List<FieldError> errors, String detail) {
        List<Map<String, String>> list = errors.stream()
                .map(e -> Map.of("field", String.valueOf(e.field()), "message", String.valueOf(e.message())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, detail + ": " + errors.stream().map(e -> e.field() + " "
                + e.message()).limit(5).reduce((a, b) -> a + "; " + b).orElse(""), Map.of("errors", list));
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail, Map<String, Object> properties) {
        refused(status.value(), detail);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
