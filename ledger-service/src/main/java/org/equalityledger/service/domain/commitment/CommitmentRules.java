package org.equalityledger.service.domain.commitment;

import static org.equalityledger.service.domain.Rules.broken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.service.domain.InitiativeFacts;
import org.equalityledger.service.domain.MakerFacts;
import org.equalityledger.service.domain.ReferenceData;

/**
 * The rules a commitment's details obey, at the pledge and at every amendment or extension.
 * Dates are inclusive: a commitment lasts from {@code start} to the end of the day {@code end}.
 */
final class CommitmentRules {

    /** Pledges open at the Generation Equality Forum in Mexico City. */
    static final LocalDate PLEDGES_OPEN = LocalDate.of(2021, 3, 30);
    static final int MIN_YEARS = 1;
    static final int MAX_YEARS = 5;
    static final int LEADER_YEARS = 5;

    private CommitmentRules() {
    }

    /** The makers and initiatives the details name must exist, and the period must fit them all. */
    static void checkAgainstReferences(String makerId, CommitmentDetails details, ReferenceData referenceData) {
        for (String coMaker : new java.util.TreeSet<>(details.coMakerIds())) {
            if (referenceData.maker(coMaker).isEmpty()) {
                throw broken("commitment.co-maker.unknown", "no commitment maker is registered with id %s", coMaker);
            }
        }
        List<InitiativeFacts> initiatives = targetedInitiatives(details, referenceData);
        checkPeriod(makerId, details.start(), details.end(), initiatives);
    }

    /** Facts of every targeted initiative (each loaded once, in id order); every action must exist. */
    static List<InitiativeFacts> targetedInitiatives(CommitmentDetails details, ReferenceData referenceData) {
        Map<String, InitiativeFacts> facts = new TreeMap<>();
        for (String id : new java.util.TreeSet<>(details.targetedInitiatives())) {
            facts.put(id, referenceData.initiative(id).orElseThrow(() -> broken(
                    "commitment.target.unknown-initiative", "no initiative exists with id %s", id)));
        }
        for (TargetAction target : details.targets()) {
            if (!facts.get(target.initiativeId()).actionCodes().contains(target.actionCode())) {
                throw broken("commitment.target.unknown-action", "initiative %s has no action %s",
                        target.initiativeId(), target.actionCode());
            }
        }
        return new ArrayList<>(facts.values());
    }

    /**
     * At least one year and at most five, inside the implementation period of every targeted
     * initiative; a maker that leads a targeted initiative commits for exactly five years.
     */
    static void checkPeriod(String makerId, LocalDate start, LocalDate end, List<InitiativeFacts> initiatives) {
        LocalDate endExclusive = end.plusDays(1);
        if (endExclusive.isBefore(start.plusYears(MIN_YEARS))) {
            throw broken("commitment.period.too-short",
                    "a commitment runs at least one year: starting on %s it must end on %s or later",
                    start, start.plusYears(MIN_YEARS).minusDays(1));
        }
        if (endExclusive.isAfter(start.plusYears(MAX_YEARS))) {
            throw broken("commitment.period.too-long",
                    "a commitment runs at most five years: starting on %s it must end on %s or earlier",
                    start, start.plusYears(MAX_YEARS).minusDays(1));
        }
        for (InitiativeFacts initiative : initiatives) {
            if (start.getYear() < initiative.periodStartYear() || end.getYear() > initiative.periodEndYear()) {
                throw broken("commitment.period.outside-implementation-period",
                        "a commitment lies inside the implementation period of every initiative it targets; "
                                + "%s runs from %d to %d, the commitment from %s to %s",
                        initiative.initiativeId(), initiative.periodStartYear(), initiative.periodEndYear(),
                        start, end);
            }
        }
        for (InitiativeFacts initiative : initiatives) {
            if (initiative.leaderMakerIds().contains(makerId)
                    && !endExclusive.equals(start.plusYears(LEADER_YEARS))) {
                throw broken("commitment.period.leader-five-years",
                        "maker %s leads initiative %s, and a leader's commitment runs five years: starting on %s "
                                + "it ends on %s", makerId, initiative.initiativeId(), start,
                        start.plusYears(LEADER_YEARS).minusDays(1));
            }
        }
    }

    /** Governments, philanthropies and private-sector makers are expected to pledge money: flag, don't refuse. */
    static boolean financialCommitmentExpected(MakerFacts maker, CommitmentDetails details) {
        return maker != null && maker.stakeholderGroup().expectedToCommitFinancially() && details.financial() == null;
    }
}
