package org.equalityledger.service.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.projections.reference.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard scopes a reader may name in an address (a stakeholder group, a hemisphere, a region, a
 * country), checked the same way by the API and the public pages: any case, {@code -} for {@code _};
 * anything else is no dashboard (404).
 */
public final class DashboardScopes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private DashboardScopes() {
    }

    public static List<String> groups() {
        return names(StakeholderGroup.values());
    }

    public static List<String> hemispheres() {
        return names(Hemisphere.values());
    }

    public static List<String> regions() {
        return List.copyOf(Regions.shipped().names());
    }

    /** {@code group:<STAKEHOLDER_GROUP>}. */
    public static String group(String group) {
        return "group:" + known(group, groups());
    }

    public static String hemisphere(String hemisphere) {
        return "hemisphere:" + known(hemisphere, hemispheres());
    }

    public static String region(String region) {
        return "region:" + known(region, regions());
    }

    /** {@code country:<ISO 3166-1 alpha-2>}. */
    public static String country(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no country " + country + " (ISO 3166-1 alpha-2)");
        }
        return "country:" + code;
    }

    private static String known(String value, List<String> allowed) {
        String v = value.toUpperCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(v)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, value + " is not one of " + allowed);
        }
        return v;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }
}
