package org.equalityledger.service.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.eventstore.EngineFixture.engine;
import static org.equalityledger.service.eventstore.EngineFixture.history;
import static org.equalityledger.service.eventstore.EngineFixture.pledged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.service.eventstore.EngineFixture.Pledged;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

/** The read port as the web, the read side and the reference loader use it. */
class MongoLedgerEventsTest {

    @StoreTest
    void an_aggregates_events_read_back_whole_and_in_order_past_the_query_windows(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        LedgerEvents ledger = new MongoLedgerEvents(engine);
        // One command's events a commit, as the service stores them.
        history("long", 70).forEach(engine::appendEvents);
        history("short", 5).forEach(engine::appendEvents);
        engine.appendEvents(pledged("one"));

        assertThat(ledger.entriesOf("long")).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(sequences(70));
        Map<String, List<LedgerEntry>> many = ledger.entriesOf(List.of("one", "none", "long", "short"));
        assertThat(many).containsOnlyKeys("one", "none", "long", "short");
        assertThat(many.keySet()).containsExactly("one", "none", "long", "short");
        assertThat(many.get("long")).extracting(LedgerEntry::sequence).containsExactlyElementsOf(sequences(70));
        assertThat(many.get("short")).extracting(LedgerEntry::sequence).containsExactlyElementsOf(sequences(5));
        assertThat(many.get("one")).extracting(LedgerEntry::position).containsExactly(75L);
        assertThat(many.get("none")).isEmpty();
        assertThat(ledger.holds("short")).isTrue();
        assertThat(ledger.holds("none")).isFalse();
    }

    @StoreTest
    void the_stored_hash_tells_an_altered_event_from_an_intact_one(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        LedgerEvents ledger = new MongoLedgerEvents(engine);
        engine.appendEvents(history("c-1", 2));
        List<LedgerEntry> intact = ledger.entriesOf("c-1");
        assertThat(ledger.storedHashesOf(intact)).isEqualTo(Map.of(0L, intact.get(0).hash(), 1L, intact.get(1).hash()));

        engine.store().commitCollection().updateOne(eq("_id", 0L),
                set("events.1.payload", intact.get(1).payload().replace("new target", "no target")));

        List<LedgerEntry> altered = ledger.entriesOf("c-1");
        assertThat(ledger.storedHashesOf(altered)).containsEntry(0L, altered.get(0).hash())
                .containsEntry(1L, intact.get(1).hash())
                .doesNotContainEntry(1L, altered.get(1).hash());
    }

    @StoreTest
    void positions_and_the_events_after_one_as_event_handlers_see_them(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        LedgerEvents ledger = new MongoLedgerEvents(engine);
        assertThat(ledger.headPosition()).isEqualTo(-1);
        Instant t0 = Instant.parse("2021-03-30T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Commitment", "c-" + i, 0,
                    new Pledged("c-" + i, "t"), Map.of(), "e-" + i, t0.plusSeconds(60L * i)));
        }

        assertThat(ledger.headPosition()).isEqualTo(4);
        assertThat(ledger.lastPositionAt(t0.minusNanos(1))).isEqualTo(-1);
        assertThat(ledger.lastPositionAt(t0.plusSeconds(120))).isEqualTo(2);
        assertThat(ledger.lastPositionAt(t0.plusSeconds(3600))).isEqualTo(4);
        try (Stream<? extends TrackedEventMessage<?>> events = ledger.eventsFrom(3)) {
            assertThat(events.<Object>map(TrackedEventMessage::getPayload).toList())
                    .containsExactly(new Pledged("c-3", "t"), new Pledged("c-4", "t"));
        }
        engine.appendEvents(pledged("c-5"));
        assertThat(ledger.headPosition()).isEqualTo(5);
    }

    @StoreTest
    void the_last_position_at_an_instant_is_the_last_event_recorded_by_then_whatever_the_commits(TestStore store) {
        MongoLedgerStorageEngine engine = engine(store.freshDatabase());
        LedgerEvents ledger = new MongoLedgerEvents(engine);
        // Commits of one to four events, some events sharing their instant, more commits than the head hint's stride.
        Instant t0 = Instant.parse("2021-03-30T10:00:00Z");
        List<Instant> recorded = new ArrayList<>();
        Random random = new Random(13);
        for (int c = 0; recorded.size() < 300; c++) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int e = 0; e < 1 + c % 4; e++) {
                Instant at = t0.plusSeconds(recorded.size() / 2 * 60L + random.nextInt(2));
                Instant last = recorded.isEmpty() ? at : recorded.get(recorded.size() - 1);
                at = at.isBefore(last) ? last : at;
                commit.add(new GenericDomainEventMessage<>("Commitment", "c-" + c, e, new Pledged("c-" + c, "t"), Map.of(),
                        "e-" + c + "-" + e, at));
                recorded.add(at);
            }
            engine.appendEvents(commit);
        }

        List<Instant> instants = new ArrayList<>(List.of(t0.minusSeconds(1), t0.plusSeconds(86_400)));
        recorded.forEach(at -> instants.addAll(List.of(at.minusNanos(1), at, at.plusNanos(1))));
        for (int pass = 0; pass < 2; pass++) {
            for (Instant at : instants) {
                long expected = -1;
                for (int p = 0; p < recorded.size(); p++) {
                    expected = recorded.get(p).isAfter(at) ? expected : p;
                }
                assertThat(ledger.lastPositionAt(at)).as("last position at %s, pass %d", at, pass).isEqualTo(expected);
            }
            for (int p = 0; p < recorded.size(); p++) {
                assertThat(ledger.recordedAt(p)).as("position %d", p).isEqualTo(recorded.get(p));
            }
            assertThat(ledger.recordedAt(recorded.size())).isNull();
            engine.flushHeadHint(); // the second pass with the hint at the head
        }
    }

    @StoreTest
    void a_search_by_instant_reads_a_few_events_not_windows_of_them(TestStore store) {
        MongoDatabase database = store.freshDatabase();
        MongoLedgerStorageEngine writer = engine(database);
        Instant t0 = Instant.parse("2021-03-30T10:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            writer.appendEvents(new GenericDomainEventMessage<>("Commitment", "c-" + i, 0, new Pledged("c-" + i, "t"), Map.of(),
                    "e-" + i, t0.plusSeconds(60L * i)));
        }
        AtomicLong documentsRead = new AtomicLong();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                BsonDocument cursor = event.getResponse().getDocument("cursor", new BsonDocument());
                documentsRead.addAndGet(cursor.getArray("firstBatch", cursor.getArray("nextBatch", new BsonArray())).size());
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString())).addCommandListener(counting).build())) {
            LedgerEvents ledger = new MongoLedgerEvents(engine(client.getDatabase(database.getName())));
            Random random = new Random(7);
            int searches = 200;
            documentsRead.set(0);
            for (int s = 0; s < searches; s++) {
                int seconds = random.nextInt(2_000 * 60);
                assertThat(ledger.lastPositionAt(t0.plusSeconds(seconds))).isEqualTo(seconds / 60);
            }
            // Probing the middle read a window of 64 commits at each of 11 steps: 700 a search.
            assertThat(documentsRead.get() / (double) searches).as("documents read per search").isLessThan(8);
        }
    }

    private static List<Long> sequences(int count) {
        return LongStream.range(0, count).boxed().toList();
    }
}
