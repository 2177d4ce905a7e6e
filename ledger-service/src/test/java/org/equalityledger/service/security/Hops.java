package org.equalityledger.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without the browser across several servers: one cookie jar per host and port (as a browser keeps
 * them apart), redirects never followed, so that a test sees and checks each hop of a sign-in.
 */
final class Hops {

    /** An answer: where it came from, its status, where it redirects (absolute, or null), its page. */
    record Answer(URI uri, int status, URI location, String html) {

        /** The hidden fields of the POST form that sends to {@code action} (e.g. its CSRF token). */
        Map<String, String> hiddenFieldsOf(String action) {
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

        /** The query parameters of where it redirects. */
        Map<String, String> locationQuery() {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = location.getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return query;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    Answer get(URI uri) {
        return send(uri, HttpRequest.newBuilder(uri).GET());
    }

    Answer post(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(uri, HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(URI uri, HttpRequest.Builder request) {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), k -> new ConcurrentHashMap<>());
        request.header("Accept", "text/html");
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    jar.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                }
            }
            URI location = response.headers().firstValue("Location").map(uri::resolve).orElse(null);
            return new Answer(uri, response.statusCode(), location, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
