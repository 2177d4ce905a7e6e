package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;
import org.equalityledger.service.support.MovableClock;

/** Background verifications run one at a time: asking again while one runs answers that one. */
class BackgroundVerificationTest {

    /**
     * The system clock, except that the background verification's thread waits for the test before it
     * reads the time of its end: it stays running until the test lets it finish.
     */
    private static final class HeldAtTheEnd extends MovableClock {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Instant instant() {
            if (Thread.currentThread().getName().equals("ledger-verify")) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.now();
        }
    }

    @StoreTest
    void a_second_request_while_one_runs_answers_the_running_one(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        HeldAtTheEnd clock = new HeldAtTheEnd();
        try (LedgerVerification verification = new LedgerVerification(fixture.reader, fixture.checkpoints, fixture.nodes,
                fixture.state, AuditFixture.KEYS.getPublic(), clock)) {

            LedgerVerification.Start first = verification.start();
            LedgerVerification.Start second = verification.start();
            LedgerVerification.Start third = verification.start();

            assertThat(first.started()).isTrue();
            assertThat(second.started()).isFalse();
            assertThat(second.verification().id()).isEqualTo(first.verification().id());
            assertThat(third.verification().id()).isEqualTo(first.verification().id());
            assertThat(first.verification().finished()).isFalse();

            clock.release.countDown();
            for (int i = 0; i < 600 && !first.verification().finished(); i++) {
                Thread.sleep(50);
            }
            assertThat(first.verification().result().ok()).as(first.verification().result().message()).isTrue();
            LedgerVerification.Start next = verification.start();
            assertThat(next.started()).isTrue();
            assertThat(next.verification().id()).isNotEqualTo(first.verification().id());
        }
    }
}
