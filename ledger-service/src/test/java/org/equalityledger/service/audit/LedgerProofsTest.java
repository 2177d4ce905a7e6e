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

import org.bson.Document;
import org.bson.types.Binary;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InclusionProof;
import org.equalityledger.core.merkle.Merkle;
import org.equalityledger.core.verify.Main;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;
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

    @StoreTest
    void a_changed_payload_under_its_old_stored_hash_gets_no_proof(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        Document commit = fixture.commitHolding(27);
        int index = (int) (27 - commit.getLong("_id"));
        String payload = commit.getList("events", Document.class).get(index).getString("payload");
        fixture.commits().updateOne(Filters.eq("_id", commit.get("_id")),
                Updates.set("events." + index + ".payload", payload.replaceFirst("Care", "Bare")));

        assertProblem(() -> fixture.proofs.inclusion(27, null), AuditProblem.Kind.CONFLICT);
        assertThat(fixture.proofs.inclusion(26, null).verify()).isTrue();
        assertThat(fixture.proofs.inclusion(28, null).verify()).isTrue();
    }

    @StoreTest
    void the_sealer_records_where_commits_start_and_proofs_do_without_it(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        MongoCollection<Document> starts = fixture.database.getCollection("ledger_commit_starts");
        assertThat(starts.countDocuments()).isEqualTo(1);
        for (long position = 0; position < 60; position++) {
            assertThat(fixture.reader.entryAt(position).orElseThrow().commitStart())
                    .isEqualTo(fixture.commitHolding(position).getLong("_id"));
        }

        // Pointing every position at the ledger's first commit, or forgetting them all, changes no answer.
        byte[] onlyTheFirst = new byte[128];
        onlyTheFirst[0] = 1;
        starts.replaceOne(Filters.eq("_id", 0L), new Document("_id", 0L).append("starts", new Binary(onlyTheFirst))
                .append("first", 0L));
        assertEveryProofAnswersTheStoredHash(fixture);
        starts.drop();
        assertEveryProofAnswersTheStoredHash(fixture);
    }

    private static void assertEveryProofAnswersTheStoredHash(AuditFixture fixture) {
        for (long position = 0; position < 60; position++) {
            InclusionProof proof = fixture.proofs.inclusion(position, null);
            Document commit = fixture.commitHolding(position);
            String stored = commit.getList("events", Document.class).get((int) (position - commit.getLong("_id"))).getString("hash");
            assertThat(proof.entryHash()).isEqualTo(stored);
            assertThat(proof.verify()).isTrue();
        }
    }

    private static void assertProblem(Runnable call, AuditProblem.Kind kind) {
        assertThatThrownBy(call::run).isInstanceOf(AuditProblem.class)
                .extracting(e -> ((AuditProblem) e).kind()).isEqualTo(kind);
    }
}
