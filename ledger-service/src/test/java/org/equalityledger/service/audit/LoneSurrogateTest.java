package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.core.verify.Main;
import org.equalityledger.core.verify.VerificationResult;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's case: a maker registered with the name {@code "\ud800"} (one request by any ally) was
 * stored with a hash of other text than the store gave back, and from then on every checkpoint and
 * both verifiers failed at its position, as if the ledger had been tampered with.
 */
class LoneSurrogateTest {

    @TempDir
    Path folder;

    @StoreTest
    void a_name_of_one_lone_surrogate_is_sealed_and_verifies_like_any_other(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1", "c-2");
        assertThat(fixture.sealer.seal().outcome()).isEqualTo(LedgerSealer.Outcome.SEALED);
        CommitmentMakerRegistered registered = new CommitmentMakerRegistered("m-1", "\ud800",
                StakeholderGroup.CIVIL_SOCIETY, Hemisphere.GLOBAL_SOUTH, "MX", "ally-demo");
        fixture.engine.appendEvents(new GenericDomainEventMessage<>("CommitmentMaker", "m-1", 0, registered,
                Map.of("actor", "ally-demo")));
        fixture.append("c-1");

        LedgerSealer.Seal seal = fixture.sealer.seal();
        assertThat(seal.outcome()).as(seal.reason()).isEqualTo(LedgerSealer.Outcome.SEALED);
        assertThat(seal.checkpoint().treeSize()).isEqualTo(4);
        fixture.append("c-2");
        assertThat(fixture.sealer.seal().outcome()).as("the sealer goes on sealing").isEqualTo(LedgerSealer.Outcome.SEALED);

        VerificationResult service = fixture.verification.verify().result();
        assertThat(service.ok()).as(service.message()).isTrue();
        assertThat(service.entries()).isEqualTo(5);
        assertThat(service.checkpointsVerified()).isEqualTo(3);
        AuditFixture.Offline offline = fixture.offline(folder);
        assertThat(offline.result()).isEqualTo(service);
        assertThat(offline.exitStatus()).isEqualTo(Main.VERIFIED);

        DomainEventMessage<?> read = fixture.engine.readEvents("m-1").asStream().findFirst().orElseThrow();
        assertThat(read.getPayload()).isEqualTo(registered);
    }
}
