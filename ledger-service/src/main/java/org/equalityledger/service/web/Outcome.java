package org.equalityledger.service.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a command did: the id of what it changed and what happened to it, plus flags the ledger raised
 * without refusing (e.g. {@code financial-commitment-expected}), and the ledger position it reached.
 */
@Schema(description = "What a command did")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Outcome(
        @Schema(description = "the id of the initiative, maker, commitment or reporting-cycle year", example = "gac")
        String id,
        @Schema(description = "what happened", example = "pledged")
        String outcome,
        @Schema(description = "remarks recorded with the event, never a refusal",
                example = "[\"financial-commitment-expected\"]")
        List<String> flags,
        @Schema(description = "the ledger position of the command's last event (also the Ledger-Position header): "
                + "a read with minPosition at least this sees what the command did", example = "4711")
        Long position) {

    public Outcome(String id, String outcome, List<String> flags) {
        this(id, outcome, flags, null);
    }

    public static Outcome of(String id, String outcome) {
        return new Outcome(id, outcome, List.of());
    }

    Outcome at(long ledgerPosition) {
        return new Outcome(id, outcome, flags, ledgerPosition);
    }
}
