package org.equalityledger.service.query;

import java.time.Instant;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Checks;
import org.equalityledger.api.query.rates.UsdRateTable;
import org.equalityledger.api.query.rates.UsdRatesAsOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The US-dollar rates the ledger converts money at, as recorded, now or as of an instant. */
@RestController
@RequestMapping("/api/usd-rates")
@Tag(name = "US-dollar rates")
public class UsdRateQueryController {

    private final QueryGateway queries;

    public UsdRateQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Which US-dollar rates applied, now or as of an instant (everyone)",
            description = "One rate per currency and year: US dollars per unit of the currency, with its source, the "
                    + "ledger position and instant it was recorded at, and the rates it superseded. A currency or year "
                    + "not listed had no rate then: its money showed in its own currency.")
    public UsdRateTable rates(@RequestParam(required = false) Instant asOf, @RequestParam(required = false) String currency,
                              @RequestParam(required = false) Integer year) {
        Checks.check(checks -> {
            if (currency != null) {
                checks.currency("currency", currency);
            }
            if (year != null) {
                checks.year("year", year);
            }
        });
        return Queries.answer(queries, new UsdRatesAsOf(asOf, currency, year), UsdRateTable.class);
    }
}
