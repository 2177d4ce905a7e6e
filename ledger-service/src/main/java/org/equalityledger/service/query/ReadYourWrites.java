package org.equalityledger.service.query;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.InterceptedParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Read your writes: a read of the read side may ask for at least a ledger position (a command's
 * answer gives its own, {@code Ledger-Position}), as query parameter {@value #PARAMETER} or header
 * {@value #HEADER}. The read waits until every projection it reads has applied that position, at
 * most {@code ledger.read-side.min-position-wait}; then it is answered 503 with {@code Retry-After}.
 * A position the ledger has not reached is refused (400): no wait would ever reach it.
 */
final class ReadYourWrites implements HandlerInterceptor, InterceptedParameters {

    static final String PARAMETER = "minPosition";
    static final String HEADER = "Ledger-Min-Position";
    static final List<String> COMMITMENTS = List.of(CommitmentProjector.NAME);
    /** The dashboards name their scopes from the commitments projection's initiatives. */
    private static final List<String> DASHBOARDS = List.of(CommitmentProjector.NAME, DashboardProjector.NAME);
    /** An initiative's answer gives the progress against its actions from the dashboards' figures. */
    static final List<String> INITIATIVES = List.of(InitiativesProjector.NAME, DashboardProjector.NAME);

    private final ProcessorPositions positions;
    private final LedgerEvents ledger;
    private final Duration wait;

    ReadYourWrites(ProcessorPositions positions, LedgerEvents ledger, Duration wait) {
        this.positions = positions;
        this.ledger = ledger;
        this.wait = wait;
    }

    /**
     * A read of one commitment, maker or initiative by id, which the {@code projections} it reads may
     * not hold yet though the ledger does (the client follows the {@code Location} of what it just
     * created): then it waits for them to apply the thing's last event, and reads again. {@code null}
     * when the ledger holds nothing of that id.
     */
    <T> T onceApplied(List<String> projections, String aggregateId, Supplier<T> read) {
        T answer = read.get();
        if (answer != null) {
            return answer;
        }
        List<LedgerEntry> recorded = ledger.entriesOf(aggregateId);
        if (recorded.isEmpty()) {
            return null;
        }
        positions.await(projections, recorded.get(recorded.size() - 1).position(), wait);
        return read.get();
    }

    /** The reads of the read side: its GET endpoints, but the rebuilds' progress. */
    static boolean readsTheReadSide(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        return type.getPackageName().equals(ReadYourWrites.class.getPackageName()) && type != ProjectionController.class
                && handler.hasMethodAnnotation(GetMapping.class);
    }

    @Override
    public List<String> of(HandlerMethod handler) {
        return readsTheReadSide(handler) ? List.of(PARAMETER) : List.of();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !readsTheReadSide(method)) {
            return true;
        }
        long min = Math.max(parse(PARAMETER, request.getParameter(PARAMETER)), parse(HEADER, request.getHeader(HEADER)));
        if (min < 0) {
            return true;
        }
        long head = ledger.headPosition();
        if (min > head) {
            throw new InvalidCommandException(List.of(new FieldError(name(request), "the ledger ends at position " + head
                    + ": position " + min + " is not recorded, and a read cannot wait for it")));
        }
        positions.await(readBy(request.getRequestURI()), min, wait);
        return true;
    }

    private static List<String> readBy(String uri) {
        if (uri.startsWith("/api/dashboards")) {
            return DASHBOARDS;
        }
        return uri.startsWith("/api/initiatives") ? INITIATIVES : COMMITMENTS;
    }

    private static String name(HttpServletRequest request) {
        return request.getParameter(PARAMETER) != null ? PARAMETER : HEADER;
    }

    /** -1 when absent. */
    private static long parse(String name, String value) {
        if (value == null) {
            return -1;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw new InvalidCommandException(List.of(new FieldError(name,
                    "must be a ledger position: a whole number, 0 or more, as a command's answer gives it")));
        }
        return Long.parseLong(value);
    }

    /** The parameter and header in the API's description, on every read of the read side. */
    static Operation describe(Operation operation, HandlerMethod handler) {
        if (readsTheReadSide(handler)) {
            String why = "Answer only once the read side has applied the ledger up to this position (a command's answer gives "
                    + "its own as Ledger-Position); waits a few seconds at most, then 503 with Retry-After";
            operation.addParametersItem(new Parameter().in("query").name(PARAMETER).required(false).description(why)
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            operation.addParametersItem(new Parameter().in("header").name(HEADER).required(false)
                    .description("The same as the query parameter " + PARAMETER)
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
        }
        return operation;
    }
}
