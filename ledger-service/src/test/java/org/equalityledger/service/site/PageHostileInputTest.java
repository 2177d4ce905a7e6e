package org.equalityledger.service.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.equalityledger.service.eventstore.LedgerEvents;
import org.equalityledger.service.support.FormClient;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and every workspace form, found from the service's own handler mappings (so a page added
 * later is covered without being listed), asked with generated hostile addresses, parameters and form
 * fields, signed in as each role: no answer is a failure (5xx), and a refused form records nothing.
 */
@LedgerServiceTest
class PageHostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", 20261130L);
    private static final int ROUNDS = Integer.getInteger("hostile.pageRounds", 6);
    private static final List<String> LOGINS = List.of("ally-demo", "leader-gac", "secretariat", "auditor");
    private static final List<String> HOSTILE = List.of("", " ", "%00", "%C0%AE", "%E2%80%AE", "😀", "-1", "0",
            "99999999999999999999", "2147483648", "1e400", "NaN", "2022-02-30", "2023-13-01", "9999-12-31",
            "+1000000000-01-01T00:00:00Z", "2023-06-30T25:61:00Z", "<script>alert(1)</script>", "' OR '1'='1",
            "{\"$ne\":null}", "../../etc/passwd", "${jndi:ldap://x/a}", "x".repeat(3_000), "gac", "ac-ejr",
            "GOVERNMENT", "ACCEPT", "REJECT", "2023", "CR", "commitment-00000000-0000-0000-0000-000000000000",
            "a\tb", "null", "true", "[]", "%", "100%", "\u202e");
    /** Parameter and field names the pages and forms take, and some they do not. */
    private static final List<String> NAMES = List.of("lang", "asOf", "page", "size", "year", "initiative", "group",
            "region", "country", "status", "type", "maker", "text", "action", "standing", "registered", "name",
            "stakeholderGroup", "hemisphere", "reason", "verdict", "initiativeId", "startYear", "endYear", "amount",
            "currency", "title", "description", "note", "newEnd", "from", "to", "position", "treeSize", "id", "kind",
            "code", "targets", "indicators[0].code", "indicators[0].target", "types", "coMakers", "countries",
            "narrative", "evidence", "peopleReached", "disbursed", "source", "usdPerUnit", "deadline", "holder",
            "role", "q", "zzz", "_method", "submission");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    LedgerEvents ledger;

    private record Route(String method, String pattern) {
    }

    private List<Route> siteRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith(SiteContext.class.getPackageName())) {
                continue;
            }
            var methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                    routes.add(new Route("GET", pattern));
                }
                if (methods.contains(RequestMethod.POST)) {
                    routes.add(new Route("POST", pattern));
                }
            }
        }
        return routes;
    }

    @Test
    void no_page_or_form_fails_and_no_refused_form_records_anything() {
        List<Route> routes = siteRoutes();
        assertThat(routes).extracting(Route::pattern).contains("/", "/commitments/{id}", "/workspace/{section:ally|secretariat}/makers/new");
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (String login : LOGINS) {
            FormClient client = new FormClient(port).signIn(login);
            String csrf = client.get("/workspace").hiddenFieldsOf("/logout").get("_csrf");
            for (int round = 0; round < ROUNDS; round++) {
                for (Route route : routes) {
                    String path = fill(route.pattern(), random) + query(random);
                    long before = ledger.headPosition();
                    FormClient.Page answer;
                    try {
                        answer = ask(client, route, path, csrf, random, before, failures);
                    } catch (java.io.UncheckedIOException brokenOff) {
                        failures.add(route.method() + " " + path + " as " + login + " broke off mid-answer: " + brokenOff.getMessage());
                        continue;
                    }
                    asked++;
                    if (answer.status() >= 500) {
                        failures.add(route.method() + " " + path + " as " + login + " answered " + answer.status());
                    }
                }
            }
        }
        assertThat(asked).isGreaterThan(200);
        assertThat(failures).isEmpty();
    }

    private FormClient.Page ask(FormClient client, Route route, String path, String csrf, Random random, long before,
                                List<String> failures) {
        FormClient.Page answer;
        if (route.method().equals("GET")) {
            answer = client.get(path);
        } else {
            List<Map.Entry<String, String>> fields = fields(random);
            if (random.nextInt(4) > 0) {
                fields.add(Map.entry("_csrf", csrf));
            }
            answer = client.postMany(path, fields);
            boolean recorded = answer.status() == 302 || answer.status() == 303;
            if (!recorded && ledger.headPosition() != before) {
                failures.add("POST " + path + " answered " + answer.status() + " but the ledger moved from "
                        + before + " to " + ledger.headPosition());
            }
        }
        return answer;
    }

    /** The address with each {variable} replaced by a hostile or plausible value, encoded as a browser would. */
    private static String fill(String pattern, Random random) {
        Matcher variable = Pattern.compile("\\{[^}]+}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(encode(pick(HOSTILE, random))));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static String query(Random random) {
        int count = random.nextInt(4);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? "?" : "&").append(encode(pick(NAMES, random))).append('=').append(encode(pick(HOSTILE, random)));
        }
        return query.toString();
    }

    private static List<Map.Entry<String, String>> fields(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            fields.put(pick(NAMES, random), pick(HOSTILE, random));
        }
        List<Map.Entry<String, String>> list = new ArrayList<>(fields.entrySet());
        if (random.nextBoolean()) {
            list.add(Map.entry("submission", "hostile-" + random.nextLong()));
        }
        return list;
    }

    private static String encode(String value) {
        // Percent-encoded hostile parts (%00, an overlong dot) go as they are: the point is what the server makes of them.
        return value.matches("(%[0-9A-F]{2})+") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
