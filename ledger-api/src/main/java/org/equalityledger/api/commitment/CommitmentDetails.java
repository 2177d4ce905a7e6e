package org.equalityledger.api.commitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.common.Copies;
import org.equalityledger.api.common.Money;

/**
 * Everything a maker pledges; amendments replace any of it. Dates are calendar days, both inclusive:
 * a commitment from 2022-01-01 to 2022-12-31 runs one year.
 *
 * @param financial  the financial part, required with (and only with) the FINANCIAL type; amount &gt; 0
 * @param targets    one or more actions, possibly across initiatives
 * @param coMakerIds other makers committing together with the maker (collaborative commitments)
 * @param countries  ISO 3166-1 alpha-2 codes where the commitment is implemented; empty means global
 */
public record CommitmentDetails(
        Set<CommitmentType> types,
        Money financial,
        List<TargetAction> targets,
        Set<String> coMakerIds,
        String title,
        String description,
        List<Indicator> indicators,
        Set<String> countries,
        LocalDate start,
        LocalDate end,
        Origin origin) {

    /** The names of the fields, as listed in {@code CommitmentAmended.changedFields}. */
    public static final List<String> FIELDS = List.of("types", "financial", "targets", "coMakerIds", "title",
            "description", "indicators", "countries", "start", "end", "origin");

    public CommitmentDetails {
        types = Copies.set(types);
        targets = Copies.list(targets);
        coMakerIds = Copies.set(coMakerIds);
        indicators = Copies.list(indicators);
        countries = Copies.set(countries);
    }

    /** The initiatives this commitment targets, in the order they first appear. */
    public Set<String> targetedInitiatives() {
        Set<String> ids = new LinkedHashSet<>();
        targets.forEach(t -> ids.add(t.initiativeId()));
        return ids;
    }

    public Set<String> indicatorCodes() {
        Set<String> codes = new LinkedHashSet<>();
        indicators.forEach(i -> codes.add(i.code()));
        return codes;
    }

    public CommitmentDetails withEnd(LocalDate newEnd) {
        return new CommitmentDetails(types, financial, targets, coMakerIds, title, description, indicators,
                countries, start, newEnd, origin);
    }

    /** The names of the fields whose values differ from {@code other}. */
    public List<String> fieldsChangedFrom(CommitmentDetails other) {
        List<String> changed = new ArrayList<>();
        Object[] mine = values();
        Object[] theirs = other.values();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!Objects.equals(mine[i], theirs[i])) {
                changed.add(FIELDS.get(i));
            }
        }
        return changed;
    }

    private Object[] values() {
        return new Object[] {types, financial, targets, coMakerIds, title, description, indicators, countries,
                start, end, origin};
    }

    /** Validates the format of every field; {@code makerId} may not also be a co-maker. */
    public static void check(Checks checks, String field, CommitmentDetails details, String makerId) {
        if (!checks.notNull(field, details)) {
            return;
        }
        String p = field + ".";
        if (checks.notEmpty(p + "types", details.types())) {
            checks.require(!details.types().contains(null), p + "types", "must not contain null");
        }
        boolean financialType = details.types().contains(CommitmentType.FINANCIAL);
        if (financialType) {
            if (details.financial() == null) {
                checks.add(p + "financial", "a FINANCIAL commitment needs an amount and an ISO 4217 currency");
            } else {
                Money.checkPositive(checks, p + "financial", details.financial());
            }
        } else {
            checks.require(details.financial() == null, p + "financial",
                    "is given only with the FINANCIAL type");
        }
        if (checks.notEmpty(p + "targets", details.targets()) && checks.atMost(p + "targets", details.targets(), 50)) {
            Set<TargetAction> seen = new HashSet<>();
            for (int i = 0; i < details.targets().size(); i++) {
                TargetAction target = details.targets().get(i);
                String f = p + "targets[" + i + "]";
                if (checks.notNull(f, target)) {
                    boolean ok = checks.id(f + ".initiativeId", target.initiativeId())
                            & checks.code(f + ".actionCode", target.actionCode());
                    if (ok) {
                        checks.require(seen.add(target), f, "is listed twice");
                    }
                }
            }
        }
        checks.atMost(p + "coMakerIds", details.coMakerIds(), 100);
        int i = 0;
        for (String coMaker : details.coMakerIds()) {
            String f = p + "coMakerIds[" + i++ + "]";
            if (checks.id(f, coMaker)) {
                checks.require(!coMaker.equals(makerId), f, "the maker cannot also be a co-maker");
            }
        }
        checks.line(p + "title", details.title(), Checks.NAME_MAX);
        checks.text(p + "description", details.description(), Checks.TEXT_MAX);
        checks.atMost(p + "indicators", details.indicators(), 100);
        Set<String> codes = new HashSet<>();
        for (int k = 0; k < details.indicators().size(); k++) {
            Indicator indicator = details.indicators().get(k);
            String f = p + "indicators[" + k + "]";
            if (checks.notNull(f, indicator)) {
                if (checks.code(f + ".code", indicator.code())) {
                    checks.require(codes.add(indicator.code()), f + ".code", "is used by another indicator");
                }
                checks.line(f + ".unit", indicator.unit(), Checks.NAME_MAX);
                checks.notNull(f + ".target", indicator.target());
            }
        }
        checks.atMost(p + "countries", details.countries(), 250);
        checks.countries(p + "countries", details.countries());
        boolean dates = checks.notNull(p + "start", details.start()) & checks.notNull(p + "end", details.end());
        if (dates) {
            checks.require(details.end().isAfter(details.start()), p + "end", "must be after the start");
            checks.require(details.start().getYear() >= Checks.FIRST_YEAR && details.end().getYear() <= Checks.LAST_YEAR,
                    p + "start", "must lie between " + Checks.FIRST_YEAR + " and " + Checks.LAST_YEAR);
        }
        Origin.check(checks, p + "origin", details.origin());
    }
}
