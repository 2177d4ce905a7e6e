package org.equalityledger.service.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without the browser: keeps the session cookie, sends forms as a browser does (with the CSRF
 * token and submission key the page gave), and never follows redirects, so tests see where a form leads.
 */
public final class FormClient {

    /** An answer: its status, where it redirects (or null), and its page. */
    public record Page(int status, String location, String html) {

        /** The hidden fields of the POST form that sends to {@code action} (CSRF token, submission key). */
        public Map<String, String> hiddenFieldsOf(String action) {
            Matcher form = Pattern.compile("<form(?=[^>]*method=\"post\")[^>]*action=\"" + Pattern.quote(action)
                    + "(?:\\?[^\"]*)?\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
            if (!form.find()) {
                throw new AssertionError("no form sends to " + action + " in:\n" + html);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group(1));
            while (hidden.find()) {
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(hidden.group());
                Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
                if (name.find()) {
                    fields.put(name.group(1), value.find() ? value.group(1) : "");
                }
            }
            return fields;
        }
    }

    private final String base;
    private final HttpClient http;
    /** The cookies the service set, as a browser keeps them (java.net's CookieManager drops them for 127.0.0.1). */
    private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

    public FormClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in with the form, as {@code username} with the demo password. */
    public FormClient signIn(String username) {
        Page form = get("/login");
        Map<String, String> fields = new LinkedHashMap<>(form.hiddenFieldsOf("/login"));
        fields.put("username", username);
        fields.put("password", "demo");
        Page signedIn = post("/login", fields);
        if (signedIn.status() != 302 || signedIn.location().contains("error")) {
            throw new AssertionError("sign-in of " + username + " failed: " + signedIn.status() + " " + signedIn.location());
        }
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** Sends the form fields as a browser does ({@code application/x-www-form-urlencoded}). */
    public Page post(String path, Map<String, String> fields) {
        return postMany(path, fields.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** As {@link #post}, with repeated fields (several values of one name) kept in order. */
    public Page postMany(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
