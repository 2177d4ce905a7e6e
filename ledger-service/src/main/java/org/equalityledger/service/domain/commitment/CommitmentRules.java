package org.equalityledger.service.domain.commitment;

import static org.equalityledger.api.common.RuleViolationException.broken;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentPeriodPolicy;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.rates.UsdRatePolicy;
import org.equalityledger.service.domain.InitiativeFacts;
import org.equalityledger.service.domain.MakerFacts;
import org.equalityledger.service.domain.ReferenceData;

/**
 * What a commitment's details name must exist, at the pledge and at every amendment or extension, and
 * when pledges open. Its period obeys {@link CommitmentPeriodPolicy}; its decisions are due by
 * {@link org.equalityledger.api.commitment.DecisionDeadlinePolicy}.
 */
final class CommitmentRules {

    /** Pledges open at the Generation Equality Forum in Mexico City. */
    static final LocalDate PLEDGES_OPEN = LocalDate.of(2021, 3, 30);

    private CommitmentRules() {
    }

    /** The makers and initiatives the details name must exist, and the period must fit them all. */
    static void checkAgainstReferences(String makerId, CommitmentDetails details, ReferenceData referenceData) {
        for (String coMaker : new java.util.TreeSet<>(details.coMakerIds())) {
            if (referenceData.maker(coMaker).isEmpty()) {
                throw broken("commitment.co-maker.unknown", "no commitment maker is registered with id %s", coMaker);
            }
        }
        CommitmentPeriodPolicy.check(makerId, details.start(), details.end(),
                targetedInitiatives(makerId, details, referenceData));
    }

    /**
     * Every targeted initiative (each loaded once, in id order) as the period rule sees it for
     * {@code makerId}'s commitment; every action must exist.
     */
    static List<CommitmentPeriodPolicy.TargetedInitiative> targetedInitiatives(String makerId, CommitmentDetails details,
                                                                             ReferenceData referenceData) {
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
        return facts.values().stream().map(i -> new CommitmentPeriodPolicy.TargetedInitiative(i.initiativeId(),
                i.period(), i.leaderMakerIds().contains(makerId))).toList();
    }

    /** Governments, philanthropies and private-sector makers are expected to pledge money: flag, don't refuse. */
    static boolean financialCommitmentExpected(MakerFacts maker, CommitmentDetails details) {
        return maker != null && maker.stakeholderGroup().expectedToCommitFinancially() && details.financial() == null;
    }

    /**
     * Remarks for the command's answer, not facts of its event (a rate recorded later converts the
     * amount without a new event of the commitment): {@value UsdRatePolicy#RATE_UNKNOWN} when the
     * financial part's currency has no US-dollar rate recorded for the pledge year yet.
     */
    static List<String> conversionRemarks(CommitmentDetails details, int pledgeYear, ReferenceData referenceData) {
        Money financial = details.financial();
        if (financial == null || UsdRatePolicy.convertible(financial.currency(),
                referenceData.usdPerUnit(financial.currency(), pledgeYear))) {
            return List.of();
        }
        return List.of(UsdRatePolicy.RATE_UNKNOWN);
    }
}
