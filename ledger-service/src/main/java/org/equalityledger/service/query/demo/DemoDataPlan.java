package org.equalityledger.service.query.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.equalityledger.api.commitment.AmendCommitment;
import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.commitment.CompleteCommitment;
import org.equalityledger.api.commitment.DecideOnPledge;
import org.equalityledger.api.commitment.ExtendCommitment;
import org.equalityledger.api.commitment.Indicator;
import org.equalityledger.api.commitment.Origin;
import org.equalityledger.api.commitment.PledgeCommitment;
import org.equalityledger.api.commitment.TargetAction;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.commitment.WithdrawCommitment;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Money;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.reporting.CloseReportingCycle;
import org.equalityledger.api.reporting.CorrectProgressReport;
import org.equalityledger.api.reporting.FileProgressReport;
import org.equalityledger.api.reporting.OpenReportingCycle;
import org.equalityledger.api.reporting.ProgressReport;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.service.domain.rates.ShippedUsdRates;
import org.equalityledger.service.domain.initiative.ReferenceSet;
import org.equalityledger.service.web.Ids;

/**
 * A realistic ledger as the commands that record it, each at its historical instant: the reference
 * initiatives, then (per unit of scale) about 1,000 makers in the mix of stakeholder groups and
 * regions of the Generation Equality reports, about 2,700 commitments pledged at the Mexico City
 * and Paris forums and in later yearly windows, the initiatives' decisions (some late, some
 * rejections, a few never answered), amendments, extensions, withdrawals, completions, and five
 * yearly reporting cycles (2021–2025) with reports on time, late, missing and corrected.
 * Deterministic for a given seed and scale.
 */
public final class DemoDataPlan {

    public record Step(Instant at, Object command) {
    }

    static final Actor SECRETARIAT = Actor.secretariat("secretariat-demo");

    private static final String[][] GROUPS = {
            // group, weight (per cent): civil society dominates, then governments and the private sector
            {"CIVIL_SOCIETY", "38"}, {"GOVERNMENT", "12"}, {"PRIVATE_SECTOR", "15"}, {"PHILANTHROPY", "6"},
            {"INTERNATIONAL_ORGANISATION", "9"}, {"YOUTH_LED_ORGANISATION", "10"}, {"OTHER_INSTITUTION", "10"}};
    private static final String[] SOUTH = {"MX", "BR", "CO", "AR", "CL", "PE", "GT", "KE", "NG", "ZA", "ET", "GH", "SN",
            "UG", "RW", "IN", "BD", "PK", "ID", "PH", "VN", "NP", "EG", "MA", "TN", "JO", "LB"};
    private static final String[] NORTH = {"US", "CA", "GB", "FR", "DE", "ES", "SE", "NO", "DK", "NL", "BE", "IE", "IT",
            "CH", "AU", "NZ", "JP", "KR", "FI", "AT"};
    private static final Map<String, String> CURRENCY = Map.ofEntries(Map.entry("FR", "EUR"), Map.entry("DE", "EUR"),
            Map.entry("ES", "EUR"), Map.entry("NL", "EUR"), Map.entry("BE", "EUR"), Map.entry("IE", "EUR"), Map.entry("IT", "EUR"),
            Map.entry("FI", "EUR"), Map.entry("AT", "EUR"), Map.entry("GB", "GBP"), Map.entry("SE", "SEK"), Map.entry("NO", "NOK"),
            Map.entry("DK", "DKK"), Map.entry("CH", "CHF"), Map.entry("CA", "CAD"), Map.entry("AU", "AUD"), Map.entry("NZ", "NZD"),
            Map.entry("JP", "JPY"), Map.entry("KR", "KRW"), Map.entry("MX", "MXN"), Map.entry("BR", "BRL"), Map.entry("CO", "COP"),
            Map.entry("IN", "INR"), Map.entry("ZA", "ZAR"), Map.entry("KE", "KES"), Map.entry("NG", "NGN"));
    private static final String[] VERBS = {"Fund", "Scale up", "Expand", "Strengthen", "Launch", "Finance", "Advocate for",
            "Train", "Legislate for", "Build"};
    private static final String[] TOPICS = {"shelters for survivors of violence", "paid care leave", "childcare services",
            "women's land rights", "girls' digital skills", "feminist climate finance", "sexual and reproductive health services",
            "women's cooperatives", "gender-responsive budgeting", "young feminist leadership", "safe public transport",
            "women peacebuilders", "menstrual health in schools", "pay transparency", "women entrepreneurs' credit"};

    private final Random random;
    private final double scale;
    private final Map<String, List<String>> actionsByInitiative;
    private final ShippedUsdRates rates = ShippedUsdRates.shipped();
    private final List<Step> steps = new ArrayList<>();

    private DemoDataPlan(long seed, double scale, Map<String, List<String>> actionsByInitiative) {
        this.random = new Random(seed);
        this.scale = scale;
        this.actionsByInitiative = actionsByInitiative;
    }

    /**
     * The plan: {@code reference} (the shipped initiatives at their historical instants) and the rest,
     * all in time order. {@code actionsByInitiative} names the initiatives commitments may target, with
     * their action codes.
     */
    public static List<Step> plan(long seed, double scale, List<ReferenceSet.Step> reference,
                                  Map<String, List<String>> actionsByInitiative) {
        DemoDataPlan p = new DemoDataPlan(seed, scale, actionsByInitiative);
        reference.forEach(step -> p.steps.add(new Step(step.at(), step.command())));
        // The shipped US-dollar rates, each when it could first be known.
        p.rates.facts().forEach(f -> p.steps.add(new Step(f.knownAt(), f.command(SECRETARIAT))));
        p.build();
        List<Step> ordered = new ArrayList<>(p.steps);
        ordered.sort(Comparator.comparing(Step::at)); // stable: same-instant steps keep their order
        return ordered;
    }

    private record Maker(String id, StakeholderGroup group, String country) {
    }

    private void build() {
        for (int year = 2021; year <= 2025; year++) {
            add(Instant.parse(year + "-11-01T09:00:00Z"), new OpenReportingCycle(year, Instant.parse((year + 1) + "-03-31T23:59:59Z"), SECRETARIAT));
            add(Instant.parse((year + 1) + "-07-31T17:00:00Z"), new CloseReportingCycle(year, SECRETARIAT));
        }
        int makers = Math.max(1, (int) Math.round(1_000 * scale));
        List<Maker> all = new ArrayList<>();
        for (int m = 0; m < makers; m++) {
            StakeholderGroup group = StakeholderGroup.valueOf(weighted(GROUPS));
            boolean south = random.nextDouble() < (group == StakeholderGroup.GOVERNMENT ? 0.55 : 0.62);
            String country = south ? SOUTH[random.nextInt(SOUTH.length)] : NORTH[random.nextInt(NORTH.length)];
            Maker maker = new Maker(demoId(Ids.MAKER, "maker", m), group, country);
            all.add(maker);
            add(Instant.parse("2021-03-02T09:00:00Z").plusSeconds(60L * m % (27L * 86_400)),
                    new RegisterCommitmentMaker(maker.id(), name(maker, m), group,
                            south ? Hemisphere.GLOBAL_SOUTH : Hemisphere.GLOBAL_NORTH, country, SECRETARIAT));
        }
        int commitments = Math.max(1, (int) Math.round(2_700 * scale));
        for (int c = 0; c < commitments; c++) {
            commitment(demoId(Ids.COMMITMENT, "commitment", c), all.get(random.nextInt(all.size())));
        }
    }

    /**
     * An id in the form the API gives ({@code commitment-<uuid>}, {@code maker-<uuid>}), so that every
     * endpoint takes the demo's commitments and makers; the same for the same index every time.
     */
    private static String demoId(String prefix, String kind, int index) {
        return prefix + UUID.nameUUIDFromBytes(("equality-ledger demo " + kind + " " + index).getBytes(StandardCharsets.UTF_8));
    }

    private String name(Maker maker, int index) {
        String place = new java.util.Locale("", maker.country()).getDisplayCountry(java.util.Locale.ENGLISH);
        return switch (maker.group()) {
            case GOVERNMENT -> "Government of " + place + (index >= 60 ? " (" + index + ")" : "");
            case CIVIL_SOCIETY -> "Women's Rights Network " + place + " " + index;
            case YOUTH_LED_ORGANISATION -> "Young Feminists " + place + " " + index;
            case PRIVATE_SECTOR -> "Equal Ventures " + place + " " + index;
            case PHILANTHROPY -> "Foundation for Equality " + place + " " + index;
            case INTERNATIONAL_ORGANISATION -> "International Partnership " + index;
            case OTHER_INSTITUTION -> "University Gender Centre " + place + " " + index;
        };
    }

    private void commitment(String id, Maker maker) {
        Actor ally = Actor.allyOf("ally-" + maker.id(), maker.id());
        double when = random.nextDouble();
        Instant pledgedAt;
        Origin origin;
        if (when < 0.2) {
            pledgedAt = Instant.parse("2021-03-30T15:00:00Z").plusSeconds(random.nextInt(2 * 86_400));
            origin = Origin.forum("Generation Equality Forum, Mexico City");
        } else if (when < 0.75) {
            pledgedAt = Instant.parse("2021-06-30T08:00:00Z").plusSeconds(random.nextInt(3 * 86_400));
            origin = Origin.forum("Generation Equality Forum, Paris");
        } else {
            int year = 2021 + 1 + random.nextInt(3);
            pledgedAt = Instant.parse(year + "-03-08T08:00:00Z").plusSeconds(random.nextInt(120 * 86_400));
            origin = random.nextDouble() < 0.2 ? Origin.participationReport("CSW" + (year - 1956) + " participation report")
                    : Origin.yearlyWindow(year);
        }
        LocalDate start = LocalDate.ofInstant(pledgedAt, ZoneOffset.UTC).withDayOfMonth(1);
        int years = random.nextDouble() < 0.7 ? 5 : 1 + random.nextInt(4);
        LocalDate end = start.plusYears(years).minusDays(1);
        if (end.getYear() > 2026) {
            end = LocalDate.of(2026, 12, 31);
        }
        List<TargetAction> targets = targets();
        Set<CommitmentType> types = new LinkedHashSet<>();
        boolean financial = random.nextDouble() < (maker.group().expectedToCommitFinancially() ? 0.7 : 0.25);
        if (financial) {
            types.add(CommitmentType.FINANCIAL);
        }
        if (random.nextDouble() < 0.6) {
            types.add(CommitmentType.PROGRAMMATIC);
        }
        if (random.nextDouble() < 0.35) {
            types.add(CommitmentType.POLICY);
        }
        if (random.nextDouble() < 0.3 || types.isEmpty()) {
            types.add(CommitmentType.ADVOCACY);
        }
        Money money = financial ? money(maker.country(), 50_000, 500_000_000, start.getYear()) : null;
        String title = VERBS[random.nextInt(VERBS.length)] + " " + TOPICS[random.nextInt(TOPICS.length)] + " in "
                + new java.util.Locale("", maker.country()).getDisplayCountry(java.util.Locale.ENGLISH);
        List<Indicator> indicators = List.of(new Indicator("people-reached", "people", BigDecimal.ZERO,
                BigDecimal.valueOf(1_000L * (1 + random.nextInt(500)))));
        CommitmentDetails details = new CommitmentDetails(types, money, targets, Set.of(), title,
                "Commitment " + id + ": " + title + ", " + start.getYear() + "–" + end.getYear() + ".", indicators,
                Set.of(maker.country()), start, end, origin);
        add(pledgedAt, new PledgeCommitment(id, maker.id(), details, ally));

        // Decisions by each targeted initiative's leadership, usually within the four weeks.
        boolean accepted = false;
        Instant lastDecision = pledgedAt;
        Set<String> initiatives = details.targetedInitiatives();
        for (String initiative : initiatives) {
            double r = random.nextDouble();
            if (r < 0.02) {
                continue; // never answered: stays in the validation queue
            }
            Instant decidedAt = pledgedAt.plusSeconds(3_600L * (2 + random.nextInt(r < 0.12 ? 60 * 24 : 26 * 24)));
            boolean accept = r >= 0.15 || initiatives.size() > 1 && r >= 0.1;
            add(decidedAt, new DecideOnPledge(id, initiative, accept ? Verdict.ACCEPT : Verdict.REJECT,
                    accept ? null : "Outside the scope of the " + initiative + " blueprint", Actor.leaderOf("leader-" + initiative, initiative)));
            accepted |= accept;
            lastDecision = decidedAt.isAfter(lastDecision) ? decidedAt : lastDecision;
        }
        if (!accepted) {
            return;
        }
        Instant closesAt = null;
        double fate = random.nextDouble();
        if (fate < 0.04) {
            Instant earliest = lastDecision.plusSeconds(86_400L * 60);
            closesAt = Instant.parse("2023-05-15T10:00:00Z").plusSeconds(random.nextInt(150 * 86_400));
            closesAt = closesAt.isBefore(earliest) ? earliest.plusSeconds(random.nextInt(200 * 86_400)) : closesAt;
            add(closesAt, new WithdrawCommitment(id, "The programme lost its funding", ally));
        }
        LocalDate currentEnd = end;
        Instant periodEnd = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (random.nextDouble() < 0.35 && closesAt == null) {
            Instant at = lastDecision.plusSeconds(86_400L * (30 + random.nextInt(300)));
            add(at, new AmendCommitment(id, CommitmentChanges.none().withTitle(title + " (revised scope)"),
                    "Scope revised after the first year's review", ally));
        }
        // The work reaches another initiative's action: that initiative's leadership decides on it too.
        if (random.nextDouble() < 0.25 && closesAt == null) {
            Instant at = lastDecision.plusSeconds(86_400L * (60 + random.nextInt(400)));
            TargetAction extra = anotherTarget(initiatives);
            if (extra != null && at.isBefore(periodEnd)) {
                List<TargetAction> broadened = new ArrayList<>(targets);
                broadened.add(extra);
                add(at, new AmendCommitment(id, CommitmentChanges.none().withTargets(broadened),
                        "The programme now also serves the " + extra.initiativeId() + " blueprint", ally));
                if (random.nextDouble() < 0.96) {
                    add(at.plusSeconds(3_600L * (2 + random.nextInt(26 * 24))), new DecideOnPledge(id, extra.initiativeId(),
                            Verdict.ACCEPT, null, Actor.leaderOf("leader-" + extra.initiativeId(), extra.initiativeId())));
                }
            }
        }
        // The pledged amount revised once the budget is voted or the board approves it.
        if (money != null && random.nextDouble() < 0.5 && closesAt == null) {
            Instant at = lastDecision.plusSeconds(86_400L * (90 + random.nextInt(500)));
            BigDecimal factor = BigDecimal.valueOf(70 + random.nextInt(81)).movePointLeft(2);
            Money revised = new Money(money.amount().multiply(factor).round(new java.math.MathContext(3, RoundingMode.HALF_EVEN))
                    .setScale(0, RoundingMode.HALF_EVEN), money.currency());
            if (at.isBefore(periodEnd) && revised.amount().signum() > 0 && revised.amount().compareTo(money.amount()) != 0) {
                add(at, new AmendCommitment(id, CommitmentChanges.none().withFinancial(revised),
                        "Pledged amount revised after the budget was approved", ally));
            }
        }
        // A second indicator once the programme's monitoring framework is agreed.
        if (random.nextDouble() < 0.35 && closesAt == null) {
            Instant at = lastDecision.plusSeconds(86_400L * (45 + random.nextInt(300)));
            if (at.isBefore(periodEnd)) {
                List<Indicator> refined = new ArrayList<>(indicators);
                refined.add(new Indicator("partner-organisations", "organisations", BigDecimal.ZERO,
                        BigDecimal.valueOf(5L * (1 + random.nextInt(60)))));
                add(at, new AmendCommitment(id, CommitmentChanges.none().withIndicators(refined),
                        "Indicator added with the monitoring framework", ally));
            }
        }
        if (random.nextDouble() < 0.35 && closesAt == null && currentEnd.getYear() < 2026
                && !currentEnd.plusYears(1).isAfter(start.plusYears(5).minusDays(1))) {
            Instant at = lastDecision.plusSeconds(86_400L * (200 + random.nextInt(300)));
            currentEnd = currentEnd.plusYears(1);
            add(at, new ExtendCommitment(id, currentEnd, "More time needed to reach the target", ally));
        }
        // Yearly reports: mostly on time, some late, some missing, a few corrected.
        for (int year = Math.max(2021, start.getYear()); year <= Math.min(2025, currentEnd.getYear()); year++) {
            double r = random.nextDouble();
            if (r < 0.1) {
                // Missing in its cycle; some are filed with the next cycle's report, very late.
                Instant caughtUpAt = Instant.parse((year + 2) + "-02-01T09:00:00Z").plusSeconds(random.nextInt(120 * 86_400));
                if (r < 0.04 && year + 1 <= Math.min(2025, currentEnd.getYear()) && caughtUpAt.isAfter(lastDecision)
                        && (closesAt == null || caughtUpAt.isBefore(closesAt))) {
                    add(caughtUpAt, new FileProgressReport(id, year,
                            report(year, money, years, false, maker.country()), ally));
                }
                continue;
            }
            Instant filedAt = r < 0.22 ? Instant.parse((year + 1) + "-04-05T09:00:00Z").plusSeconds(random.nextInt(80 * 86_400))
                    : Instant.parse((year + 1) + "-01-15T09:00:00Z").plusSeconds(random.nextInt(70 * 86_400));
            if (!filedAt.isAfter(lastDecision) || closesAt != null && filedAt.isAfter(closesAt)) {
                continue;
            }
            ProgressReport report = report(year, money, years, year == currentEnd.getYear(), maker.country());
            add(filedAt, new FileProgressReport(id, year, report, ally));
            Instant correctedAt = filedAt;
            if (random.nextDouble() < 0.2) {
                correctedAt = filedAt.plusSeconds(86_400L * (5 + random.nextInt(40)));
                add(correctedAt, new CorrectProgressReport(id, year,
                        report(year, money, years, year == currentEnd.getYear(), maker.country()),
                        "Corrected figures after the financial audit", ally));
                if (random.nextDouble() < 0.25) {
                    correctedAt = correctedAt.plusSeconds(86_400L * (3 + random.nextInt(30)));
                    add(correctedAt, new CorrectProgressReport(id, year,
                            report(year, money, years, year == currentEnd.getYear(), maker.country()),
                            "A second correction: the partners' figures arrived late", ally));
                }
            }
            // Money reported from management accounts is updated once the year's accounts are audited.
            if (money != null && random.nextDouble() < 0.3) {
                add(correctedAt.plusSeconds(86_400L * (60 + random.nextInt(90))), new CorrectProgressReport(id, year,
                        report(year, money, years, year == currentEnd.getYear(), maker.country()),
                        "Disbursement updated from the audited accounts", ally));
            }
        }
        if (closesAt == null && fate > 0.55 && currentEnd.getYear() <= 2025) {
            add(Instant.parse((currentEnd.getYear() + 1) + "-07-01T09:00:00Z").plusSeconds(random.nextInt(60 * 86_400)),
                    new CompleteCommitment(id, "All targets met", ally));
        }
    }

    private ProgressReport report(int year, Money pledged, int years, boolean lastYear, String country) {
        double r = random.nextDouble();
        ProgressStatus status = lastYear && r < 0.5 ? ProgressStatus.COMPLETED
                : r < 0.1 ? ProgressStatus.NOT_STARTED : r < 0.72 ? ProgressStatus.ON_TRACK : r < 0.94 ? ProgressStatus.OFF_TRACK
                : ProgressStatus.COMPLETED;
        Money disbursed = pledged == null ? null : new Money(pledged.amount()
                .multiply(BigDecimal.valueOf(0.3 + random.nextDouble() * 0.9))
                .divide(BigDecimal.valueOf(years), 2, RoundingMode.HALF_EVEN), pledged.currency());
        return new ProgressReport(status, disbursed, Map.of("people-reached", BigDecimal.valueOf(random.nextInt(50_000))),
                (long) random.nextInt(200_000), Set.of(country), "Progress in " + year + ": " + status.name().toLowerCase().replace('_', ' ')
                + ". Activities delivered with partners; see the annex for details.",
                List.of(URI.create("https://example.org/reports/" + year + "/" + random.nextInt(1_000_000))));
    }

    private Money money(String country, double minUsd, double maxUsd, int year) {
        double usd = Math.exp(Math.log(minUsd) + random.nextDouble() * (Math.log(maxUsd) - Math.log(minUsd)));
        String currency = CURRENCY.getOrDefault(country, "USD");
        BigDecimal rate = rates.usdPerUnit(currency, year).orElse(BigDecimal.ONE);
        BigDecimal amount = BigDecimal.valueOf(usd).divide(rate, 0, RoundingMode.HALF_EVEN);
        BigDecimal rounded = amount.round(new java.math.MathContext(3, RoundingMode.HALF_EVEN));
        return new Money(rounded.setScale(0, RoundingMode.HALF_EVEN), currency);
    }

    private List<TargetAction> targets() {
        List<String> initiatives = new ArrayList<>(actionsByInitiative.keySet());
        Map<String, TargetAction> targets = new LinkedHashMap<>();
        double r = random.nextDouble();
        int count = r < 0.1 ? 3 : r < 0.45 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            String initiative = initiatives.get(weightedInitiative(initiatives.size()));
            List<String> actions = actionsByInitiative.get(initiative);
            String action = actions.get(random.nextInt(actions.size()));
            targets.putIfAbsent(initiative + "/" + action, new TargetAction(initiative, action));
        }
        return new ArrayList<>(targets.values());
    }

    /** An action of an initiative the commitment does not target yet; null when it targets them all. */
    private TargetAction anotherTarget(Set<String> targeted) {
        List<String> initiatives = new ArrayList<>(actionsByInitiative.keySet());
        for (int attempt = 0; attempt < 5; attempt++) {
            String initiative = initiatives.get(weightedInitiative(initiatives.size()));
            if (!targeted.contains(initiative)) {
                List<String> actions = actionsByInitiative.get(initiative);
                return new TargetAction(initiative, actions.get(random.nextInt(actions.size())));
            }
        }
        return null;
    }

    /** The coalitions draw most commitments; later entries (alliances, tables) fewer. */
    private int weightedInitiative(int n) {
        int i = (int) Math.floor(Math.pow(random.nextDouble(), 1.3) * n);
        return Math.min(n - 1, i);
    }

    private String weighted(String[][] table) {
        int r = random.nextInt(100);
        int sum = 0;
        for (String[] row : table) {
            sum += Integer.parseInt(row[1]);
            if (r < sum) {
                return row[0];
            }
        }
        return table[0][0];
    }

    private void add(Instant at, Object command) {
        steps.add(new Step(at, command));
    }
}
