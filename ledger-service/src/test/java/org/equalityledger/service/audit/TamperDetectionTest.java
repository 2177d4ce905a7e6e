package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.core.verify.Main;
import org.equalityledger.core.verify.VerificationResult;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;

/**
 * Tampering straight in MongoDB with a sealed ledger (60 events, checkpoints at 20, 40 and 60): each
 * change is found by the service's verify and by the offline verifier on an export of the altered
 * store, and both name the same first bad position.
 */
class TamperDetectionTest {

    @TempDir
    Path folder;

    private record Found(VerificationResult service, AuditFixture.Offline offline) {
    }

    private Found verifyBothWays(AuditFixture fixture) throws Exception {
        return new Found(fixture.verification.verify().result(), fixture.offline(folder));
    }

    private static void assertFailedAt(Found found, long position, String why) {
        assertThat(found.service().ok()).as(found.service().message()).isFalse();
        assertThat(found.service().failedPosition()).as(found.service().message()).isEqualTo(position);
        assertThat(found.service().failure()).contains(why);
        assertThat(found.offline().result().failedPosition()).as(found.offline().result().message()).isEqualTo(position);
        assertThat(found.offline().result().failure()).contains(why);
        assertThat(found.offline().exitStatus()).isEqualTo(Main.FAILED);
        assertThat(found.offline().output()).startsWith("FAILED: ");
    }

    @StoreTest
    void an_untouched_ledger_verifies(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();

        Found found = verifyBothWays(fixture);

        assertThat(found.service().ok()).as(found.service().message()).isTrue();
        assertThat(found.service().entries()).isEqualTo(60);
        assertThat(found.service().checkpointsVerified()).isEqualTo(3);
        assertThat(found.service().coveredEntries()).isEqualTo(60);
        assertThat(found.service().rootHash()).isEqualTo(fixture.sealer.latest().orElseThrow().rootHash());
        assertThat(found.offline().result()).isEqualTo(found.service());
        assertThat(found.offline().exitStatus()).isEqualTo(Main.VERIFIED);
        assertThat(found.offline().output()).startsWith("OK: 60 entries, 3 checkpoints verified");
    }

    @StoreTest
    void a_byte_changed_in_one_payload(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        Document commit = fixture.commitHolding(27);
        int index = (int) (27 - commit.getLong("_id"));
        String payload = commit.getList("events", Document.class).get(index).getString("payload");
        String changed = payload.replaceFirst("Care", "Bare");
        assertThat(changed).isNotEqualTo(payload);
        fixture.commits().updateOne(Filters.eq("_id", commit.get("_id")), Updates.set("events." + index + ".payload", changed));

        assertFailedAt(verifyBothWays(fixture), 27, "position 27: stored hash does not match its content");
    }

    @StoreTest
    void a_commit_deleted(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        // Positions 30 to 34 are one commit.
        assertThat(fixture.commitHolding(30).getLong("_id")).isEqualTo(30);
        fixture.commits().deleteOne(Filters.eq("_id", 30L));

        assertFailedAt(verifyBothWays(fixture), 30, "position 30: the next entry claims position 35");
    }

    @StoreTest
    void the_last_commit_deleted(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        fixture.commits().deleteOne(Filters.eq("_id", 55L));

        assertFailedAt(verifyBothWays(fixture), 55, "the ledger ends after 55 entries");
    }

    @StoreTest
    void two_events_swapped(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        Document first = fixture.commitHolding(12);
        Document second = fixture.commitHolding(33);
        int i = (int) (12 - first.getLong("_id"));
        int j = (int) (33 - second.getLong("_id"));
        Document a = first.getList("events", Document.class).get(i);
        Document b = second.getList("events", Document.class).get(j);
        // Everything but the position moves, stored hash included.
        Document aMoved = new Document(b).append("position", 12L);
        Document bMoved = new Document(a).append("position", 33L);
        fixture.commits().updateOne(Filters.eq("_id", first.get("_id")), Updates.set("events." + i, aMoved));
        fixture.commits().updateOne(Filters.eq("_id", second.get("_id")), Updates.set("events." + j, bMoved));

        assertFailedAt(verifyBothWays(fixture), 12, "position 12: stored hash does not match its content");
    }

    @StoreTest
    void two_whole_commits_swapped_in_place(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        // The commits at 10 and at 35 (five events each) trade places, positions and all.
        Document at10 = fixture.commitHolding(10);
        Document at35 = fixture.commitHolding(35);
        assertThat(at10.getList("events", Document.class)).hasSize(5);
        assertThat(at35.getLong("_id")).isEqualTo(35);
        assertThat(at35.getList("events", Document.class)).hasSize(5);
        // The unique index on the aggregate keys wants them moved in three steps.
        Document withoutKeys = new Document(at35).append("_id", 10L);
        withoutKeys.remove("keys");
        fixture.commits().replaceOne(Filters.eq("_id", 10L), withoutKeys);
        fixture.commits().replaceOne(Filters.eq("_id", 35L), new Document(at10).append("_id", 35L));
        fixture.commits().updateOne(Filters.eq("_id", 10L), Updates.set("keys", at35.get("keys")));

        assertFailedAt(verifyBothWays(fixture), 10, "position 10: the next entry claims position 35");
    }

    /** A forged event of a new aggregate, so its own chain is well formed, with the right hash for its position. */
    private static Document forgedEvent(AuditFixture fixture, long position) {
        Document model = fixture.commitHolding(0).getList("events", Document.class).get(0);
        LedgerEntry forged = new LedgerEntry(position, "forged-event", "Commitment", "c-forged", 0,
                model.getString("payloadType"), null, model.getString("recordedAt"),
                "{\"commitmentId\":\"c-forged\",\"title\":\"never pledged\"}", model.getString("metadata"), null);
        return new Document("position", position).append("eventId", forged.eventId())
                .append("aggregateType", forged.aggregateType()).append("aggregateId", forged.aggregateId())
                .append("sequence", 0L).append("payloadType", forged.payloadType()).append("payloadRevision", null)
                .append("recordedAt", forged.recordedAt()).append("payload", forged.payload())
                .append("metadata", forged.metadata()).append("previousHash", null).append("hash", forged.hash());
    }

    @StoreTest
    void a_forged_event_inserted_into_a_commit(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        // Slipped in at position 17 of the commit 15-19, whose later events now come one place late.
        fixture.commits().updateOne(Filters.eq("_id", 15L), Updates.pushEach("events", List.of(forgedEvent(fixture, 17)),
                new PushOptions().position(2)));

        assertFailedAt(verifyBothWays(fixture), 17, "position 17: claimed a second time");
    }

    @StoreTest
    void a_forged_commit_inserted_inside_another(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        // Position 37 is free as an _id, though the commit 35-39 holds it.
        fixture.commits().insertOne(new Document("_id", 37L).append("count", 1)
                .append("events", List.of(forgedEvent(fixture, 37))));

        assertFailedAt(verifyBothWays(fixture), 37, "position 37: claimed a second time");
    }

    /**
     * Unsealed events removed past the last checkpoint, leaving a gap longer than the walk's window
     * (8 positions here): the walk cannot step over it, but the service counts commits it could not
     * reach. The export, read with a wider window, shows the gap to the offline verifier as well.
     */
    @StoreTest
    void unsealed_commits_past_a_gap_are_found(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        for (int i = 0; i < 15; i++) {
            fixture.append("c-" + i);
        }
        fixture.commits().deleteMany(Filters.in("_id", List.of(60L, 61L, 62L, 63L, 64L, 65L, 66L, 67L, 68L, 69L)));

        Found found = verifyBothWays(fixture);

        assertThat(found.service().failure()).contains("5 more stored commit(s) lie past a gap");
        assertFailedAt(found, 60, "position 60");
    }

    /**
     * Someone with write access but without the signing key rewrites the events from position 45 on:
     * new content, hashes recomputed, aggregate chains relinked, and the Merkle tree rebuilt to agree.
     * Every hash and chain then holds; only the signed checkpoint at 60 can tell. The first position no
     * valid checkpoint confirms is 40, and that is what both name, with the range 40 to 59.
     */
    @StoreTest
    void the_tail_rewritten_with_recomputed_hashes_and_a_consistent_new_tree(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        rewriteFrom(fixture, 45);

        Found found = verifyBothWays(fixture);

        assertFailedAt(found, 40, "checkpoint at size 60: root differs");
        assertThat(found.service().failure()).contains("from position 40 to 59");
        assertThat(found.service().coveredEntries()).isEqualTo(40);
        // And the sealer will not sign over it.
        fixture.append("c-1");
        assertThat(fixture.sealer.seal().outcome()).isEqualTo(LedgerSealer.Outcome.REFUSED);
    }

    @StoreTest
    void the_tail_rewritten_and_its_checkpoint_signed_again_with_another_key(TestStore store) throws Exception {
        AuditFixture fixture = AuditFixture.on(store).sealedLedger();
        MerkleLog rewritten = rewriteFrom(fixture, 45);
        KeyPair forger = LedgerKeys.generate();
        Checkpoint forged = Checkpoint.sign(60, rewritten.root(60), Instant.now(), forger);
        fixture.database.getCollection(CheckpointStore.COLLECTION).replaceOne(Filters.eq("_id", 60L),
                new Document("_id", 60L).append("rootHash", forged.rootHash()).append("issuedAt", forged.issuedAt())
                        .append("signature", forged.signature()).append("keyId", forged.keyId()));

        assertFailedAt(verifyBothWays(fixture), 40, "checkpoint at size 60: signed by key " + forged.keyId());
    }

    /** Rewrites the payload of every event from {@code from} on, recomputing hashes and chains, and rebuilds the tree. */
    private static MerkleLog rewriteFrom(AuditFixture fixture, long from) {
        Map<String, String> lastHash = new HashMap<>();
        List<Document> commits = new ArrayList<>();
        fixture.commits().find().forEach(commits::add);
        commits.sort((x, y) -> Long.compare(x.getLong("_id"), y.getLong("_id")));
        fixture.database.getCollection(MongoNodeStore.COLLECTION).drop();
        MerkleLog tree = new MerkleLog(new MongoNodeStore(fixture.database));
        for (Document commit : commits) {
            List<Document> events = new ArrayList<>(commit.getList("events", Document.class));
            boolean changed = false;
            for (int k = 0; k < events.size(); k++) {
                Document e = events.get(k);
                LedgerEntry entry = AuditFixture.entryOf(e);
                if (entry.position() >= from) {
                    String payload = entry.position() == from ? entry.payload().replace("Care", "Bare") : entry.payload();
                    String previous = entry.aggregateId() == null ? null : lastHash.get(entry.aggregateId());
                    entry = new LedgerEntry(entry.position(), entry.eventId(), entry.aggregateType(), entry.aggregateId(),
                            entry.sequence(), entry.payloadType(), entry.payloadRevision(), entry.recordedAt(), payload,
                            entry.metadata(), previous);
                    events.set(k, new Document(e).append("payload", payload).append("previousHash", previous)
                            .append("hash", entry.hash()));
                    changed = true;
                }
                if (entry.aggregateId() != null) {
                    lastHash.put(entry.aggregateId(), events.get(k).getString("hash"));
                }
                tree.appendEntryHash(events.get(k).getString("hash"));
            }
            if (changed) {
                fixture.commits().updateOne(Filters.eq("_id", commit.get("_id")), Updates.set("events", events));
            }
        }
        return tree;
    }
}
