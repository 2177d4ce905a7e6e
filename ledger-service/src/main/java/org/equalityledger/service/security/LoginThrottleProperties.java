package org.equalityledger.service.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are held back, under {@code ledger.security.login-throttle}.
 *
 * @param accountFailures failures of one account (whatever the address) before its logins are held back
 * @param addressFailures failures from one client address (whatever the account) before its logins are held back;
 *                        higher than for an account, as many users may share one address
 * @param window          the first hold; every failure after a hold doubles the next one; failures are
 *                        forgotten once a window passes with none (and no hold)
 * @param longestHold     no hold lasts longer, however many failures, so a user is never locked out for good
 * @param tracked         at most this many accounts and as many addresses are remembered (the least used
 *                        are forgotten first), so that failed logins cannot fill the memory
 */
@ConfigurationProperties(prefix = "ledger.security.login-throttle")
public record LoginThrottleProperties(Integer accountFailures, Integer addressFailures, Duration window,
                                      Duration longestHold, Integer tracked) {

    public LoginThrottleProperties {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 50 : addressFailures;
        window = window == null ? Duration.ofMinutes(1) : window;
        longestHold = longestHold == null ? Duration.ofMinutes(15) : longestHold;
        tracked = tracked == null ? 10_000 : tracked;
        if (accountFailures < 1 || addressFailures < 1 || tracked < 1 || window.isNegative() || window.isZero()
                || longestHold.compareTo(window) < 0) {
            throw new IllegalArgumentException("ledger.security.login-throttle: failures and tracked must be at "
                    + "least 1, the window positive and the longest hold no shorter than the window");
        }
    }
}
