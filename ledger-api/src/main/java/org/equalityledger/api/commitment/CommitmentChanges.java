package org.equalityledger.api.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.equalityledger.api.common.Copies;
import org.equalityledger.api.common.Money;

/**
 * What an amendment changes: every field is optional, null means "unchanged". Dropping the FINANCIAL
 * type drops the financial part with it.
 */
public record CommitmentChanges(
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

    public CommitmentChanges {
        types = types == null ? null : Copies.set(types);
        targets = targets == null ? null : Copies.list(targets);
        coMakerIds = coMakerIds == null ? null : Copies.set(coMakerIds);
        indicators = indicators == null ? null : Copies.list(indicators);
        countries = countries == null ? null : Copies.set(countries);
    }

    public static CommitmentChanges none() {
        return new CommitmentChanges(null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean changeNothing() {
        return equals(none());
    }

    /** The details as they are after this amendment. */
    public CommitmentDetails applyTo(CommitmentDetails current) {
        Set<CommitmentType> newTypes = types != null ? types : current.types();
        Money newFinancial = financial != null ? financial
                : newTypes.contains(CommitmentType.FINANCIAL) ? current.financial() : null;
        return new CommitmentDetails(
                newTypes,
                newFinancial,
                targets != null ? targets : current.targets(),
                coMakerIds != null ? coMakerIds : current.coMakerIds(),
                title != null ? title : current.title(),
                description != null ? description : current.description(),
                indicators != null ? indicators : current.indicators(),
                countries != null ? countries : current.countries(),
                start != null ? start : current.start(),
                end != null ? end : current.end(),
                origin != null ? origin : current.origin());
    }

    public CommitmentChanges withTitle(String newTitle) {
        return new CommitmentChanges(types, financial, targets, coMakerIds, newTitle, description, indicators,
                countries, start, end, origin);
    }

    public CommitmentChanges withTypes(Set<CommitmentType> newTypes) {
        return new CommitmentChanges(newTypes, financial, targets, coMakerIds, title, description, indicators,
                countries, start, end, origin);
    }

    public CommitmentChanges withFinancial(Money newFinancial) {
        return new CommitmentChanges(types, newFinancial, targets, coMakerIds, title, description, indicators,
                countries, start, end, origin);
    }

    public CommitmentChanges withTargets(List<TargetAction> newTargets) {
        return new CommitmentChanges(types, financial, newTargets, coMakerIds, title, description, indicators,
                countries, start, end, origin);
    }

    public CommitmentChanges withPeriod(LocalDate newStart, LocalDate newEnd) {
        return new CommitmentChanges(types, financial, targets, coMakerIds, title, description, indicators,
                countries, newStart, newEnd, origin);
    }

    public CommitmentChanges withIndicators(List<Indicator> newIndicators) {
        return new CommitmentChanges(types, financial, targets, coMakerIds, title, description, newIndicators,
                countries, start, end, origin);
    }
}
