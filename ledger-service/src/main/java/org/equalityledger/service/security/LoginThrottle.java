package org.equalityledger.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Holds back logins after repeated failures, per account and per client address: once an account (or an
 * address) has failed {@code accountFailures} (or {@code addressFailures}) times, its logins are refused
 * for a window without being checked, right password or not; each failure after a hold doubles the next,
 * up to the longest hold. A success forgets the account's failures (not the address's: one good account
 * must not clear the way for guessing others). Failures and holds are kept in bounded, expiring memory.
 *
 * <p>Counted as {@code ledger.logins.failed} (by credentials: password, token) and
 * {@code ledger.logins.throttled} (by: account, address); each new hold is logged in one line.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Longer account names are remembered by their hash, so a long name costs no more memory. */
    private static final int LONGEST_KEPT_NAME = 64;

    /** Why and how long logins are held back. */
    public record Hold(String by, Duration retryAfter) {
    }

    /** Failures of one account or address since it was last forgotten, and until when it is held. */
    private record Failures(int count, Instant last, Instant heldUntil) {

        boolean held(Instant now) {
            return heldUntil != null && now.isBefore(heldUntil);
        }
    }

    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;
    private final MeterRegistry meters;

    public LoginThrottle(LoginThrottleProperties limits, Clock clock, MeterRegistry meters) {
        this.limits = limits;
        this.clock = clock;
        this.meters = meters;
        this.accounts = memory(limits);
        this.addresses = memory(limits);
    }

    private static Cache<String, Failures> memory(LoginThrottleProperties limits) {
        // Nothing outlives its longest hold and the window after it.
        return Caffeine.newBuilder().maximumSize(limits.tracked())
                .expireAfterWrite(limits.longestHold().plus(limits.window())).build();
    }

    /** The hold on this account (null: none named) or address, if any; counted as throttled. */
    public Optional<Hold> held(String account, String address) {
        Instant now = clock.instant();
        Optional<Hold> hold = hold("address", addresses.getIfPresent(address), now);
        if (hold.isEmpty() && account != null) {
            hold = hold("account", accounts.getIfPresent(accountKey(account)), now);
        }
        hold.ifPresent(h -> counter("ledger.logins.throttled", "logins refused unchecked while their account or address is held back", "by", h.by()).increment());
        return hold;
    }

    private static Optional<Hold> hold(String by, Failures failures, Instant now) {
        if (failures == null || !failures.held(now)) {
            return Optional.empty();
        }
        return Optional.of(new Hold(by, Duration.between(now, failures.heldUntil())));
    }

    /** A login with these credentials ({@code password} or {@code token}) failed. */
    public void failed(String credentials, String account, String address) {
        counter("ledger.logins.failed", "logins refused for wrong credentials", "credentials", credentials).increment();
        Instant now = clock.instant();
        fail(addresses, address, limits.addressFailures(), now, "address " + address);
        if (account != null) {
            fail(accounts, accountKey(account), limits.accountFailures(), now, "account " + printable(account));
        }
    }

    /** A login of this account succeeded: its failures are forgotten. */
    public void succeeded(String account) {
        if (account != null) {
            accounts.invalidate(accountKey(account));
        }
    }

    long tracked() {
        accounts.cleanUp();
        addresses.cleanUp();
        return accounts.estimatedSize() + addresses.estimatedSize();
    }

    private void fail(Cache<String, Failures> memory, String key, int limit, Instant now, String who) {
        Failures after = memory.asMap().compute(key, (k, before) -> next(before, limit, now));
        // Failures are counted only when not held, so each one from the limit on starts a hold.
        if (after.held(now)) {
            log.warn("Logins of {} held back for {} s after {} failed logins", who,
                    Duration.between(now, after.heldUntil()).toSeconds(), after.count());
        }
    }

    private Failures next(Failures before, int limit, Instant now) {
        boolean forgotten = before == null || !now.isBefore(later(before.last(), before.heldUntil()).plus(limits.window()));
        int count = forgotten ? 1 : before.count() + 1;
        if (count < limit) {
            return new Failures(count, now, null);
        }
        Duration hold = limits.window().multipliedBy(1L << Math.min(count - limit, 20));
        return new Failures(count, now, now.plus(hold.compareTo(limits.longestHold()) > 0 ? limits.longestHold() : hold));
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(meters);
    }

    /** User names are compared without case, as the accounts are. */
    private static String accountKey(String account) {
        String name = account.toLowerCase(Locale.ROOT);
        if (name.length() <= LONGEST_KEPT_NAME) {
            return name;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the log: no line breaks or other control characters, and not too long. */
    private static String printable(String account) {
        String shown = account.length() > LONGEST_KEPT_NAME ? account.substring(0, LONGEST_KEPT_NAME) + "…" : account;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
