package org.equalityledger.service.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.makers.ListMakers;
import org.equalityledger.api.query.makers.MakerPage;
import org.equalityledger.api.query.makers.MakerSummary;
import org.equalityledger.projections.reference.Names;
import org.equalityledger.projections.reference.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
                          @Parameter(description = "as the ledger had recorded the makers then") @RequestParam(required = false) Instant asOf,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return Queries.answer(queries, query(text, group, country, region, hemisphere, asOf, page, size), MakerPage.class);
    }

    /** The same list, every matching maker (now or as recorded at {@code asOf}), as CSV. */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every commitment maker of the list, as CSV")
    public ResponseEntity<String> csv(@RequestParam(required = false) String text, @RequestParam(required = false) StakeholderGroup group,
                                      @RequestParam(required = false) String country, @RequestParam(required = false) String region,
                                      @RequestParam(required = false) Hemisphere hemisphere,
                                      @RequestParam(required = false) Instant asOf) {
        ListMakers first = query(text, group, country, region, hemisphere, asOf, 0, 1);
        MakerPage all = Queries.answer(queries, new ListMakers(first.text(), first.group(), first.country(), first.region(),
                first.hemisphere(), 0, Integer.MAX_VALUE, asOf), MakerPage.class);
        StringBuilder out = new StringBuilder(Csv.line(List.of("Commitment maker", "Name", "Stakeholder group",
                "Global South/North", "Country", "Region", "Commitments")));
        for (MakerSummary m : all.items()) {
            out.append(Csv.line(Arrays.asList(m.makerId(), m.name(), Names.group(m.stakeholderGroup()), Names.words(m.hemisphere()),
                    Names.country(m.country()), Names.words(m.region()), m.commitments())));
        }
        return ReportingQueryController.csv("commitment-makers.csv", out.toString());
    }

    /** The page asked for, refused (400) when a value cannot name anything or the page is out of bounds. */
    public static ListMakers query(String text, StakeholderGroup group, String country, String region, Hemisphere hemisphere,
                                  Instant asOf, int page, int size) {
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
        return new ListMakers(text, group, country == null ? null : country.toUpperCase(Locale.ROOT), region(region), hemisphere,
                page, size, asOf);
    }

    /** A region's name (any case, {@code -} for {@code _}); refused (400) when no region is so named. */
    static String region(String region) {
        String regionName = region == null ? null : region.toUpperCase(Locale.ROOT).replace('-', '_');
        if (regionName != null && !Regions.shipped().names().contains(regionName)) {
            throw bad("region must be one of " + Regions.shipped().names());
        }
        return regionName;
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
