package org.equalityledger.service.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.equalityledger.api.commitment.CommitmentChanges;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.Verdict;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.GovernanceRole;
import org.equalityledger.api.initiative.InitiativeKind;
import org.equalityledger.api.initiative.MeasurableTarget;
import org.equalityledger.api.initiative.RoleHolder;
import org.equalityledger.api.initiative.Term;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.reporting.ProgressReport;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request bodies. No actor in any of them: the actor is the login. Field names match those the
 * ledger names in its 400 answers.
 */
public final class Requests {

    private Requests() {
    }

    @Schema(description = "Launch an initiative")
    public record LaunchInitiativeRequest(
            @Schema(description = "the initiative's id; defaults to the code in lower case", example = "ac-ejr")
            String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) InitiativeKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EJR") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalizedName names,
            @Schema(description = "defaults to the first year of the configured implementation period",
                    example = "2021") Integer periodStartYear,
            @Schema(description = "defaults to the last year of the configured implementation period",
                    example = "2026") Integer periodEndYear,
            @Schema(description = "optional: the initiative this one sits under", example = "ac-ejr")
            String parentInitiativeId) {
    }

    @Schema(description = "Define one action of an initiative's blueprint")
    public record DefineActionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "GAC-5") String actionCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalizedName names,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<MeasurableTarget> targets) {
    }

    @Schema(description = "Give a governance role to a maker or an organisation, for a term")
    public record AssignRoleRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) GovernanceRole role,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RoleHolder holder,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Term term) {
    }

    @Schema(description = "Extend the latest presidency by a second year")
    public record ExtendPresidencyRequest(@Schema(description = "optional") String reason) {
    }

    @Schema(description = "Register a commitment maker; the server mints its id")
    public record RegisterMakerRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Fundación Cuidar") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) StakeholderGroup stakeholderGroup,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Hemisphere hemisphere,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 3166-1 alpha-2", example = "MX")
            String country) {
    }

    @Schema(description = "Pledge a commitment for a maker the user acts for; the server mints its id")
    public record PledgeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String makerId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CommitmentDetails details) {
    }

    @Schema(description = "The leadership of one targeted initiative accepts or rejects the pledge")
    public record DecisionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "gac") String initiativeId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Verdict verdict,
            @Schema(description = "required for a rejection") String reason) {
    }

    @Schema(description = "Change any pledged field (null means unchanged), with a reason")
    public record AmendmentRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CommitmentChanges changes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "Move the end of the commitment later, with a reason")
    public record ExtensionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2025-12-31") LocalDate newEnd,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "Withdraw the commitment, with a reason")
    public record WithdrawalRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "Declare the commitment fulfilled")
    public record CompletionRequest(@Schema(description = "optional") String note) {
    }

    @Schema(description = "File the progress report of one year")
    public record ReportRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2022") Integer year,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProgressReport report) {
    }

    @Schema(description = "A corrected report that supersedes the filed one, with a reason")
    public record CorrectionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProgressReport report,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "Open the reporting cycle of a year")
    public record OpenCycleRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2022") Integer year,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2023-03-31T23:59:59Z") Instant deadline) {
    }

    @Schema(description = "Record the US-dollar rate of a currency for a year; a second rate for the same year "
            + "supersedes the first and needs a reason")
    public record UsdRateRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CRC") String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2023") Integer year,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.001837",
                    description = "US dollars per one unit of the currency, the year's average") BigDecimal usdPerUnit,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "Banco Central de Costa Rica, yearly average of the reference rate") String source,
            @Schema(description = "why an already recorded rate is corrected; optional for a first rate") String reason) {
    }
}
