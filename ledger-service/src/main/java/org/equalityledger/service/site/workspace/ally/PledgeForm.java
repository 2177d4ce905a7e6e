package org.equalityledger.service.site.workspace.ally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.OriginKind;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.FieldError;
import org.equalityledger.api.common.InvalidCommandException;
import org.equalityledger.api.common.Money;
import org.equalityledger.service.site.workspace.MakerPages;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The pledge form's fields as sent, all as text so that whatever was typed comes back on a refused form.
 * Repeated fields (types, targets, co-makers, the indicators' columns) are read in the order sent, never
 * split on commas (a unit such as "jobs, full time" stays one value).
 *
 * @param targets     {@code initiativeId:actionCode} of each action chosen
 * @param coMakers    maker ids chosen as co-makers
 * @param countries   ISO codes separated by spaces or commas; empty for a global commitment
 * @param coMakerSearch text to find co-makers by name (a button of the form, never sent to the ledger)
 */
public record PledgeForm(String makerId, String title, String description, List<String> types, String amount,
                         String currency, List<String> targets, List<IndicatorRow> indicators, List<String> coMakers,
                         String countries, String startYear, String endYear, String originKind, String forumName,
                         String windowYear, String reportReference, String coMakerSearch) {

    /** One row of the indicators' table. */
    public record IndicatorRow(String code, String unit, String baseline, String target) {

        static final IndicatorRow EMPTY = new IndicatorRow("", "", "", "");

        boolean blank() {
            return code.isBlank() && unit.isBlank() && baseline.isBlank() && target.isBlank();
        }
    }

    /** How many indicator rows a fresh form offers, and how many at most (the ledger takes 100). */
    static final int FIRST_ROWS = 1;
    static final int MAX_ROWS = 100;

    public PledgeForm {
        types = List.copyOf(types);
        targets = List.copyOf(targets);
        indicators = List.copyOf(indicators);
        coMakers = List.copyOf(coMakers);
    }

    /** A fresh form for {@code makerId} (or none), pledged in this year's window by default. */
    static PledgeForm empty(String makerId, int thisYear) {
        return new PledgeForm(makerId, "", "", List.of(), "", "", List.of(),
                List.of(IndicatorRow.EMPTY), List.of(), "", "", "", OriginKind.YEARLY_WINDOW.name(), "",
                String.valueOf(thisYear), "", "");
    }

    static PledgeForm from(HttpServletRequest request) {
        String[] codes = values(request, "indicatorCode");
        String[] units = values(request, "indicatorUnit");
        String[] baselines = values(request, "indicatorBaseline");
        String[] indicatorTargets = values(request, "indicatorTarget");
        int rows = Math.min(MAX_ROWS, Math.max(Math.max(codes.length, units.length), Math.max(baselines.length, indicatorTargets.length)));
        List<IndicatorRow> indicators = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            indicators.add(new IndicatorRow(at(codes, i), at(units, i), at(baselines, i), at(indicatorTargets, i)));
        }
        if (indicators.isEmpty()) {
            indicators.add(IndicatorRow.EMPTY);
        }
        return new PledgeForm(one(request, "makerId"), one(request, "title"), one(request, "description"),
                List.of(values(request, "types")), one(request, "amount"), one(request, "currency"),
                List.of(values(request, "targets")), indicators, distinct(values(request, "coMakers")),
                one(request, "countries"), one(request, "startYear"), one(request, "endYear"), one(request, "originKind"),
                one(request, "forumName"), one(request, "windowYear"), one(request, "reportReference"),
                one(request, "coMakerSearch"));
    }

    /** The same form with one more (empty) indicator row. */
    PledgeForm withAnotherIndicator() {
        List<IndicatorRow> more = new ArrayList<>(indicators);
        if (more.size() < MAX_ROWS) {
            more.add(IndicatorRow.EMPTY);
        }
        return new PledgeForm(makerId, title, description, types, amount, currency, targets, more, coMakers, countries,
                startYear, endYear, originKind, forumName, windowYear, reportReference, coMakerSearch);
    }

    /** Whether an action of this initiative is chosen (its group of actions shows open). */
    public boolean targetsInitiative(String initiativeId) {
        return targets.stream().anyMatch(t -> t.startsWith(initiativeId + ":"));
    }

    public boolean chose(String field, String value) {
        return switch (field) {
            case "types" -> types.contains(value);
            case "targets" -> targets.contains(value);
            case "coMakers" -> coMakers.contains(value);
            default -> false;
        };
    }

    /**
     * The command this form asks for. What the form itself cannot read (a number that is no number, a year
     * that is no year) is named with the command's own field names, together with what the command refuses.
     */
    PledgeCommitment command(String commitmentId, Actor actor) {
        List<FieldError> unreadable = new ArrayList<>();
        Set<CommitmentType> chosenTypes = new LinkedHashSet<>();
        types.forEach(t -> chosenTypes.add(MakerPages.parse(CommitmentType.class, t)));
        Money financial = null;
        if (!amount.isBlank() || !currency.isBlank()) {
            financial = new Money(number(amount, "details.financial.amount", unreadable),
                    currency.strip().toUpperCase(Locale.ROOT));
        }
        List<TargetAction> targetActions = new ArrayList<>();
        for (String target : targets) {
            int colon = target.indexOf(':');
            targetActions.add(colon < 0 ? new TargetAction(target, null)
                    : new TargetAction(target.substring(0, colon), target.substring(colon + 1)));
        }
        List<Indicator> chosenIndicators = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorRow row = indicators.get(i);
            if (!row.blank()) {
                String f = "details.indicators[" + chosenIndicators.size() + "]";
                chosenIndicators.add(new Indicator(row.code().strip(), row.unit().strip(),
                        row.baseline().isBlank() ? null : number(row.baseline(), f + ".baseline", unreadable),
                        row.target().isBlank() ? null : number(row.target(), f + ".target", unreadable)));
            }
        }
        Set<String> chosenCountries = new LinkedHashSet<>();
        for (String code : countries.strip().split("[\\s,;]+")) {
            if (!code.isBlank()) {
                chosenCountries.add(code.toUpperCase(Locale.ROOT));
            }
        }
        Integer first = year(startYear, "details.start", unreadable);
        Integer last = year(endYear, "details.end", unreadable);
        CommitmentDetails details = new CommitmentDetails(chosenTypes, financial, targetActions,
                new LinkedHashSet<>(coMakers), title.strip(), description.strip(), chosenIndicators, chosenCountries,
                first == null ? null : LocalDate.of(first, 1, 1), last == null ? null : LocalDate.of(last, 12, 31),
                origin(unreadable));
        List<FieldError> errors = new ArrayList<>(unreadable);
        try {
            PledgeCommitment command = new PledgeCommitment(commitmentId, makerId.isBlank() ? null : makerId, details, actor);
            if (errors.isEmpty()) {
                return command;
            }
        } catch (InvalidCommandException invalid) {
            // A value the form could not read is null in the command: its own message says more than "is required".
            Set<String> named = new LinkedHashSet<>();
            unreadable.forEach(e -> named.add(e.field()));
            invalid.errors().stream().filter(e -> !named.contains(e.field())).forEach(errors::add);
        }
        throw new InvalidCommandException(errors);
    }

    /**
     * Which row of the form an indicator of the command is: the command leaves blank rows out, the form keeps
     * them, so {@code details.indicators[1]} may be the form's third row.
     */
    int rowOfIndicator(int commandIndex) {
        int seen = -1;
        for (int i = 0; i < indicators.size(); i++) {
            if (!indicators.get(i).blank() && ++seen == commandIndex) {
                return i;
            }
        }
        return -1;
    }

    private Origin origin(List<FieldError> unreadable) {
        OriginKind kind = MakerPages.parse(OriginKind.class, originKind);
        if (kind == null) {
            return new Origin(null, null, null, null);
        }
        return switch (kind) {
            case FORUM -> Origin.forum(forumName.strip());
            case YEARLY_WINDOW -> new Origin(kind, null, year(windowYear, "details.origin.windowYear", unreadable), null);
            case PARTICIPATION_REPORT -> Origin.participationReport(reportReference.strip());
        };
    }

    private static BigDecimal number(String text, String field, List<FieldError> unreadable) {
        String plain = text.strip().replaceAll("[\\s\u00a0\u202f_]", "");
        if (plain.indexOf(',') >= 0 && plain.indexOf('.') < 0 && plain.indexOf(',') == plain.lastIndexOf(',')) {
            plain = plain.replace(',', '.');
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException notANumber) {
            if (!text.isBlank()) {
                unreadable.add(new FieldError(field, "must be a number"));
            }
            return null;
        }
    }

    private static Integer year(String text, String field, List<FieldError> unreadable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notAYear) {
            unreadable.add(new FieldError(field, "must be a year"));
            return null;
        }
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String one(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static String at(String[] values, int i) {
        return i < values.length && values[i] != null ? values[i] : "";
    }

    private static List<String> distinct(String[] values) {
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(values).filter(v -> !v.isBlank()).toList()));
    }
}
