package org.equalityledger.service.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.eventstore.EngineFixture.SERIALIZER;
import static org.equalityledger.service.eventstore.EngineFixture.engine;
import static org.equalityledger.service.eventstore.EngineFixture.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.equalityledger.service.eventstore.EngineFixture.Amended;
import org.equalityledger.service.eventstore.EngineFixture.Pledged;
import org.equalityledger.service.store.StoreTest;
import org.equalityledger.service.store.TestStore;

import com.mongodb.client.MongoDatabase;

/** A streaming processor on the engine, with Axon's MongoDB token store, as the service runs them. */
class TrackingProcessorTest {

    @ProcessingGroup("titles")
    static final class TitlesProjection {
        final Map<String, List<String>> titles = new ConcurrentHashMap<>();
        final List<Long> positions = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Pledged event, TrackingToken token) {
            positions.add(((GlobalSequenceTrackingToken) token).getGlobalIndex());
            titles.computeIfAbsent(event.commitmentId(), id -> new CopyOnWriteArrayList<>()).add(event.title());
        }

        @EventHandler
        void on(Amended event, TrackingToken token) {
            positions.add(((GlobalSequenceTrackingToken) token).getGlobalIndex());
            titles.computeIfAbsent(event.commitmentId(), id -> new CopyOnWriteArrayList<>()).add(event.title());
        }

        @ResetHandler
        void reset() {
            titles.clear();
            positions.clear();
        }

        Map<String, List<String>> snapshot() {
            return new TreeMap<>(Map.copyOf(titles));
        }
    }

    @StoreTest
    void a_processor_catches_up_by_position_and_a_reset_replays_to_the_same_read_model(TestStore store)
            throws Exception {
        MongoDatabase database = store.freshDatabase();
        EventStorageEngine writer = engine(database);
        int before = appendCommitments(writer, 0, 40);
        TitlesProjection projection = new TitlesProjection();
        Configuration axon = axon(store, database, engine(database), projection);
        axon.start();
        try {
            await(() -> projection.positions.size() == before);
            // Live: events appended while the processor runs, from another engine instance too.
            int after = before + appendCommitments(engine(database), 40, 20) + appendCommitments(writer, 60, 5);
            await(() -> projection.positions.size() == after);

            assertThat(sorted(projection.positions)).as("every position handled exactly once")
                    .containsExactlyElementsOf(range(after));
            Map<String, List<String>> live = projection.snapshot();
            assertThat(live).hasSize(65);
            assertThat(live.get("c-3")).containsExactly("Care for all", "Care for all, v1", "Care for all, v2", "Care for all, v3");

            StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor("titles", StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            await(() -> projection.positions.size() == after);

            assertThat(projection.snapshot()).isEqualTo(live);
            assertThat(sorted(projection.positions)).containsExactlyElementsOf(range(after));
        } finally {
            axon.shutdown();
        }
    }

    @StoreTest
    void a_refused_append_leaves_no_position_that_could_stall_a_processor(TestStore store) throws Exception {
        MongoDatabase database = store.freshDatabase();
        EventStorageEngine writer = engine(database);
        writer.appendEvents(history("c-1", 2));
        EventStorageEngine stale = engine(database);
        try {
            stale.appendEvents(EngineFixture.amended("c-1", 1));
        } catch (org.axonframework.modelling.command.ConcurrencyException expected) {
            // the position it tried is taken by the next successful commit
        }
        writer.appendEvents(history("c-2", 1));
        TitlesProjection projection = new TitlesProjection();
        Configuration axon = axon(store, database, engine(database), projection);
        axon.start();
        try {
            await(() -> projection.positions.size() == 3);
            assertThat(sorted(projection.positions)).containsExactly(0L, 1L, 2L);
        } finally {
            axon.shutdown();
        }
    }

    private static Configuration axon(TestStore store, MongoDatabase database, EventStorageEngine engine, TitlesProjection projection) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(store.client(), database.getName()).build())
                .serializer(SERIALIZER)
                .build();
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> SERIALIZER)
                .configureEmbeddedEventStore(c -> engine)
                .eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        .registerTokenStore(c -> tokenStore)
                        .registerEventHandler(c -> projection))
                .buildConfiguration();
    }

    /** Commitments {@code first .. first + count - 1}, each with 1 to 4 events in one or two commits. */
    private static int appendCommitments(EventStorageEngine engine, int first, int count) {
        int events = 0;
        for (int i = first; i < first + count; i++) {
            var history = history("c-" + i, 1 + i % 4);
            int split = history.size() / 2;
            if (split > 0) {
                engine.appendEvents(history.subList(0, split));
            }
            engine.appendEvents(history.subList(split, history.size()));
            events += history.size();
        }
        return events;
    }

    private static List<Long> sorted(List<Long> positions) {
        List<Long> copy = new ArrayList<>(positions);
        Collections.sort(copy);
        return copy;
    }

    private static List<Long> range(int size) {
        List<Long> result = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            result.add(i);
        }
        return result;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
