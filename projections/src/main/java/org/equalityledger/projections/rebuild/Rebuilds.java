package org.equalityledger.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.equalityledger.projections.store.LedgerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops and rebuilds a projection from the events: its streaming processor is stopped, its token
 * reset (the projection's reset handler drops its collections) and started again, so the rebuild
 * runs the very code live processing runs. While it runs, {@link #progress} says the position
 * reached of how many, the events per second and the time left; the same goes to the log every
 * few seconds.
 */
public final class Rebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    public enum State { IDLE, RUNNING, DONE }

    public record Progress(String projection, State state, long position, long head, long eventsDone,
                           double eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt) {
    }

    private record Run(Instant startedAt, long head, long startNanos, Instant finishedAt, double finalRate, long finalPosition) {
    }

    private final List<String> names;
    private final Function<String, Optional<StreamingEventProcessor>> processors;
    private final LedgerReader ledger;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild-progress");
        t.setDaemon(true);
        return t;
    });

    public Rebuilds(List<String> names, Function<String, Optional<StreamingEventProcessor>> processors,
                    LedgerReader ledger, Clock clock) {
        this.names = List.copyOf(names);
        this.processors = processors;
        this.ledger = ledger;
        this.clock = clock;
        reporter.scheduleWithFixedDelay(this::report, 2, 2, TimeUnit.SECONDS);
    }

    public List<String> names() {
        return names;
    }

    public boolean knows(String name) {
        return names.contains(name);
    }

    /** Starts rebuilding {@code name}; returns its progress. */
    public synchronized Progress start(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = ledger.headPosition();
        processor.shutDown();
        processor.resetTokens();
        runs.put(name, new Run(clock.instant(), head, System.nanoTime(), null, 0, -1));
        processor.start();
        log.info("Rebuild of projection {} started: {} events to replay", name, head + 1);
        return progress(name);
    }

    private StreamingEventProcessor processor(String name) {
        return processors.apply(name).orElseThrow(() -> new IllegalArgumentException("no projection named " + name));
    }

    public Progress progress(String name) {
        StreamingEventProcessor processor = processor(name);
        long position = position(processor);
        Run run = runs.get(name);
        if (run == null) {
            return new Progress(name, State.IDLE, position, ledger.headPosition(), 0, 0, null, null, null);
        }
        if (run.finishedAt() != null) {
            return new Progress(name, State.DONE, position, run.head(), run.finalPosition() + 1, run.finalRate(), 0L,
                    run.startedAt(), run.finishedAt());
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - run.startNanos()) / 1e9);
        long done = position + 1;
        double rate = done / seconds;
        // Done once the head of the ledger at the start is reached (a replay token only turns back into
        // a plain one at the next new event, so "replaying" is no sign of work left).
        if (position >= run.head()) {
            Run finished = new Run(run.startedAt(), run.head(), run.startNanos(), clock.instant(), rate, position);
            runs.put(name, finished);
            log.info("Rebuild of projection {} done: {} events in {} s ({} events/s)", name, done,
                    String.format("%.1f", seconds), Math.round(rate));
            return progress(name);
        }
        Long left = rate <= 0 ? null : Math.round((run.head() - position) / rate);
        return new Progress(name, State.RUNNING, position, run.head(), done, rate, left, run.startedAt(), null);
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max().orElse(-1);
    }

    /** Waits until the rebuild of {@code name} is done, or {@code timeout} passed; returns the last progress. */
    public Progress await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress p = progress(name);
        while (p.state() == State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
            p = progress(name);
        }
        return p;
    }

    private void report() {
        try {
            for (Map.Entry<String, Run> e : runs.entrySet()) {
                if (e.getValue().finishedAt() == null) {
                    Progress p = progress(e.getKey());
                    if (p.state() == State.RUNNING) {
                        log.info("Rebuild of projection {}: position {} of {}, {} events/s, about {} s left", p.projection(),
                                p.position(), p.head(), Math.round(p.eventsPerSecond()), p.secondsLeft());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Rebuild progress could not be read", e);
        }
    }

    @Override
    public void close() {
        reporter.shutdownNow();
    }
}
