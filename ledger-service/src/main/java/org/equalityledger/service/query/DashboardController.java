package org.equalityledger.service.query;

import java.time.Instant;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.initiative.ImplementationPeriod;
import org.equalityledger.api.query.dashboards.CountryDashboards;
import org.equalityledger.api.query.dashboards.CountryDashboardsQuery;
import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.api.query.dashboards.DashboardQuery;
import org.equalityledger.api.query.dashboards.InitiativeDashboards;
import org.equalityledger.api.query.dashboards.InitiativeDashboardsQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public accountability dashboards. Each answers from precomputed documents read by
 * {@code _id}; with {@code ?asOf=} from the latest snapshot before that instant plus the events
 * after it; with {@code ?year=} for one year of the implementation period.
 */
@RestController
@RequestMapping("/api/dashboards")
public class DashboardController {

    private final QueryGateway queries;
    private final ImplementationPeriod implementationPeriod;

    public DashboardController(QueryGateway queries, ImplementationPeriod implementationPeriod) {
        this.queries = queries;
        this.implementationPeriod = implementationPeriod;
    }

    @GetMapping
    public Map<String, Object> index() {
        String years = implementationPeriod.firstYear() + ".." + implementationPeriod.lastYear();
        return Map.ofEntries(
                Map.entry("global", "/api/dashboards/global"),
                Map.entry("initiatives", "/api/dashboards/initiatives"),
                Map.entry("byInitiative", "/api/dashboards/initiatives/{initiativeId}"),
                Map.entry("byAction", "/api/dashboards/actions/{initiativeId}/{actionCode}"),
                Map.entry("byStakeholderGroup", "/api/dashboards/stakeholder-groups/{" + String.join("|", DashboardScopes.groups()) + "}"),
                Map.entry("byHemisphere", "/api/dashboards/hemispheres/{" + String.join("|", DashboardScopes.hemispheres()) + "}"),
                Map.entry("countries", "/api/dashboards/countries"),
                Map.entry("byCountry", "/api/dashboards/countries/{ISO 3166-1 alpha-2}"),
                Map.entry("byRegion", "/api/dashboards/regions/{" + String.join("|", DashboardScopes.regions()) + "}"),
                Map.entry("byYear", "/api/dashboards/years/{" + years + "}"),
                Map.entry("parameters", "asOf (an instant, e.g. 2023-01-01T00:00:00Z), year (" + years + ")"),
                Map.entry("implementationPeriod", implementationPeriod));
    }

    @GetMapping("/global")
    public Dashboard global(@RequestParam(required = false) Integer year, @RequestParam(required = false) Instant asOf) {
        return dashboard("global", year, asOf);
    }

    @GetMapping("/years/{year}")
    public Dashboard year(@PathVariable int year, @RequestParam(required = false) Instant asOf) {
        return dashboard("global", year, asOf);
    }

    @GetMapping("/initiatives")
    public InitiativeDashboards initiatives(@RequestParam(required = false) Integer year, @RequestParam(required = false) Instant asOf) {
        checkYear(year);
        return Queries.answer(queries, new InitiativeDashboardsQuery(year, asOf), InitiativeDashboards.class);
    }

    @GetMapping("/initiatives/{initiativeId}")
    public Dashboard initiative(@PathVariable String initiativeId, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) Instant asOf) {
        return dashboard("initiative:" + initiativeId, year, asOf, "no initiative " + initiativeId);
    }

    @GetMapping("/actions/{initiativeId}/{actionCode}")
    public Dashboard action(@PathVariable String initiativeId, @PathVariable String actionCode,
                            @RequestParam(required = false) Integer year, @RequestParam(required = false) Instant asOf) {
        return dashboard("action:" + initiativeId + ":" + actionCode, year, asOf,
                "no action " + actionCode + " in initiative " + initiativeId);
    }

    @GetMapping("/stakeholder-groups/{group}")
    public Dashboard group(@PathVariable String group, @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Instant asOf) {
        return dashboard(DashboardScopes.group(group), year, asOf);
    }

    @GetMapping("/hemispheres/{hemisphere}")
    public Dashboard hemisphere(@PathVariable String hemisphere, @RequestParam(required = false) Integer year,
                                          @RequestParam(required = false) Instant asOf) {
        return dashboard(DashboardScopes.hemisphere(hemisphere), year, asOf);
    }

    /** Every country whose makers hold commitments, with its figures: the world map's data. */
    @GetMapping("/countries")
    public CountryDashboards countries(@RequestParam(required = false) Integer year, @RequestParam(required = false) Instant asOf) {
        checkYear(year);
        return Queries.answer(queries, new CountryDashboardsQuery(year, asOf), CountryDashboards.class);
    }

    @GetMapping("/countries/{country}")
    public Dashboard country(@PathVariable String country, @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) Instant asOf) {
        return dashboard(DashboardScopes.country(country), year, asOf);
    }

    @GetMapping("/regions/{region}")
    public Dashboard region(@PathVariable String region, @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) Instant asOf) {
        return dashboard(DashboardScopes.region(region), year, asOf);
    }

    private Dashboard dashboard(String scope, Integer year, Instant asOf) {
        return dashboard(scope, year, asOf, "no dashboard " + scope);
    }

    private Dashboard dashboard(String scope, Integer year, Instant asOf, String unknown) {
        checkYear(year);
        return Queries.optional(queries, new DashboardQuery(scope, year, asOf), Dashboard.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, unknown));
    }

    private void checkYear(Integer year) {
        if (year != null && !implementationPeriod.contains(year)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "year must be between "
                    + implementationPeriod.firstYear() + " and " + implementationPeriod.lastYear());
        }
    }
}
