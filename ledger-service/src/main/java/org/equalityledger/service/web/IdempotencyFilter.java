package org.equalityledger.service.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Commands under {@code /api}: bodies are read up to {@value #MAX_BODY_BYTES} bytes (413 beyond), and a
 * request with an {@code Idempotency-Key} header gets, on a retry by the same user to the same method
 * and path, the first answer (status, Location, body, plus {@code Idempotent-Replayed: true}) without
 * running again. The same key with a different body is 422; a retry while the first is still running
 * is 409, and so is one whose first request was abandoned (the service stopped while running it): then
 * only the ledger can tell whether it took effect, so the answer says to look there before retrying
 * with a new key. Keys live in MongoDB ({@link IdempotencyStore}). Runs after Spring Security, so the
 * user is known.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final int MAX_KEY_LENGTH = 200;
    /** Far beyond any request's time (a command waits seconds at most): a claim this old was abandoned. */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(10);

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final ObjectMapper canonical = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = readCapped(request.getInputStream());
        if (body == null) {
            problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "a request body holds at most "
                    + MAX_BODY_BYTES + " bytes", Map.of());
            return;
        }
        HttpServletRequest cached = new CachedBodyRequest(request, body);
        String key = request.getHeader(HEADER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (key == null || auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(cached, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(request, response, HttpStatus.BAD_REQUEST, "the Idempotency-Key header is not acceptable",
                    Map.of("errors", List.of(Map.of("field", HEADER, "message",
                            "must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID"))));
            return;
        }
        String userId = auth.getName();
        String id = recordId(userId, request.getMethod(), request.getRequestURI(), key);
        String fingerprint = fingerprint(request.getQueryString(), body);
        java.time.Instant startedAt = java.time.Instant.now();
        Optional<IdempotencyStore.Claim> existing;
        try {
            existing = store.claim(id, fingerprint, userId, startedAt);
        } catch (RuntimeException e) {
            logger.error("The idempotency store failed", e);
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "idempotency keys cannot be checked just now; "
                    + "nothing was done: retry later", Map.of());
            return;
        }
        if (existing.isPresent()) {
            IdempotencyStore.Claim claim = existing.get();
            if (!claim.fingerprint().equals(fingerprint)) {
                problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "this Idempotency-Key was used with a "
                        + "different request; use a new key for a new request", Map.of("rule", "idempotency-key.reused"));
            } else if (claim.answer() == null && claim.startedAt() != null
                    && claim.startedAt().plus(ABANDONED_AFTER).isBefore(startedAt)) {
                problem(request, response, HttpStatus.CONFLICT, "the first request with this Idempotency-Key (started "
                        + claim.startedAt() + ") never finished: the service stopped while running it. Look in the "
                        + "ledger whether it took effect, and if not, send it again with a new key",
                        Map.of("rule", "idempotency-key.abandoned"));
            } else if (claim.answer() == null) {
                problem(request, response, HttpStatus.CONFLICT, "the first request with this Idempotency-Key (started "
                        + claim.startedAt() + ") is still in progress: retry later, with the same key",
                        Map.of("rule", "idempotency-key.in-progress"));
            } else {
                replay(response, claim.answer());
            }
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(cached, recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                try {
                    store.complete(id, fingerprint, userId, startedAt, new IdempotencyStore.Answer(status,
                            recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentType(),
                            new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8),
                            recorded.getHeader(CommandDispatcher.POSITION_HEADER)));
                    completed = true;
                } catch (RuntimeException e) {
                    // The command is done; only its replay is lost. The answer still goes out.
                    logger.error("Could not record the answer of idempotency key record " + id, e);
                }
            }
        } finally {
            if (!completed) {
                try {
                    store.release(id);
                } catch (RuntimeException e) {
                    logger.error("Could not release idempotency key record " + id, e);
                }
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.position() != null) {
            response.setHeader(CommandDispatcher.POSITION_HEADER, answer.position());
        }
        response.setHeader(REPLAYED, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The id of a key's record: the user, method and path it was used with, and the key itself. */
    public static String recordId(String userId, String method, String path, String key) {
        return sha256(String.join("\n", userId, method, path, key).getBytes(StandardCharsets.UTF_8));
    }

    /** The request as a hash: its query and its body, JSON with its keys in order when it is JSON. */
    String fingerprint(String queryString, byte[] body) {
        byte[] content = body;
        try {
            if (body.length > 0) {
                Object tree = canonical.readValue(body, Object.class);
                content = canonical.writeValueAsBytes(tree);
            }
        } catch (IOException | NumberFormatException e) {
            // Not JSON we can put in order (or a number no BigDecimal holds): its bytes as they came.
            content = body;
        }
        String query = queryString == null ? "" : queryString;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(query.getBytes(StandardCharsets.UTF_8));
        all.write(0);
        all.writeBytes(content);
        return sha256(all.toByteArray());
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                         Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The whole body, or null when it is larger than the limit. */
    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once and served again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            java.nio.charset.Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = java.nio.charset.Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // an unknown charset: read as UTF-8
            }
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
