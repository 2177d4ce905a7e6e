package org.equalityledger.service.site.workspace.ally.commitment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.api.query.reporting.ReportingCycleCompliance;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the ally's commitment pages read: the commitment as the public sees it, and the reporting cycles
 * of the years it runs. Nothing here decides whether a command may be sent: the aggregate does.
 */
@Component
class CommitmentReads {

    private final QueryGateway queries;
    private final ImplementationPeriod implementationPeriod;

    CommitmentReads(QueryGateway queries, ImplementationPeriod implementationPeriod) {
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
    }

    /** The commitment now; an id that names none is not found (404). */
    CommitmentView commitment(String id) {
        if (!Ids.isCommitmentId(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Queries.optional(queries, new CommitmentById(id, null), CommitmentView.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Whether the signed-in ally acts for the commitment's maker or a co-maker: only to offer the forms
     * (the aggregate answers anyone else's command with its refusal).
     */
    static boolean actsFor(Actor actor, CommitmentView commitment) {
        if (actor.actsFor(commitment.maker().makerId())) {
            return true;
        }
        return commitment.coMakerIds().stream().anyMatch(actor::actsFor);
    }

    /**
     * The recorded reporting cycle of each year the commitment runs that has begun (null while the
     * secretariat has not opened it), in year order.
     */
    Map<Integer, CycleCompliance.Cycle> cycles(CommitmentView commitment) {
        int thisYear = Instant.now().atOffset(ZoneOffset.UTC).getYear();
        String initiative = commitment.targets().isEmpty() ? null : commitment.targets().get(0).initiativeId();
        Map<Integer, CycleCompliance.Cycle> cycles = new TreeMap<>();
        for (int year : years(commitment)) {
            if (year <= thisYear && implementationPeriod.contains(year)) {
                // One initiative's cycle: the same cycle, with a shorter list of commitments to build.
                CycleCompliance cycle = Queries.answer(queries, new ReportingCycleCompliance(year, initiative, null),
                        CycleCompliance.class);
                cycles.put(year, cycle.cycle());
            } else {
                cycles.put(year, null);
            }
        }
        return cycles;
    }

    /** The calendar years of the commitment's period. */
    static List<Integer> years(CommitmentView commitment) {
        List<Integer> years = new ArrayList<>();
        for (int y = commitment.start().getYear(); y <= commitment.end().getYear(); y++) {
            years.add(y);
        }
        return years;
    }
}
