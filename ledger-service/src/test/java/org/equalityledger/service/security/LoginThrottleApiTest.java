package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.equalityledger.service.support.Api;
import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wrong passwords and invalid tokens over HTTP, each test from client addresses of its own (the
 * loopback network's 127.0.0.x, bound on the client side), with a one-second window.
 */
@LedgerServiceTest
@AutoConfigureObservability // Spring Boot turns metrics export off in tests unless asked
@TestPropertySource(properties = {
        "ledger.security.login-throttle.account-failures=3",
        "ledger.security.login-throttle.address-failures=6",
        "ledger.security.login-throttle.window=PT1S",
        "ledger.security.login-throttle.longest-hold=PT4S"})
@DirtiesContext // its own settings: closed afterwards rather than kept among the cached contexts
class LoginThrottleApiTest {

    @LocalServerPort
    int port;

    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() throws IOException {
            return Api.JSON.readTree(body);
        }
    }

    /** A GET from {@code address}, with an Authorization header when given. */
    private Answer get(String address, String path, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            String accept = path.startsWith("/actuator/") ? "text/plain" : "application/json";
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equals(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            // Sizes count bytes; these bodies are ASCII.
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertHeld(Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(429);
        assertThat(answer.json().path("detail").asText()).startsWith("too many failed logins");
        assertThat(Long.parseLong(answer.headers().get("retry-after"))).isBetween(1L, 4L);
        assertThat(answer.headers()).containsKeys("content-security-policy", "x-content-type-options");
    }

    @Test
    void wrong_passwords_hold_the_account_back_even_with_the_right_password_until_the_window_has_passed()
            throws Exception {
        String history = "/api/commitment-makers/maker-none";
        for (int i = 0; i < 3; i++) {
            assertThat(get("127.0.0.11", history, basic("leader-ac-gbv", "guess-" + i)).status()).isEqualTo(401);
        }

        Answer held = get("127.0.0.11", history, basic("leader-ac-gbv", "guess-4"));
        assertHeld(held);
        assertHeld(get("127.0.0.11", history, basic("leader-ac-gbv", "demo")));
        // The account is held from any address; another account from another address is not.
        assertHeld(get("127.0.0.12", history, basic("leader-ac-gbv", "demo")));
        assertThat(get("127.0.0.12", "/api/audit/verifications/none", basic("auditor", "demo")).status()).isEqualTo(404);

        Thread.sleep(Long.parseLong(held.headers().get("retry-after")) * 1000 + 100);
        assertThat(get("127.0.0.11", "/api/commitments/commitment-none/history", basic("leader-ac-gbv", "demo")).status())
                .isEqualTo(404);

        String metrics = get("127.0.0.13", "/actuator/prometheus", null).body();
        assertThat(counted(metrics, "ledger_logins_failed_total{application=\"equality-ledger\",credentials=\"password\"}"))
                .isGreaterThanOrEqualTo(3);
        assertThat(counted(metrics, "ledger_logins_throttled_total{application=\"equality-ledger\",by=\"account\"}"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void failures_for_many_accounts_from_one_address_hold_that_address_back_and_no_other() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(get("127.0.0.21", "/api/commitments/commitment-none/history", basic("someone-" + i, "demo"))
                    .status()).isEqualTo(401);
        }

        assertHeld(get("127.0.0.21", "/api/commitments/commitment-none/history", basic("ally-demo", "demo")));
        assertThat(get("127.0.0.22", "/api/commitments/commitment-none/history", basic("ally-demo", "demo")).status())
                .isEqualTo(404);
        // Without credentials there is nothing to hold back: the public reads still answer.
        assertThat(get("127.0.0.21", "/api/dashboards/global", null).status()).isEqualTo(200);
    }

    @Test
    void invalid_bearer_tokens_from_one_address_hold_it_back() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(get("127.0.0.31", "/api/audit/checkpoints", "Bearer not-a-token-" + i).status()).isEqualTo(401);
        }

        assertHeld(get("127.0.0.31", "/api/audit/checkpoints", "Bearer not-a-token"));
        String metrics = get("127.0.0.32", "/actuator/prometheus", null).body();
        assertThat(counted(metrics, "ledger_logins_failed_total{application=\"equality-ledger\",credentials=\"token\"}"))
                .isGreaterThanOrEqualTo(6);
        assertThat(counted(metrics, "ledger_logins_throttled_total{application=\"equality-ledger\",by=\"address\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    private static double counted(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElse(0.0);
    }
}
