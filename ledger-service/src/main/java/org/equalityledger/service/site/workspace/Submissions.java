package org.equalityledger.service.site.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.equalityledger.projections.commitments.CommitmentProjector;
import org.equalityledger.projections.dashboards.DashboardProjector;
import org.equalityledger.projections.initiatives.InitiativesProjector;
import org.equalityledger.service.query.ProcessorPositions;
import org.equalityledger.service.security.CurrentActor;
import org.equalityledger.service.web.CommandDispatcher;
import org.equalityledger.service.web.IdempotencyFilter;
import org.equalityledger.service.web.IdempotencyStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A workspace form is sent once, whatever the browser does: every form carries a key minted when it was
 * shown ({@value #FIELD}), kept in the API's idempotency store. A double click or a resent form goes
 * where the first went without recording again; a second click while the first is still being recorded
 * waits for it. A refused form releases its key, so the corrected form can be sent with it. A recorded form
 * leads to its next page once the read side has applied it.
 */
@Component
public class Submissions {

    /** The hidden field every workspace form carries. */
    public static final String FIELD = "submission";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,100}");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final List<String> READ_MODELS = List.of(CommitmentProjector.NAME, DashboardProjector.NAME,
            InitiativesProjector.NAME);

    private final IdempotencyStore store;
    private final CurrentActor actor;
    private final ProcessorPositions positions;

    public Submissions(IdempotencyStore store, CurrentActor actor, ProcessorPositions positions) {
        this.store = store;
        this.actor = actor;
        this.positions = positions;
    }

    /** A new key for a form being shown. */
    public static String newKey() {
        return java.util.UUID.randomUUID().toString();
    }

    /**
     * Runs {@code action} once for this form's key and answers where to go next (a view name such as
     * {@code redirect:/workspace/ally}). A refusal the action throws releases the key and propagates.
     */
    public String once(HttpServletRequest request, Supplier<String> action) {
        String key = request.getParameter(FIELD);
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, FIELD);
        }
        String userId = actor.get().userId();
        String id = IdempotencyFilter.recordId(userId, "FORM", request.getRequestURI(), key);
        String fingerprint = fingerprint(request.getParameterMap());
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Instant startedAt = Instant.now();
            Optional<IdempotencyStore.Claim> existing = store.claim(id, fingerprint, userId, startedAt);
            if (existing.isEmpty()) {
                return run(request, id, fingerprint, userId, startedAt, action);
            }
            IdempotencyStore.Claim first = existing.get();
            if (!first.fingerprint().equals(fingerprint)) {
                throw new AlreadySent();
            }
            if (first.answer() != null) {
                return first.answer().location();
            }
            // The first sending is still being recorded (a double click): wait for where it went.
            if (Instant.now().isAfter(deadline)) {
                throw new AlreadySent();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AlreadySent();
            }
        }
    }

    private String run(HttpServletRequest request, String id, String fingerprint, String userId, Instant startedAt, Supplier<String> action) {
        String next;
        try {
            next = action.get();
        } catch (RuntimeException refused) {
            store.release(id);
            throw refused;
        }
        store.complete(id, fingerprint, userId, startedAt, new IdempotencyStore.Answer(303, next, null, null, null));
        awaitReadSide(request);
        return next;
    }

    /**
     * The page the form leads to shows what was just recorded: wait (a few seconds at most) until the read
     * side has applied it. Recorded is recorded: a read side still behind only delays the page.
     */
    private void awaitReadSide(HttpServletRequest request) {
        if (request.getAttribute(CommandDispatcher.POSITION) instanceof Long position) {
            try {
                positions.await(READ_MODELS, position, WAIT);
            } catch (RuntimeException behind) {
                // The next page says how far its figures reach (its footer); nothing more to do here.
            }
        }
    }

    /** The form's fields, in order, without the CSRF token (which changes with the session, not the form). */
    private static String fingerprint(Map<String, String[]> fields) {
        Map<String, String[]> sorted = new TreeMap<>(fields);
        sorted.remove("_csrf");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted.forEach((name, values) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                for (String v : values) {
                    sha.update((byte) 0);
                    sha.update(v.getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) 1);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This form was sent before with other values, or its first sending has not finished: the reader is
     * told to look at what was recorded before sending a fresh form.
     */
    public static final class AlreadySent extends RuntimeException {
        AlreadySent() {
            super("this form was already sent");
        }
    }
}
