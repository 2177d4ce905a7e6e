package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A hostile client, derived from the OpenAPI document: every operation, as every demo account and
 * anonymously, with generated bodies (broken JSON, wrong types, huge and deep documents, odd Unicode,
 * injection strings), parameters, headers, content types and methods, plus raw requests no ordinary
 * client sends. Every answer is below 500, every refusal a problem document with the API's security
 * headers and no Java class names, and no refusal moves the ledger. Seeded: {@code -Dhostile.seed=N}
 * replays a run, {@code -Dhostile.rounds=N} sets how many requests each operation gets per login.
 */
class HostileInputTest extends ApiTest {

    static final long SEED = Long.getLong("hostile.seed", 20261130L);
    static final int ROUNDS = Integer.getInteger("hostile.rounds", 8);

    static final List<String> LOGINS = List.of(Api.SECRETARIAT, Api.LEADER_GAC, Api.LEADER_EJR, Api.LEADER_GBV,
            Api.ALLY, Api.PARTNER, Api.AUDITOR);
    /** A Java class name, or the name of an exception: never in an answer. */
    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|com\\.fasterxml|org\\.springframework|org\\.apache|org\\.axonframework"
                    + "|org\\.equalityledger)\\.[A-Za-z]|[A-Za-z]+Exception\\b");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
            "CONNECT", "PROPFIND", "FOO");

    static final List<String> HOSTILE_TEXTS_FOR_VALUES = List.of("", " ", "\u0000", "\ud800", "x\udbff", "a\tb",
            "a\r\nb", "\u001b[31m", "\u0085", "\u2028", "\u202eevil", "😀", "' OR '1'='1", "{\"$ne\": null}",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd", "x".repeat(30_000),
            "1e2147483648", "2022-13-45", "2023-03-31T25:00:00Z", "http://", "javascript:alert(1)", "MX\u0000",
            "GLOBAL_SOUTH ", "gac", "GAC-1", "FINANCIAL", "https://example.org/\ud800");
    /** Values of every JSON type and of no good kind: wrong types, edges, odd Unicode, injections. */
    static final List<JsonNode> HOSTILE_VALUES = hostileValues();
    static final List<String> HOSTILE_TEXTS = List.of("", " ", "\u0000", "\ud800", "\udc00x", "a\tb", "a\nb",
            "\u202eevil", "\ufeff", "\uffff", "😀", "' OR '1'='1", "\"; DROP TABLE commitments; --",
            "{\"$gt\": \"\"}", "$where", "<script>alert(1)</script>", "../../../../etc/passwd", "${jndi:ldap://x/a}",
            "%00", "%2e%2e%2f", "\\u0000", "x".repeat(5_000), "-1", "0", "2147483648", "99999999999999999999",
            "1e2147483648", "NaN", "true", "null", "2022-02-30", "+1000000000-01-01T00:00:00Z");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=utf-16", "application/json; charset=bogus", "text/plain", "*/*",
            "application/*", "garbage", "", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/problem+json", "application/json;;;");
    static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "garbage", "text/csv", "application/problem+json", "");

    static final List<String> BROKEN_DOCUMENTS = List.of("", "null", "[]", "{", "\"text\"", "12345", "true",
            "{} {}", "{\"reason\": \"x\", \"reason\": 5}", "\ufeff{}", "{'a': 1}", "{\"a\":1,}",
            "{\"details\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            "{\"a\":" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1501),
            "{\"reason\":\"" + "x".repeat(2 << 20) + "\"}");
    static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @LocalServerPort
    int port;

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> waited = new ArrayList<>();
    private int sent;
    private RawHttp raw;
    private Map<String, String> known;

    @Test
    void no_hostile_request_answers_5xx_or_moves_the_ledger_when_refused() throws Exception {
        raw = new RawHttp(port, 30_000);
        known = knownValues();
        long started = System.nanoTime();
        JsonNode document = Api.JSON.readTree(raw.send("GET", "/v3/api-docs", Map.of(), null).body());
        List<Operation> operations = operations(document);
        assertThat(operations).hasSizeGreaterThan(30);
        List<String> logins = new ArrayList<>(LOGINS);
        logins.add(null);
        for (Operation operation : operations) {
            for (String login : logins) {
                for (int round = 0; round < rounds(operation); round++) {
                    hostileRequest(document, operation, login);
                }
            }
            for (String method : METHODS) {
                send(method, concrete(operation.path(), false), headers(Api.AUDITOR, "application/json"), null);
            }
        }
        wrongPasswords();
        rawRequests();
        System.out.printf("Hostile input (seed %d): %d requests in %d s over %d operations; answers by status: %s%n",
                SEED, sent, (System.nanoTime() - started) / 1_000_000_000, operations.size(), byStatus);
        waited.forEach(w -> System.out.println("No answer yet, the server waits for the announced body: " + w));
        assertThat(failures).as("%d of %d hostile requests", failures.size(), sent).isEmpty();
        assertThat(byStatus.keySet()).as("no 5xx").allMatch(s -> s < 500);
        // Whatever was accepted on the way, the ledger still seals and passes its own verification.
        assertThat(api.post(Api.AUDITOR, "/api/audit/checkpoints", null).getStatusCode().is2xxSuccessful()).isTrue();
        JsonNode verification = assertStatus(api.get(Api.AUDITOR, "/api/audit/verify"), HttpStatus.OK);
        assertThat(verification.path("state").asText()).as(verification.toString()).isEqualTo("verified");
    }

    /** What the OpenAPI document says an operation takes. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode body) {
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<JsonNode> parameters = new ArrayList<>();
            op.getValue().path("parameters").forEach(parameters::add);
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters,
                    body.isMissingNode() ? null : body));
        }));
        return operations;
    }

    /** Whole-ledger reads and background jobs cost more: fewer of them. */
    private static int rounds(Operation operation) {
        return operation.path().startsWith("/api/audit/") ? Math.max(1, ROUNDS / 5) : ROUNDS;
    }

    /** Ids that exist, so that requests get past "not found" to the checks behind it. */
    private Map<String, String> knownValues() {
        String workingGroup = Api.fresh("wg");
        assertStatus(api.post(SECRETARIAT, "/api/initiatives", Map.of("id", workingGroup, "kind", "WORKING_GROUP",
                "code", "WG", "names", Map.of("en", "a", "es", "b", "fr", "c"))), HttpStatus.CREATED);
        String maker = api.registerMaker(ALLY);
        String active = api.active(ALLY);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", random.nextBoolean() ? active : workingGroup);
        values.put("commitment", active);
        values.put("initiative", workingGroup);
        values.put("initiativeId", "gac");
        values.put("actionCode", "GAC-1");
        values.put("makerId", maker);
        values.put("year", "2022");
        values.put("group", "CIVIL_SOCIETY");
        values.put("region", "AFRICA");
        values.put("hemisphere", "GLOBAL_SOUTH");
        values.put("country", "MX");
        values.put("treeSize", "1");
        // Never the real name: a rebuild would empty a projection under the other tests' feet.
        values.put("name", "no-such-projection");
        return values;
    }

    private void hostileRequest(JsonNode document, Operation operation, String login) {
        int kind = random.nextInt(10);
        String path = concrete(operation.path(), kind == 0);
        String query = query(operation, kind == 1);
        String contentType = kind == 2 ? pick(CONTENT_TYPES) : "application/json";
        Map<String, String> headers = headers(login, contentType);
        if (kind == 3) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if (kind == 4 || random.nextInt(4) == 0) {
            headers.put(IdempotencyFilter.HEADER, random.nextInt(3) == 0 ? pick(List.of("", " ", "x".repeat(300),
                    "ключ", "a\tb")) : UUID.randomUUID().toString());
        }
        byte[] body = operation.body() == null && random.nextInt(3) > 0 ? null
                : body(document, operation.body(), kind);
        send(operation.method(), path + query, headers, body);
    }

    private Map<String, String> headers(String login, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (login != null) {
            headers.put("Authorization", RawHttp.basic(login, Api.PASSWORD));
        }
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept", "application/json, application/problem+json");
        return headers;
    }

    /** The path with its parameters filled in: known ids mostly, hostile values (encoded or not) otherwise. */
    private String concrete(String template, boolean hostile) {
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            String value = hostile || !known.containsKey(m.group(1)) ? hostileSegment() : known.get(m.group(1));
            m.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private String hostileSegment() {
        String text = pick(HOSTILE_TEXTS);
        return switch (random.nextInt(4)) {
            case 0 -> pick(List.of("%00", "..", "%2e%2e", "a%2Fb", "a%5Cb", "%ED%A0%80", "%FF%FE", "%", "%zz", ";x=1",
                    "a;jsessionid=1", "%F0%9F%98%80", "~", "%20"));
            default -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        };
    }

    private String query(Operation operation, boolean hostile) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.parameters()) {
            if (!"query".equals(parameter.path("in").asText()) || random.nextInt(3) > 0 && !hostile) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = hostile ? pick(HOSTILE_TEXTS) : sampleScalar(parameter.path("schema"), name);
            pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (hostile && random.nextBoolean()) {
            pairs.add(pick(List.of("asof", "initative", "page", "%00", "a[b]", "")) + "="
                    + URLEncoder.encode(pick(HOSTILE_TEXTS), StandardCharsets.UTF_8));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String sampleScalar(JsonNode schema, String name) {
        if (known.containsKey(name)) {
            return known.get(name);
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> String.valueOf(random.nextInt(5));
            case "string" -> "date-time".equals(schema.path("format").asText()) ? "2023-01-01T00:00:00Z" : "x";
            default -> "1";
        };
    }

    /** A body: well formed from the schema, then spoiled in one of many ways. */
    private byte[] body(JsonNode document, JsonNode schema, int kind) {
        JsonNode sample = schema == null ? JsonNodeFactory.instance.objectNode() : sample(document, schema, 0);
        String json;
        try {
            switch (random.nextInt(9)) {
                case 0 -> {
                    json = ESCAPING.writeValueAsString(sample);
                    json = json.substring(0, random.nextInt(json.length() + 1));
                }
                case 1 -> json = pick(BROKEN_DOCUMENTS);
                case 2 -> {
                    byte[] bytes = ESCAPING.writeValueAsBytes(sample);
                    byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 3);
                    System.arraycopy(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xed}, 0, broken,
                            random.nextInt(bytes.length + 1), 0);
                    broken[random.nextInt(broken.length)] = (byte) (0x80 + random.nextInt(0x80));
                    return broken;
                }
                default -> {
                    spoil(sample, random.nextInt(3) + 1);
                    json = random.nextBoolean() ? ESCAPING.writeValueAsString(sample) : Api.JSON.writeValueAsString(sample);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return json.getBytes(kind == 5 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    /** Replaces {@code times} values anywhere in the tree by hostile ones, drops or adds fields. */
    private void spoil(JsonNode root, int times) {
        for (int t = 0; t < times; t++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers, 0);
            JsonNode container = containers.get(random.nextInt(containers.size()));
            if (container instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                int action = random.nextInt(10);
                if (names.isEmpty() || action == 0) {
                    object.set(pick(List.of("unknown", "actor", "by", "$where", "__proto__", "id")), pick(HOSTILE_VALUES).deepCopy());
                } else if (action == 1) {
                    object.remove(pick(names));
                } else {
                    object.set(pick(names), pick(HOSTILE_VALUES).deepCopy());
                }
            } else if (container instanceof ArrayNode array) {
                if (array.isEmpty() || random.nextBoolean()) {
                    array.add(pick(HOSTILE_VALUES).deepCopy());
                } else {
                    array.set(random.nextInt(array.size()), pick(HOSTILE_VALUES).deepCopy());
                }
            }
        }
    }

    /** The objects and arrays of the request's own shape, not those of a deep value put in before. */
    private static void collect(JsonNode node, List<JsonNode> containers, int depth) {
        if (node.isContainerNode() && depth < 8) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers, depth + 1);
            }
        }
    }

    /** A valid-looking value of the schema: examples and enums where the document gives them. */
    private JsonNode sample(JsonNode document, JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return depth > 6 ? f.nullNode() : sample(document, document.path("components").path("schemas").path(name),
                    depth + 1);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        String format = schema.path("format").asText();
        return switch (schema.path("type").asText()) {
            case "object" -> {
                ObjectNode object = f.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                        sample(document, p.getValue(), depth + 1)));
                if (schema.has("additionalProperties") && !schema.path("properties").fields().hasNext()) {
                    object.set("CARE-JOBS", sample(document, schema.get("additionalProperties"), depth + 1));
                }
                yield object;
            }
            case "array" -> f.arrayNode().add(sample(document, schema.path("items"), depth + 1));
            case "integer" -> f.numberNode(format.equals("int64") ? 5000 : 2022);
            case "number" -> f.numberNode(100);
            case "boolean" -> f.booleanNode(true);
            case "string" -> switch (format) {
                case "date" -> f.textNode("2022-06-30");
                case "date-time" -> f.textNode("2023-03-31T23:59:59Z");
                case "uri" -> f.textNode("https://example.org/evidence");
                default -> f.textNode("Care is work");
            };
            default -> f.objectNode();
        };
    }

    static List<JsonNode> hostileValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>();
        values.add(f.nullNode());
        values.add(f.booleanNode(false));
        values.add(f.numberNode(-1));
        values.add(f.numberNode(0));
        values.add(f.numberNode(Long.MAX_VALUE));
        values.add(f.numberNode(new java.math.BigDecimal("1e308")));
        values.add(f.numberNode(new java.math.BigDecimal("1e2147483647")));
        values.add(f.numberNode(new java.math.BigDecimal("-1e-999999")));
        values.add(f.numberNode(new java.math.BigInteger("9".repeat(5000))));
        values.add(f.numberNode(2021.5));
        values.add(f.arrayNode());
        values.add(f.arrayNode().add(1).add("two").add(f.nullNode()));
        values.add(f.objectNode());
        values.add(f.objectNode().put("$gt", ""));
        values.add(f.objectNode().put("$where", "sleep(1000)"));
        ArrayNode deep = f.arrayNode();
        ArrayNode at = deep;
        for (int i = 0; i < 200; i++) {
            at = at.addArray();
        }
        values.add(deep);
        for (String text : HOSTILE_TEXTS_FOR_VALUES) {
            values.add(f.textNode(text));
        }
        return List.copyOf(values);
    }


    private void wrongPasswords() {
        for (String login : List.of(Api.ALLY, "nobody", "secretariat\u0000")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", RawHttp.basic(login, "wrong"));
            send("GET", "/api/projections", headers, null);
        }
        for (String authorization : List.of("Basic", "Basic !!!", "Basic " + "A".repeat(5000), "Bearer x.y.z",
                "Digest x", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()))) {
            send("POST", "/api/commitment-makers", Map.of("Authorization", authorization,
                    "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Requests no ordinary client would write. */
    private void rawRequests() {
        String auth = "Authorization: " + RawHttp.basic(Api.ALLY, Api.PASSWORD) + "\r\n";
        List<String> requests = new ArrayList<>(List.of(
                "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/a%5Cb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments/<x> HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments?page=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET http://evil.example/api/commitments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nHost: localhost\r\nX-Ctl: a\u0001b\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
                "GET /api/commitments HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "POST /api/commitment-makers HTTP/1.1\r\nHost: localhost\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "0\r\nConnection: close\r\n\r\n",
                "POST /api/commitment-makers HTTP/1.1\r\nHost: localhost\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\nConnection: close\r\n\r\n",
                "POST /api/commitment-makers HTTP/1.1\r\nHost: localhost\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
                "POST /api/commitment-makers HTTP/1.1\r\nHost: localhost\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}"));
        RawHttp impatient = new RawHttp(port, 3_000);
        for (String request : requests) {
            long head = api.head();
            try {
                check(abbreviate(request), impatient.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1), false), head);
            } catch (java.io.UncheckedIOException e) {
                // Still waiting for the body the request announced, as it should: no answer is due yet.
                waited.add(abbreviate(request));
                sent++;
            }
        }
    }

    private void send(String method, String target, Map<String, String> headers, byte[] body) {
        long head = api.head();
        RawHttp.Answer answer = raw.send(method, target, headers, body);
        check(method + " " + abbreviate(target) + " " + headers.keySet() + " <- "
                + (body == null ? "no body" : abbreviate(new String(body, StandardCharsets.UTF_8))), answer, head);
    }

    private void check(String request, RawHttp.Answer answer, long head) {
        sent++;
        byStatus.merge(answer.status(), 1, Integer::sum);
        int status = answer.status();
        if (status >= 500) {
            failures.add(request + " -> " + status + " " + abbreviate(answer.text()));
            return;
        }
        if (status < 400) {
            return;
        }
        boolean head_ = answer.body().length == 0 && request.startsWith("HEAD");
        String type = answer.header("Content-Type");
        if (!head_ && (type == null || !type.startsWith("application/problem+json"))) {
            failures.add(request + " -> " + status + " not a problem document: " + type + " " + abbreviate(answer.text()));
        } else if (!head_) {
            try {
                JsonNode problem = Api.JSON.readTree(answer.body());
                if (problem.path("status").asInt() != status) {
                    failures.add(request + " -> " + status + " problem with status " + problem.path("status"));
                }
            } catch (Exception e) {
                failures.add(request + " -> " + status + " unreadable problem: " + abbreviate(answer.text()));
            }
            if (JAVA_NAMES.matcher(answer.text()).find()) {
                failures.add(request + " -> " + status + " names Java classes: " + abbreviate(answer.text()));
            }
        }
        if (!"nosniff".equals(answer.header("X-Content-Type-Options")) || answer.header("X-Frame-Options") == null
                || answer.header("Cache-Control") == null || !answer.header("Cache-Control").contains("no-store")) {
            failures.add(request + " -> " + status + " without the security headers: " + answer.headers());
        }
        long after = api.head();
        if (after != head) {
            failures.add(request + " -> " + status + " yet the ledger moved from " + head + " to " + after);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
