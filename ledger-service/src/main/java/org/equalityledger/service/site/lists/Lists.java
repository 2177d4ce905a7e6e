package org.equalityledger.service.site.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.InitiativeSummary;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.site.SiteContext;
import org.springframework.web.util.UriComponentsBuilder;

/** What the list pages share: the form's blank fields read as "any", the API's addresses of what is shown, initiatives to pick. */
final class Lists {

    /** The page sizes a reader may pick; the API takes any size from 1 to 1000. */
    static final List<Integer> SIZES = List.of(25, 50, 100);

    private Lists() {
    }

    /** A field the reader left empty (or only spaces) filters nothing. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * An address of the API with these {@code name, value} pairs (null values left out) and the instant
     * the page shows, so a download holds exactly what the page shows.
     */
    static String api(String path, Instant asOf, Object... pairs) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                uri.queryParam(String.valueOf(pairs[i]), pairs[i + 1]);
            }
        }
        if (asOf != null) {
            uri.queryParam("asOf", asOf.toString());
        }
        return uri.encode().build().toUriString();
    }

    /** The initiatives recorded by the instant shown, by id, with their names in every language the ledger holds. */
    static List<Option> initiatives(QueryGateway queries, Instant asOf) {
        InitiativeList list = Queries.answer(queries, new ListInitiatives(null, asOf), InitiativeList.class);
        List<Option> options = new ArrayList<>();
        for (InitiativeSummary i : list.initiatives()) {
            options.add(new Option(i.initiativeId(), names(i.names())));
        }
        return options;
    }

    /** The initiatives' names by id, in the reader's language, for rows that name initiatives by id. */
    record InitiativeNames(SiteContext site, Map<String, Map<String, String>> byId) {

        static InitiativeNames of(SiteContext site, List<Option> initiatives) {
            Map<String, Map<String, String>> byId = new LinkedHashMap<>();
            initiatives.forEach(i -> byId.put(i.id(), i.names()));
            return new InitiativeNames(site, byId);
        }

        /** The initiative's name; {@code english} (the row's own) when the list does not hold it. */
        public SiteContext.Name name(String id, String english) {
            Map<String, String> names = byId.get(id);
            return names == null ? new SiteContext.Name(english == null ? id : english, "en", !"en".equals(site.getLang()))
                    : site.name(names);
        }
    }

    static Map<String, String> names(LocalizedName name) {
        Map<String, String> names = new LinkedHashMap<>();
        if (name != null) {
            names.put("en", name.en());
            names.put("es", name.es());
            names.put("fr", name.fr());
        }
        return names;
    }

    /** An initiative to pick: its id and names. */
    record Option(String id, Map<String, String> names) {
    }
}
