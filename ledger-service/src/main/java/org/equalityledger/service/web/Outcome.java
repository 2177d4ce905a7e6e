package org.equalityledger.service.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a command did: the id of what it changed and what happened to it, plus flags the ledger raised
 * without refusing (e.g. {@code financial-commitment-expected}).
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
        List<String> flags) {

    public static Outcome of(String id, String outcome) {
        return new Outcome(id, outcome, List.of());
    }
}
