package org.equalityledger.service.site.workspace.ally.commitment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.api.query.reporting.CycleCompliance;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.site.SiteContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ally's page for one commitment: its state, each initiative's decision, what is due (the report of
 * an open reporting cycle not filed yet, the overdue ones), its filed reports with their corrections, and
 * the forms that change it. Anyone with the ally role may read it (it shows public data); the forms are
 * offered to the allies of its maker and co-makers, and the aggregate refuses anyone else.
 */
@Controller
public class AllyCommitmentPage {

    /** What a form that was recorded leads back to say (the {@code done} parameter). */
    static final Set<String> DONE = Set.of("amended", "extended", "withdrawn", "completed", "reported", "corrected");

    /**
     * A year the commitment runs, as reporting sees it. {@code standing}: filed, filedLate, overdue (a due
     * report missing), due (its cycle is open and its report not filed), notFiled (the year has begun, no
     * report yet, none due) or future (the year has not begun).
     */
    public record YearRow(int year, CycleCompliance.Cycle cycle, CommitmentView.YearReports reports, String standing) {

        public boolean isDue() {
            return "due".equals(standing) || "overdue".equals(standing);
        }

        public boolean isFiled() {
            return reports != null;
        }
    }

    private final CommitmentReads reads;
    private final CurrentActor currentActor;
    private final QueryGateway queries;

    public AllyCommitmentPage(CommitmentReads reads, CurrentActor currentActor, QueryGateway queries) {
        this.reads = reads;
        this.currentActor = currentActor;
        this.queries = queries;
    }

    @GetMapping("/workspace/ally/commitments/{id}")
    String page(@PathVariable String id, @RequestParam(required = false) String done,
                @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentView commitment = reads.commitment(id);
        List<YearRow> years = years(commitment, reads.cycles(commitment));
        boolean mine = CommitmentReads.actsFor(currentActor.get(), commitment);
        CommitmentStatus status = commitment.status();
        model.addAttribute("commitment", commitment);
        model.addAttribute("years", years);
        model.addAttribute("due", years.stream().filter(YearRow::isDue).toList());
        model.addAttribute("mine", mine);
        model.addAttribute("canChange", mine && status.isOpen());
        model.addAttribute("canComplete", mine && status == CommitmentStatus.ACTIVE);
        model.addAttribute("canReport", mine && (status == CommitmentStatus.ACTIVE || status == CommitmentStatus.COMPLETED));
        model.addAttribute("coMakers", commitment.coMakerIds().stream().map(coMaker -> Map.entry(coMaker,
                Queries.optional(queries, new MakerById(coMaker), MakerProfile.class).map(MakerProfile::name).orElse(coMaker)))
                .toList());
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        model.addAttribute("reflects", commitment);
        return "workspace/ally/commitment/page";
    }

    /** Each year of the commitment with its cycle and its reports, as {@link YearRow} explains. */
    static List<YearRow> years(CommitmentView commitment, Map<Integer, CycleCompliance.Cycle> cycles) {
        int thisYear = Instant.now().atOffset(ZoneOffset.UTC).getYear();
        List<Integer> missing = commitment.reportingStatus() == null ? List.of() : commitment.reportingStatus().missingYears();
        List<YearRow> rows = new ArrayList<>();
        for (int year : CommitmentReads.years(commitment)) {
            CommitmentView.YearReports reports = commitment.reports().stream().filter(r -> r.year() == year).findFirst()
                    .orElse(null);
            CycleCompliance.Cycle cycle = cycles.get(year);
            String standing;
            if (reports != null) {
                standing = reports.inForce().late() ? "filedLate" : "filed";
            } else if (missing.contains(year)) {
                standing = "overdue";
            } else if (cycle != null && !cycle.closed() && commitment.status() == CommitmentStatus.ACTIVE) {
                standing = "due";
            } else if (year <= thisYear) {
                standing = "notFiled";
            } else {
                standing = "future";
            }
            rows.add(new YearRow(year, cycle, reports, standing));
        }
        return rows;
    }
}
