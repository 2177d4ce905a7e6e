package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InclusionProof;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.verify.Main;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** Proofs answered from the stored tree verify with ledger-core's verifiers against the signed checkpoints. */
class LedgerProofsTest {

    @TempDir
    Path folder;

    private static List<byte[]> bytes(List<String> hexes) {
        return hexes.stream().map(HexFormat.of()::parseHex).toList();
    }

    @StoreTest
    void every_event_has_an_inclusion_proof_in_every_checkpoint_that_holds_it(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();

        for (Checkpoint checkpoint : fixture.checkpoints.all()) {
            for (long position = 0; position < checkpoint.treeSize(); position++) {
                Long size = checkpoint.treeSize() == 60 ? null : checkpoint.treeSize();
                InclusionProof proof = fixture.proofs.inclusion(position, size);

                assertThat(proof.treeSize()).isEqualTo(checkpoint.treeSize());
                assertThat(proof.rootHash()).isEqualTo(checkpoint.rootHash());
                assertThat(proof.entryHash()).isEqualTo(fixture.reader.entryAt(position).orElseThrow().storedHash());
                assertThat(proof.verify()).isTrue();
                assertThat(Merkle.verifyInclusion(position, proof.treeSize(), HexFormat.of().parseHex(proof.leafHash()),
                        bytes(proof.auditPath()), checkpoint.rootHashBytes())).isTrue();
            }
        }
    }

    @StoreTest
    void consistency_proofs_link_every_pair_of_checkpoints(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        List<Checkpoint> all = fixture.checkpoints.all();

        for (Checkpoint older : all) {
            for (Checkpoint newer : all) {
                if (older.treeSize() <= newer.treeSize()) {
                    ConsistencyProof proof = fixture.proofs.consistency(older.treeSize(), newer.treeSize());
                    assertThat(proof.rootM()).isEqualTo(older.rootHash());
                    assertThat(proof.rootN()).isEqualTo(newer.rootHash());
                    assertThat(Merkle.verifyConsistency(older.treeSize(), newer.treeSize(), older.rootHashBytes(),
                            newer.rootHashBytes(), bytes(proof.proof()))).isTrue();
                }
            }
        }
        assertThat(fixture.proofs.consistency(20, null).n()).isEqualTo(60);
    }

    @StoreTest
    void the_offline_verifier_accepts_the_proofs_with_the_checkpoints_and_key(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        Path key = AuditFixture.publicKeyFile(folder);
        Path at20 = AuditFixture.checkpointFile(folder, fixture.checkpoints.at(20).orElseThrow());
        Path at60 = AuditFixture.checkpointFile(folder, fixture.checkpoints.at(60).orElseThrow());
        Path inclusion = Files.writeString(folder.resolve("inclusion.json"), fixture.proofs.inclusion(33, null).toJson());
        Path consistency = Files.writeString(folder.resolve("consistency.json"), fixture.proofs.consistency(20, 60L).toJson());

        assertThat(run("inclusion", inclusion.toString(), "--public-key", key.toString(), "--checkpoint", at60.toString()))
                .startsWith("OK: the entry at position 33 is in the tree of 60 entries");
        assertThat(run("consistency", consistency.toString(), "--public-key", key.toString(),
                "--checkpoint", at20.toString(), "--checkpoint", at60.toString()))
                .startsWith("OK: the tree of 60 entries");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(Main.VERIFIED);
        return out.toString(StandardCharsets.UTF_8);
    }

    @StoreTest
    void questions_it_cannot_answer_say_why(TestStore store) {
        AuditFixture empty = AuditFixture.on(store);
        assertThatThrownBy(() -> empty.proofs.inclusion(0, null)).isInstanceOf(AuditProblem.class)
                .extracting(e -> ((AuditProblem) e).kind()).isEqualTo(AuditProblem.Kind.NOT_FOUND);

        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        fixture.append("c-1");
        assertProblem(() -> fixture.proofs.inclusion(60, null), AuditProblem.Kind.BAD_REQUEST);
        assertProblem(() -> fixture.proofs.inclusion(-1, null), AuditProblem.Kind.BAD_REQUEST);
        assertProblem(() -> fixture.proofs.inclusion(3, 61L), AuditProblem.Kind.NOT_FOUND);
        assertProblem(() -> fixture.proofs.inclusion(0, 0L), AuditProblem.Kind.BAD_REQUEST);
        assertProblem(() -> fixture.proofs.consistency(0, 60L), AuditProblem.Kind.BAD_REQUEST);
        assertProblem(() -> fixture.proofs.consistency(41, 40L), AuditProblem.Kind.BAD_REQUEST);
        assertProblem(() -> fixture.proofs.consistency(20, 61L), AuditProblem.Kind.NOT_FOUND);

        fixture.commits().updateOne(Filters.eq("_id", 0L), Updates.set("events.0.hash", "0".repeat(64)));
        assertProblem(() -> fixture.proofs.inclusion(0, null), AuditProblem.Kind.CONFLICT);
    }

    private static void assertProblem(Runnable call, AuditProblem.Kind kind) {
        assertThatThrownBy(call::run).isInstanceOf(AuditProblem.class)
                .extracting(e -> ((AuditProblem) e).kind()).isEqualTo(kind);
    }
}
