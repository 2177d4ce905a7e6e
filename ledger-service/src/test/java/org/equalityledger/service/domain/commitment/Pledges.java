package org.equalityledger.service.domain.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.PledgeAccepted;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.service.domain.FakeReferenceData;

/** The cast and the props of the commitment specifications. */
final class Pledges {

    static final String ID = "c-care-2022";
    /** A feminist organisation in Mexico: its ally is Ana. */
    static final String MAKER = "mk-fundacion";
    static final String CO_MAKER = "mk-youth";
    static final String GOVERNMENT = "mk-costa-rica";
    /** The government of Mexico leads the economic justice and rights coalition. */
    static final String LEADING_GOVERNMENT = "mk-mexico";
    static final Actor ANA = Actor.allyOf("u-ana", MAKER);
    static final Actor YARA = Actor.allyOf("u-yara", CO_MAKER);
    static final Actor MARCELA = Actor.allyOf("u-marcela", GOVERNMENT);
    static final Actor NADINE = Actor.allyOf("u-nadine", LEADING_GOVERNMENT);
    static final Actor STRANGER = Actor.allyOf("u-stranger", "mk-other");
    static final Actor EJR_LEADER = Actor.leaderOf("u-ejr-lead", "ac-ejr");
    static final Actor FACJ_LEADER = Actor.leaderOf("u-facj-lead", "ac-facj");
    static final Actor AUDITOR = Actor.auditor("u-auditor");

    /** Paris, 30 June 2021. */
    static final Instant PLEDGED_AT = Instant.parse("2021-06-30T10:00:00Z");
    static final Instant DUE_BY = Instant.parse("2021-07-28T10:00:00Z");

    static final Indicator CARE_JOBS = new Indicator("CARE-JOBS", "jobs", BigDecimal.ZERO, new BigDecimal("1000"));
    static final Origin PARIS = Origin.forum("Generation Equality Forum, Paris");

    private Pledges() {
    }

    static FakeReferenceData referenceData() {
        return new FakeReferenceData()
                .initiative("ac-ejr", 2021, 2026, Set.of("EJR-1", "EJR-2", "EJR-3", "EJR-4"), LEADING_GOVERNMENT)
                .initiative("ac-facj", 2021, 2026, Set.of("FACJ-1", "FACJ-2", "FACJ-3", "FACJ-4"))
                .initiative("late-starter", 2023, 2026, Set.of("L-1"))
                .initiative("long-runner", 2021, 2030, Set.of("R-1"))
                .maker(MAKER, StakeholderGroup.CIVIL_SOCIETY, "MX")
                .maker(CO_MAKER, StakeholderGroup.YOUTH_LED_ORGANISATION, "CR")
                .maker(GOVERNMENT, StakeholderGroup.GOVERNMENT, "CR")
                .maker(LEADING_GOVERNMENT, StakeholderGroup.GOVERNMENT, "MX");
    }

    /** A builder of details: an advocacy commitment to EJR-1 for 2022–2023, unless told otherwise. */
    static Details details() {
        return new Details();
    }

    static final class Details {
        Set<CommitmentType> types = Set.of(CommitmentType.ADVOCACY);
        Money financial;
        List<TargetAction> targets = List.of(new TargetAction("ac-ejr", "EJR-1"));
        Set<String> coMakers = Set.of();
        String title = "Care is work";
        String description = "A campaign for the recognition of unpaid care work in Mexico.";
        List<Indicator> indicators = List.of(CARE_JOBS);
        Set<String> countries = Set.of("MX");
        LocalDate start = LocalDate.parse("2022-01-01");
        LocalDate end = LocalDate.parse("2023-12-31");
        Origin origin = PARIS;

        Details types(CommitmentType... value) {
            types = Set.of(value);
            return this;
        }

        Details financial(String amount, String currency) {
            financial = Money.of(amount, currency);
            return this;
        }

        Details targets(TargetAction... value) {
            targets = List.of(value);
            return this;
        }

        Details coMakers(String... value) {
            coMakers = Set.of(value);
            return this;
        }

        Details period(String from, String to) {
            start = LocalDate.parse(from);
            end = LocalDate.parse(to);
            return this;
        }

        Details origin(Origin value) {
            origin = value;
            return this;
        }

        CommitmentDetails build() {
            return new CommitmentDetails(types, financial, targets, coMakers, title, description, indicators,
                    countries, start, end, origin);
        }
    }

    static CommitmentPledged pledged(CommitmentDetails details) {
        return pledged(MAKER, details, false);
    }

    static CommitmentPledged pledged(String maker, CommitmentDetails details, boolean financialExpected) {
        return new CommitmentPledged(ID, maker, details, financialExpected, PLEDGED_AT, DUE_BY, "u-ana");
    }

    static PledgeAccepted accepted() {
        return new PledgeAccepted(ID, "ac-ejr", null, PLEDGED_AT.plusSeconds(86_400), DUE_BY, false,
                CommitmentStatus.ACTIVE, "u-ejr-lead");
    }
}
