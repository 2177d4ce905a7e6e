package org.equalityledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equalityledger.service.eventstore.EngineFixture.amended;
import static org.equalityledger.service.eventstore.EngineFixture.engine;
import static org.equalityledger.service.eventstore.EngineFixture.event;
import static org.equalityledger.service.eventstore.EngineFixture.history;
import static org.equalityledger.service.eventstore.EngineFixture.pledged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.core.Unicode;
import org.equalityledger.service.eventstore.EngineFixture.Amended;
import org.equalityledger.service.eventstore.EngineFixture.Pledged;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

class MongoLedgerStorageEngineTest {

    @StoreTest
    void an_aggregate_reads_back_what_was_appended(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        engine.appendEvents(history("c-1", 3));
        engine.appendEvents(history("c-2", 2));

        List<? extends DomainEventMessage<?>> events = engine.readEvents("c-1").asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(events.get(0).getPayload()).isEqualTo(new Pledged("c-1", "Care for all"));
        assertThat(events.get(2).getPayload()).isEqualTo(new Amended("c-1", "Care for all, v2", "new target"));
        assertThat(events.get(1).getMetaData())
                .containsEntry("actor", "ally-1")
                .containsEntry("correlationId", "c-c-1-1")
                .containsKey("recordedAt");
        assertThat(engine.readEvents("c-1", 2).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(2L);
        assertThat(engine.lastSequenceNumberFor("c-1")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @StoreTest
    void an_aggregate_longer_than_a_batch_reads_back_whole(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        List<DomainEventMessage<?>> events = history("long", 130);
        for (int from = 0; from < events.size(); from += 7) {
            engine.appendEvents(events.subList(from, Math.min(events.size(), from + 7)));
        }

        assertThat(engine.readEvents("long").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(IntStream.range(0, 130).mapToObj(i -> (long) i).toList());
        assertThat(engine.lastSequenceNumberFor("long")).contains(129L);
    }

    @StoreTest
    void every_event_is_hash_linked_to_the_previous_event_of_its_aggregate(TestStore store) {
        MongoDatabase database = store.freshDatabase();
        MongoLedgerStorageEngine engine = engine(database);
        engine.appendEvents(pledged("c-1"));
        engine.appendEvents(pledged("c-2"), amended("c-2", 1));
        engine.appendEvents(amended("c-1", 1));
        engine(database).appendEvents(amended("c-1", 2));

        List<LedgerEntry> entries = allEntries(engine);
        assertThat(entries).extracting(LedgerEntry::position).containsExactly(0L, 1L, 2L, 3L, 4L);
        LedgerEntry c1First = entries.get(0);
        LedgerEntry c1Second = entries.get(3);
        LedgerEntry c1Third = entries.get(4);
        assertThat(c1First.previousHash()).isNull();
        assertThat(c1Second.previousHash()).isEqualTo(c1First.hash());
        assertThat(c1Third.previousHash()).as("found in the store by an engine that never saw it")
                .isEqualTo(c1Second.hash());
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
        List<String> storedHashes = engine.store().commitCollection().find().into(new ArrayList<>()).stream()
                .flatMap(doc -> LedgerCommit.storedHashes(doc).stream()).toList();
        assertThat(storedHashes).containsExactlyElementsOf(entries.stream().map(LedgerEntry::hash).toList());
    }

    @StoreTest
    void a_second_writer_of_a_sequence_is_refused_and_stores_nothing_of_its_commit(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        engine.appendEvents(history("c-1", 2));

        assertThatThrownBy(() -> engine.appendEvents(amended("c-1", 1)))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("c-1")
                .hasMessageContaining("sequence 1");
        // A multi-event command whose middle event conflicts: none of it is stored.
        assertThatThrownBy(() -> engine.appendEvents(pledged("c-9"), amended("c-1", 1), amended("c-9", 1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("c-9").asStream()).isEmpty();
        assertThat(engine.readEvents("c-1").asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactly(new Pledged("c-1", "Care for all"), new Amended("c-1", "Care for all, v1", "new target"));
        assertThat(trackedPositions(engine)).containsExactly(0L, 1L);
    }

    @StoreTest
    void concurrent_writers_of_one_aggregate_get_exactly_one_winner_per_sequence(TestStore store) throws Exception {
        MongoDatabase database = store.freshDatabase();
        int writers = 6;
        int sequences = 25;
        // Each writer is an engine of its own, as several service instances would be.
        List<MongoLedgerStorageEngine> engines = IntStream.range(0, writers).mapToObj(i -> engine(database)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            MongoLedgerStorageEngine engine = engines.get(w);
            String writer = "writer-" + w;
            results.add(pool.submit(() -> {
                start.await();
                List<String> won = new ArrayList<>();
                for (long sequence = 0; sequence < sequences; sequence++) {
                    // Two events per commit: both stored or neither.
                    Map<String, String> meta = Map.of("writer", writer);
                    try {
                        engine.appendEvents(
                                new GenericDomainEventMessage<>("Commitment", "shared", sequence * 2, new Pledged("shared", writer), meta),
                                new GenericDomainEventMessage<>("Commitment", "shared", sequence * 2 + 1, new Pledged("shared", writer), meta));
                        won.add(writer + "@" + sequence);
                    } catch (ConcurrencyException refused) {
                        // another writer stored this sequence first
                    }
                }
                return won;
            }));
        }
        start.countDown();
        List<String> wins = new ArrayList<>();
        for (Future<List<String>> result : results) {
            wins.addAll(result.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(wins).hasSize(sequences);
        List<DomainEventMessage<?>> stored = engine(database).readEvents("shared").asStream()
                .<DomainEventMessage<?>>map(e -> e).toList();
        assertThat(stored).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(IntStream.range(0, sequences * 2).mapToObj(i -> (long) i).toList());
        for (int i = 0; i < stored.size(); i += 2) {
            assertThat(stored.get(i).getMetaData().get("writer"))
                    .as("both events of a commit come from one writer")
                    .isEqualTo(stored.get(i + 1).getMetaData().get("writer"));
        }
        assertThat(trackedPositions(engine(database)))
                .containsExactlyElementsOf(IntStream.range(0, sequences * 2).mapToObj(i -> (long) i).toList());
    }

    @StoreTest
    void concurrent_instances_fill_every_position_exactly_once(TestStore store) throws Exception {
        MongoDatabase database = store.freshDatabase();
        int writers = 4;
        int commits = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            MongoLedgerStorageEngine engine = engine(database);
            int writer = w;
            done.add(pool.submit(() -> {
                for (int c = 0; c < commits; c++) {
                    // Commits of one to three events, so positions advance unevenly.
                    engine.appendEvents(history("w" + writer + "-c" + c, 1 + c % 3));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int total = writers * IntStream.range(0, commits).map(c -> 1 + c % 3).sum();
        assertThat(trackedPositions(engine(database)))
                .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> (long) i).toList());
    }

    @StoreTest
    void a_reader_resumes_from_a_token_in_the_middle_of_a_commit(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        engine.appendEvents(history("c-1", 5));
        engine.appendEvents(history("c-2", 1));

        List<Long> after = engine.readEvents(new GlobalSequenceTrackingToken(2), false)
                .map(e -> position(e.trackingToken())).toList();

        assertThat(after).containsExactly(3L, 4L, 5L);
    }

    @StoreTest
    void events_of_no_aggregate_are_stored_in_order_too(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        engine.appendEvents(GenericEventMessage.asEventMessage(new Pledged("none", "a")));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Pledged("none", "b")));
        engine.appendEvents(pledged("c-1"));

        List<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false).toList();

        assertThat(events).extracting(e -> position(e.trackingToken())).containsExactly(0L, 1L, 2L);
        assertThat(events.get(1).getPayload()).isEqualTo(new Pledged("none", "b"));
        assertThat(events.get(1)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(events.get(2)).isInstanceOf(DomainEventMessage.class);
    }

    @StoreTest
    void tokens_at_tail_head_and_an_instant(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        assertThat(engine.createHeadToken()).isNull();
        Instant t0 = Instant.parse("2021-03-30T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            Instant at = t0.plusSeconds(3600L * i);
            engine.appendEvents(new GenericDomainEventMessage<>("Commitment", "c-" + i, 0,
                    new Pledged("c-" + i, "t"), Map.of(), "e-" + i, at));
        }

        assertThat(position(engine.createHeadToken())).isEqualTo(9);
        assertThat(position(engine.createTailToken())).isEqualTo(-1);
        assertThat(position(engine.createTokenAt(t0.plusSeconds(3600L * 4)))).isEqualTo(3);
        assertThat(position(engine.createTokenAt(t0.plusSeconds(3600L * 4 - 1)))).isEqualTo(3);
        assertThat(engine.createTokenAt(t0.minusSeconds(1))).isNull();
        assertThat(position(engine.createTokenAt(t0.plusSeconds(3600L * 20)))).isEqualTo(9);
    }

    @StoreTest
    void text_that_is_not_valid_unicode_is_stored_as_it_was_hashed_and_reads_back_unchanged(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        Pledged lone = new Pledged("c-1", "\ud800 alone, \udc00\ud800 reversed, \ud83d\ude00 paired, a trailing \ud83d");
        Map<String, String> meta = Map.of("actor", "ally-\udfff", "reason", "\ud800");
        engine.appendEvents(new GenericDomainEventMessage<>("Commitment", "c-1", 0, lone, meta));
        engine.appendEvents(amended("c-1", 1));

        List<Document> stored = engine.store().commitCollection().find().into(new ArrayList<>()).stream()
                .flatMap(commit -> commit.getList("events", Document.class).stream()).toList();
        assertThat(stored).hasSize(2);
        for (Document event : stored) {
            assertThat(event.getString("hash")).as("the hash of what the store gave back")
                    .isEqualTo(LedgerCommit.entryFromDocument(event).hash());
        }
        assertThat(stored.get(0).getString("payload")).contains("\\ud800 alone, \\udc00\\ud800 reversed, \ud83d\ude00 paired")
                .satisfies(payload -> assertThat(Unicode.isWellFormed(payload)).isTrue());
        assertThat(stored.get(1).getString("previousHash")).isEqualTo(stored.get(0).getString("hash"));
        DomainEventMessage<?> read = engine.readEvents("c-1").asStream().findFirst().orElseThrow();
        assertThat(read.getPayload()).isEqualTo(lone);
        assertThat(read.getMetaData()).containsAllEntriesOf(meta);
    }

    @StoreTest
    void a_snapshot_holding_a_lone_surrogate_reads_back_unchanged(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        engine.appendEvents(history("c-1", 2));
        engine.storeSnapshot(event("c-1", 1, new Pledged("c-1", "state \ud800")));

        assertThat(engine.readSnapshot("c-1").orElseThrow().getPayload()).isEqualTo(new Pledged("c-1", "state \ud800"));
    }

    @StoreTest
    void a_name_that_is_not_valid_unicode_is_refused_and_nothing_is_stored(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());

        assertThatThrownBy(() -> engine.appendEvents(pledged("c-2"), pledged("c-\ud800")))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("aggregate id is not valid Unicode");
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Commit\udc00ment", "c-3", 0,
                new Pledged("c-3", "t"), Map.of()))).hasMessageContaining("aggregate type is not valid Unicode");
        // Jackson cannot read a lone surrogate back in a name, escaped or not: stored, the event could never be loaded.
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Commitment", "c-4", 0,
                new Pledged("c-4", "t"), Map.of("key \ud800", "v"))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("metadata cannot be stored: a lone surrogate in a name");

        assertThat(trackedPositions(engine)).isEmpty();
        engine.appendEvents(pledged("c-2"));
        assertThat(trackedPositions(engine)).containsExactly(0L);
    }

    @StoreTest
    void a_snapshot_replaces_an_older_one_and_never_a_newer(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        engine.appendEvents(history("c-1", 4));
        engine.storeSnapshot(event("c-1", 3, new Pledged("c-1", "state at 3")));
        engine.storeSnapshot(event("c-1", 1, new Pledged("c-1", "state at 1")));

        DomainEventMessage<?> snapshot = engine.readSnapshot("c-1").orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(3);
        assertThat(snapshot.getPayload()).isEqualTo(new Pledged("c-1", "state at 3"));
        assertThat(engine.readSnapshot("c-2")).isEmpty();
    }

    @StoreTest
    void old_event_versions_are_read_through_the_upcaster_chain(TestStore store) {
        MongoDatabase database = store.freshDatabase();
        engine(database).appendEvents(pledged("c-1"));
        SingleEventUpcaster titleToUpperCase = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation representation) {
                return representation.getType().getName().equals(Pledged.class.getName())
                        && representation.getType().getRevision() == null;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
                return representation.upcastPayload(new SimpleSerializedType(Pledged.class.getName(), "2"),
                        JsonNode.class, node -> {
                            ObjectNode object = (ObjectNode) node;
                            object.put("title", object.get("title").asText().toUpperCase());
                            return object;
                        });
            }
        };

        MongoLedgerStorageEngine upcasting = engine(database, titleToUpperCase);

        assertThat(upcasting.readEvents("c-1").asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactly(new Pledged("c-1", "CARE FOR ALL"));
        assertThat(upcasting.readEvents(null, false).<Object>map(e -> e.getPayload()))
                .containsExactly(new Pledged("c-1", "CARE FOR ALL"));
    }

    static List<Long> trackedPositions(MongoLedgerStorageEngine engine) {
        return engine.readEvents(null, false).map(e -> position(e.trackingToken())).collect(Collectors.toList());
    }

    static List<LedgerEntry> allEntries(MongoLedgerStorageEngine engine) {
        List<LedgerEntry> entries = new ArrayList<>();
        engine.store().commitsStartingIn(0, 1000).forEach(c -> entries.addAll(c.entries()));
        Collections.sort(entries, (a, b) -> Long.compare(a.position(), b.position()));
        return entries;
    }

    static long position(TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }
}
