package org.equalityledger.service.site.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.query.commitments.CommitmentById;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.history.CommitmentHistory;
import org.equalityledger.api.query.history.History;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The commitment page (what was pledged, by whom, decided, reported, with its money and its public
 * timeline) and the commitment maker page (its commitments and reporting record), now or as of an
 * instant. A commitment or maker the ledger had not recorded by that instant is not found.
 */
@Controller
public class CommitmentPages {

    /** Ids are short; anything longer is not one, and is not looked up. */
    private static final int ID_MAX = 200;

    /**
     * Events whose reason the public commitment view already answers (a decision's, a correction's, a
     * withdrawal's or completion's). An amendment's or extension's reason, and who acted, stay with
     * the commitment's history, which only its makers, initiative leaders, the secretariat and
     * auditors read.
     */
    private static final Set<String> PUBLIC_REASONS = Set.of("PledgeAccepted", "PledgeRejected",
            "ProgressReportCorrected", "CommitmentWithdrawn", "CommitmentCompleted");

    private final QueryGateway queries;

    public CommitmentPages(QueryGateway queries) {
        this.queries = queries;
    }

    /** One moment of a commitment's public timeline: what happened, when, and why where that is public. */
    public record Moment(long position, Instant recordedAt, String event, String reason, Integer year,
                         Integer supersedesRevision, List<Changed> changes) {
    }

    /** A changed field; {@code from} and {@code to} as text when the value reads as a phrase, else null. */
    public record Changed(String field, String from, String to) {
    }

    @GetMapping("/commitments/{id}")
    String commitment(@PathVariable String id, @ModelAttribute("site") SiteContext site, Model model) {
        if (!Ids.isCommitmentId(id)) {
            throw notFound();
        }
        CommitmentView commitment = optional(new CommitmentById(id, site.getAsOf()), CommitmentView.class)
                .orElseThrow(CommitmentPages::notFound);
        Map<String, String> coMakers = new LinkedHashMap<>();
        for (String coMaker : commitment.coMakerIds()) {
            coMakers.put(coMaker, optional(new MakerById(coMaker), MakerProfile.class).map(MakerProfile::name).orElse(null));
        }
        model.addAttribute("commitment", commitment);
        model.addAttribute("coMakers", coMakers);
        model.addAttribute("timeline", timeline(commitment, site));
        model.addAttribute("reflects", commitment);
        return "commitment/commitment";
    }

    @GetMapping("/commitment-makers/{id}")
    String maker(@PathVariable String id, @ModelAttribute("site") SiteContext site, Model model) {
        if (id.length() > ID_MAX || id.isBlank()) {
            throw notFound();
        }
        MakerProfile maker = optional(new MakerById(id, site.getAsOf()), MakerProfile.class)
                .orElseThrow(CommitmentPages::notFound);
        model.addAttribute("maker", maker);
        model.addAttribute("reflects", maker);
        return "commitment/maker";
    }

    /** The history's moments, newest first, with only what the public may read of each. */
    private List<Moment> timeline(CommitmentView commitment, SiteContext site) {
        History history = queries.query(new CommitmentHistory(commitment.commitmentId(), site.getAsOf()),
                ResponseTypes.instanceOf(History.class)).join();
        List<Moment> moments = new ArrayList<>();
        for (History.Entry e : history.entries()) {
            List<Changed> changes = new ArrayList<>();
            if (e.changes() != null) {
                e.changes().forEach((field, change) -> changes.add(new Changed(field, phrase(change.from(), site),
                        phrase(change.to(), site))));
            }
            moments.add(0, new Moment(e.position(), e.recordedAt(), e.event(),
                    PUBLIC_REASONS.contains(e.event()) ? e.reason() : null,
                    e.year(), e.supersedesRevision(), changes));
        }
        return moments;
    }

    /** A value as a short phrase in the reader's language: text, a date, an amount; null for a structure. */
    private static String phrase(Object value, SiteContext site) {
        if (value instanceof Money money) {
            return site.money(money.amount(), money.currency());
        } else if (value instanceof LocalDate date) {
            return site.date(date);
        } else if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        return null;
    }

    private <A> Optional<A> optional(Object query, Class<A> answer) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(answer)).join();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
