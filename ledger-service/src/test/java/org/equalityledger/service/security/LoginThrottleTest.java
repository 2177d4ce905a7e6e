package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.equalityledger.service.support.MovableClock;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The throttle's arithmetic on a clock the test moves: holds, their doubling and their end, and its memory. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private LoginThrottle throttle(int tracked) {
        return new LoginThrottle(new LoginThrottleProperties(3, 10, Duration.ofMinutes(1), Duration.ofMinutes(5), tracked),
                clock, meters);
    }

    @Test
    void an_account_is_held_after_its_failures_each_further_failure_doubles_the_hold_up_to_the_longest() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 2; i++) {
            throttle.failed("password", "ally-demo", "10.0.0.1");
        }
        assertThat(throttle.held("ally-demo", "10.0.0.2")).isEmpty();

        throttle.failed("password", "Ally-Demo", "10.0.0.3");

        // Names are compared without case, as the accounts are; the address does not matter.
        assertThat(throttle.held("ALLY-DEMO", "10.0.0.2")).get()
                .isEqualTo(new LoginThrottle.Hold("account", Duration.ofMinutes(1)));
        assertThat(throttle.held("ally-partner", "10.0.0.2")).isEmpty();
        clock.pass(Duration.ofMinutes(1));
        assertThat(throttle.held("ally-demo", "10.0.0.2")).isEmpty();
        throttle.failed("password", "ally-demo", "10.0.0.1");
        assertThat(throttle.held("ally-demo", "10.0.0.2").orElseThrow().retryAfter()).isEqualTo(Duration.ofMinutes(2));
        clock.pass(Duration.ofMinutes(2));
        throttle.failed("password", "ally-demo", "10.0.0.1");
        assertThat(throttle.held("ally-demo", "10.0.0.2").orElseThrow().retryAfter()).isEqualTo(Duration.ofMinutes(4));
        clock.pass(Duration.ofMinutes(4));
        throttle.failed("password", "ally-demo", "10.0.0.1");
        assertThat(throttle.held("ally-demo", "10.0.0.2").orElseThrow().retryAfter()).isEqualTo(Duration.ofMinutes(5));

        assertThat(meters.counter("ledger.logins.failed", "credentials", "password").count()).isEqualTo(6);
        assertThat(meters.counter("ledger.logins.throttled", "by", "account").count()).isEqualTo(4);
    }

    @Test
    void failures_are_forgotten_after_a_quiet_window_and_a_success_forgets_the_account_but_not_the_address() {
        LoginThrottle throttle = throttle(100);
        throttle.failed("password", "auditor", "10.0.0.1");
        throttle.failed("password", "auditor", "10.0.0.1");
        clock.pass(Duration.ofMinutes(1));
        throttle.failed("password", "auditor", "10.0.0.1");
        assertThat(throttle.held("auditor", "10.0.0.9")).isEmpty();

        throttle.failed("password", "auditor", "10.0.0.1");
        throttle.succeeded("auditor");
        throttle.failed("password", "auditor", "10.0.0.1");
        assertThat(throttle.held("auditor", "10.0.0.9")).isEmpty();

        // The address has failed 3 times since its quiet window; 7 invalid tokens make 10.
        for (int i = 0; i < 7; i++) {
            throttle.failed("token", null, "10.0.0.1");
        }
        throttle.succeeded("auditor");
        assertThat(throttle.held(null, "10.0.0.1")).get().extracting(LoginThrottle.Hold::by).isEqualTo("address");
        assertThat(throttle.held("secretariat", "10.0.0.1")).isPresent();
        assertThat(throttle.held("secretariat", "10.0.0.2")).isEmpty();
    }

    @Test
    void endless_new_names_and_addresses_do_not_grow_its_memory_past_its_bound() {
        LoginThrottle throttle = throttle(1_000);

        for (int i = 0; i < 50_000; i++) {
            throttle.failed("password", "guess-" + i + "x".repeat(i % 500), "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(2_000);
    }
}
