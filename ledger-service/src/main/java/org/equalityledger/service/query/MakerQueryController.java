package org.equalityledger.service.query;

import java.util.Locale;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.makers.ListMakers;
import org.equalityledger.api.query.makers.MakerPage;
import org.equalityledger.projections.reference.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The list of commitment makers: searched by name, filtered, in pages. */
@RestController
@RequestMapping("/api/commitment-makers")
@Tag(name = "Commitment makers")
public class MakerQueryController {

    private final QueryGateway queries;

    public MakerQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Commitment makers by name, then id, with how many match in all")
    public MakerPage list(@Parameter(description = "a part of the name, any case") @RequestParam(required = false) String text,
                          @RequestParam(required = false) StakeholderGroup group,
                          @Parameter(description = "ISO 3166 alpha-2, e.g. MX") @RequestParam(required = false) String country,
                          @Parameter(description = "e.g. LATIN_AMERICA_CARIBBEAN") @RequestParam(required = false) String region,
                          @RequestParam(required = false) Hemisphere hemisphere,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw bad("page must be 0 or more");
        }
        if (size < 1 || size > 1_000) {
            throw bad("size must be between 1 and 1000");
        }
        if (text != null && (text.isBlank() || text.length() > 200)) {
            throw bad("text must hold 1 to 200 characters");
        }
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw bad("country must be an ISO 3166 alpha-2 code, e.g. MX");
        }
        String regionName = region == null ? null : region.toUpperCase(Locale.ROOT).replace('-', '_');
        if (regionName != null && !Regions.shipped().names().contains(regionName)) {
            throw bad("region must be one of " + Regions.shipped().names());
        }
        return Queries.answer(queries, new ListMakers(text, group, country == null ? null : country.toUpperCase(Locale.ROOT),
                regionName, hemisphere, page, size), MakerPage.class);
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
