package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InMemoryNodeStore;
import org.equalityledger.core.merkle.MerkleLog;
import org.equalityledger.service.eventstore.StoredLedger;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

class LedgerSealerTest {

    /** The root over the stored hashes, computed here from scratch. */
    private static byte[] rootOfStoredHashes(AuditFixture fixture) {
        MerkleLog tree = new MerkleLog(new InMemoryNodeStore());
        StoredLedger.Cursor cursor = fixture.reader.cursor(0);
        for (List<StoredLedger.StoredEntry> batch = cursor.next(); !batch.isEmpty(); batch = cursor.next()) {
            batch.forEach(e -> tree.appendEntryHash(e.storedHash()));
        }
        return tree.root();
    }

    @StoreTest
    void an_empty_ledger_has_nothing_to_seal(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);

        assertThat(fixture.sealer.seal().outcome()).isEqualTo(LedgerSealer.Outcome.EMPTY);
        assertThat(fixture.sealer.latest()).isEmpty();
    }

    @StoreTest
    void a_seal_signs_the_root_of_every_stored_event_and_each_checkpoint_is_kept(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1", "c-2", "-");
        fixture.append("c-1");

        LedgerSealer.Seal first = fixture.sealer.seal();

        assertThat(first.outcome()).isEqualTo(LedgerSealer.Outcome.SEALED);
        Checkpoint checkpoint = first.checkpoint();
        assertThat(checkpoint.treeSize()).isEqualTo(4);
        assertThat(checkpoint.verify(AuditFixture.KEYS.getPublic())).isTrue();
        assertThat(checkpoint.rootHashBytes()).isEqualTo(rootOfStoredHashes(fixture));
        assertThat(fixture.sealer.seal()).isEqualTo(new LedgerSealer.Seal(LedgerSealer.Outcome.UP_TO_DATE, checkpoint, null));

        fixture.append("c-3");
        fixture.append("c-2", "c-3");
        Checkpoint second = fixture.sealer.seal().checkpoint();

        assertThat(second.treeSize()).isEqualTo(7);
        assertThat(second.rootHashBytes()).isEqualTo(rootOfStoredHashes(fixture));
        assertThat(fixture.checkpoints.all()).containsExactly(checkpoint, second);
        assertThat(fixture.sealer.latest()).contains(second);
        assertThat(fixture.sealer.sizes()).isEqualTo(new SealerState.Sizes(7, 7));
        assertThat(ConsistencyProof.of(fixture.sealer.tree(), 4, 7).rootM()).isEqualTo(checkpoint.rootHash());
        assertThat(ConsistencyProof.of(fixture.sealer.tree(), 4, 7).verify()).isTrue();
    }

    @StoreTest
    void another_instance_goes_on_from_the_stored_tree(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1", "c-2");
        fixture.sealer.seal();
        fixture.append("c-1");

        AuditFixture other = fixture.anotherInstance();
        Checkpoint checkpoint = other.sealer.seal().checkpoint();

        assertThat(checkpoint.treeSize()).isEqualTo(3);
        assertThat(checkpoint.rootHashBytes()).isEqualTo(rootOfStoredHashes(fixture));
        assertThat(fixture.sealer.latest()).contains(checkpoint);
    }

    @StoreTest
    void one_instance_seals_at_a_time_until_its_lease_ends(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1");
        AuditFixture other = fixture.anotherInstance();

        assertThat(other.state.acquire()).isTrue();
        LedgerSealer.Seal busy = fixture.sealer.seal();
        assertThat(busy.outcome()).isEqualTo(LedgerSealer.Outcome.BUSY);
        assertThat(busy.reason()).contains("another instance");

        // The holder stopped without releasing: once its lease has run out, another may take it.
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        SealerState afterLease = new SealerState(fixture.database, Duration.ofMinutes(2), later);
        assertThat(afterLease.acquire()).isTrue();
        afterLease.release();

        other.state.release();
        assertThat(fixture.sealer.seal().outcome()).isEqualTo(LedgerSealer.Outcome.SEALED);
    }

    @StoreTest
    void a_seal_cut_short_after_writing_nodes_is_done_again(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1", "c-2", "c-3");
        fixture.sealer.seal();
        fixture.append("c-1", "c-2");
        // A crash after the nodes of the two new leaves were written, before the sizes were.
        MerkleLog tree = MerkleLog.open(fixture.nodes, 3);
        StoredLedger.Cursor cursor = fixture.reader.cursor(3);
        cursor.next().forEach(e -> tree.appendEntryHash(e.storedHash()));

        Checkpoint checkpoint = fixture.sealer.seal().checkpoint();

        assertThat(checkpoint.treeSize()).isEqualTo(5);
        assertThat(checkpoint.rootHashBytes()).isEqualTo(rootOfStoredHashes(fixture));
    }

    @StoreTest
    void it_signs_nothing_over_an_altered_event(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1", "c-2");
        fixture.sealer.seal();
        fixture.append("c-1");
        fixture.append("c-3");
        fixture.commits().updateOne(Filters.eq("_id", 2L), Updates.set("events.0.payload", "{\"forged\":true}"));

        LedgerSealer.Seal seal = fixture.sealer.seal();

        assertThat(seal.outcome()).isEqualTo(LedgerSealer.Outcome.REFUSED);
        assertThat(seal.reason()).isEqualTo("position 2: stored hash does not match its content");
        assertThat(fixture.sealer.latest().orElseThrow().treeSize()).isEqualTo(2);
    }

    @StoreTest
    void it_signs_nothing_over_a_stored_tree_that_no_longer_gives_the_latest_root(TestStore store) {
        AuditFixture fixture = AuditFixture.on(store);
        fixture.append("c-1", "c-2");
        fixture.sealer.seal();
        fixture.append("c-3");
        // The node over leaves 0 and 1, the root at size 2, overwritten in its tile.
        Document tile = fixture.database.getCollection(MongoNodeStore.COLLECTION).find(Filters.eq("_id", "1:0")).first();
        byte[] hashes = tile.get("hashes", org.bson.types.Binary.class).getData();
        hashes[0] ^= 1;
        fixture.database.getCollection(MongoNodeStore.COLLECTION)
                .updateOne(Filters.eq("_id", "1:0"), Updates.set("hashes", new org.bson.types.Binary(hashes)));

        LedgerSealer.Seal seal = fixture.sealer.seal();

        assertThat(seal.outcome()).isEqualTo(LedgerSealer.Outcome.REFUSED);
        assertThat(seal.reason()).contains("no longer gives the root of the checkpoint at size 2");
    }
}
