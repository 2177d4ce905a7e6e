package org.equalityledger.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModelGenerations;
import org.equalityledger.projections.store.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a projection from the events beside the read models being read, and switches readers to
 * it in one step. The rebuild writes generation {@code g+1} of the projection's collections
 * ({@link ReadModelGenerations}) through a projector of its own while the live processor goes on
 * serving and updating generation {@code g}: it replays the events up to where the live processor
 * is, again until it is within {@value #READ} events of it, then stops the live processor, replays
 * the rest up to the processor's stored token, switches the pointer (one write; the live projector
 * then writes into {@code g+1} too) and starts the processor again from its unchanged token.
 * Generation {@code g} is dropped {@value #GRACE_SECONDS} seconds later, so that reads begun on it
 * finish on it. A rebuild that fails drops what it built and leaves {@code g} serving; one a crash
 * interrupted is dropped at the next start ({@link ReadModelGenerations#dropOrphans}).
 *
 * <p>Events are replayed in batches that hold up to {@code held} commitments, 20,000 in the service
 * (so each commitment's documents are written once a batch, not once an event: once in all at the
 * demo scale, while memory stays bounded at any scale), read {@value #READ} at a time by
 * {@value #READERS} threads of their own and applied as they arrive in position order, so that
 * reading and deserialising run beside applying and writing. While it runs, {@link #progress} gives
 * the position reached of how many, events per second and time left; the log repeats it every two
 * seconds.
 */
public final class Rebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** Events read ahead of the one being applied. */
    static final int AHEAD = 20_000;
    /** Events read at a time, and handed to the projector as they come. */
    static final int READ = 1_000;
    /** Threads reading (and deserialising) chunks in turn. */
    static final int READERS = 2;
    /** How long the replaced generation outlives the switch. */
    static final int GRACE_SECONDS = 5;

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Progress(String projection, State state, long position, long head, long eventsDone,
                           double eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt) {
    }

    private static final class Run {
        final Instant startedAt;
        /** The position the rebuild replays up to: the live processor's, which moves while it runs. */
        final AtomicLong head;
        final long startNanos = System.nanoTime();
        final AtomicLong position = new AtomicLong(-1);
        volatile Instant finishedAt;
        volatile long finishedNanos;
        volatile Throwable failure;

        Run(Instant startedAt, long head) {
            this.startedAt = startedAt;
            this.head = new AtomicLong(head);
        }
    }

    private final List<String> names;
    private final Function<String, Optional<StreamingEventProcessor>> processors;
    private final BiFunction<String, ReadModels, Projector> projectors;
    private final ReadModelGenerations generations;
    private final ToLongFunction<String> storedToken;
    private final LedgerReader ledger;
    private final Clock clock;
    private final int held;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild-progress");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param projectors  a new projector of the named projection writing into the read models given
     * @param storedToken the position of the token a stopped processor stored (-1 for none)
     */
    public Rebuilds(List<String> names, Function<String, Optional<StreamingEventProcessor>> processors,
                    BiFunction<String, ReadModels, Projector> projectors, ReadModelGenerations generations,
                    ToLongFunction<String> storedToken, LedgerReader ledger, Clock clock, int held) {
        this.names = List.copyOf(names);
        this.processors = processors;
        this.projectors = projectors;
        this.generations = generations;
        this.storedToken = storedToken;
        this.ledger = ledger;
        this.clock = clock;
        this.held = held;
        reporter.scheduleWithFixedDelay(this::report, 2, 2, TimeUnit.SECONDS);
    }

    public List<String> names() {
        return names;
    }

    public boolean knows(String name) {
        return names.contains(name);
    }

    /** Starts rebuilding {@code name} (unless a rebuild of it is running); returns its progress. */
    public synchronized Progress start(String name) {
        Run running = runs.get(name);
        if (running != null && running.finishedAt == null) {
            return progress(name);
        }
        StreamingEventProcessor processor = processor(name);
        Run run = new Run(clock.instant(), ledger.headPosition());
        runs.put(name, run);
        log.info("Rebuild of projection {} started: about {} events to replay", name, run.head.get() + 1);
        Thread worker = new Thread(() -> rebuild(name, processor, run), "projection-rebuild-" + name);
        worker.setDaemon(true);
        worker.start();
        return progress(name);
    }

    private void rebuild(String name, StreamingEventProcessor processor, Run run) {
        int serving = generations.generation(name);
        int next = serving + 1;
        boolean switched = false;
        try {
            generations.drop(name, next); // what an earlier failed rebuild of this process may have left
            Projector projector = projectors.apply(name, generations.of(name, next));
            long done = -1;
            for (long live = processed(name); live - done > READ; live = processed(name)) {
                run.head.set(live);
                replay(name, projector, run, done + 1, live);
                done = live;
            }
            processor.shutDown();
            long token = storedToken.applyAsLong(name);
            run.head.set(Math.max(token, done));
            if (token > done) {
                replay(name, projector, run, done + 1, token);
                done = token;
            } else if (token < done) {
                // The new generation is further than the processor: it goes on from there.
                processor.resetTokens(source -> new GlobalSequenceTrackingToken(run.head.get()));
            }
            run.position.set(done);
            generations.switchTo(name, next);
            switched = true;
        } catch (Throwable e) {
            run.failure = e;
            log.error("Rebuild of projection {} failed at position {}; generation {} goes on serving", name,
                    run.position.get(), serving, e);
        } finally {
            if (switched) {
                reporter.schedule(() -> dropQuietly(name, serving), GRACE_SECONDS, TimeUnit.SECONDS);
            } else {
                dropQuietly(name, next); // nobody reads it
            }
            run.finishedNanos = System.nanoTime();
            run.finishedAt = clock.instant();
            processor.start();
            if (switched) {
                double seconds = Math.max(1e-3, (run.finishedNanos - run.startNanos) / 1e9);
                log.info("Rebuild of projection {} done: {} events in {} s ({} events/s); readers read generation {}", name,
                        run.head.get() + 1, String.format("%.1f", seconds), Math.round((run.head.get() + 1) / seconds), next);
            }
        }
    }

    private void dropQuietly(String name, int generation) {
        try {
            generations.drop(name, generation);
        } catch (RuntimeException e) {
            log.warn("Generation {} of projection {} could not be dropped; the next start drops it", generation, name, e);
        }
    }

    /** Replays the events {@code from} to {@code to} into {@code projector}, writing whenever the batch is full and at the end. */
    private void replay(String name, Projector projector, Run run, long from, long to) throws InterruptedException {
        // Up to AHEAD events read ahead, by READERS threads taking chunks in turn: reading is
        // mostly deserialising payloads, which runs beside applying and writing, and beside itself.
        List<BlockingQueue<List<LedgerEvent>>> queues = new java.util.ArrayList<>();
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        List<Thread> readers = new java.util.ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            BlockingQueue<List<LedgerEvent>> queue = new ArrayBlockingQueue<>(Math.max(1, AHEAD / READ / READERS));
            queues.add(queue);
            long first = from + (long) r * READ;
            Thread reader = new Thread(() -> {
                try {
                    for (long at = first; at <= to; at += (long) READERS * READ) {
                        queue.put(ledger.eventsBetween(at, Math.min(to, at + READ - 1)));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    readFailure.set(e);
                } finally {
                    try {
                        queue.put(List.of()); // the end, or a failure: either way the replay stops here
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "projection-rebuild-reader-" + name + "-" + r);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        try {
            boolean open = false; // a batch begun and not yet written
            int inBatch = 0;
            long applyNanos = 0;
            long reached = from - 1;
            for (long taken = 0; reached < to; taken++) {
                List<LedgerEvent> chunk = queues.get((int) (taken % READERS)).take();
                if (chunk.isEmpty()) {
                    if (readFailure.get() != null) {
                        throw new IllegalStateException("reading the events failed", readFailure.get());
                    }
                    break;
                }
                long t0 = System.nanoTime();
                if (open) {
                    projector.extend(chunk);
                } else {
                    projector.begin(chunk);
                    open = true;
                }
                for (int i = 0; i < chunk.size(); i++) {
                    LedgerEvent event = chunk.get(i);
                    projector.apply(event);
                    inBatch++;
                    if (event.position() % 500 == 0) {
                        run.position.set(event.position()); // applied; the batch is written at its end
                    }
                    if (projector.held() >= held) {
                        // Written at the very event that fills it, so a batch never holds more.
                        applyNanos += System.nanoTime() - t0;
                        write(name, projector, inBatch, applyNanos);
                        inBatch = 0;
                        applyNanos = 0;
                        List<LedgerEvent> rest = chunk.subList(i + 1, chunk.size());
                        open = !rest.isEmpty();
                        if (open) {
                            projector.begin(rest);
                        }
                        t0 = System.nanoTime();
                    }
                }
                applyNanos += System.nanoTime() - t0;
                reached = chunk.get(chunk.size() - 1).position();
                run.position.set(reached);
            }
            if (open) {
                write(name, projector, inBatch, applyNanos);
            }
            if (reached < to) {
                throw new IllegalStateException("the events ended at " + reached + " before " + to);
            }
        } finally {
            readers.forEach(Thread::interrupt);
        }
    }

    private static void write(String name, Projector projector, int events, long applyNanos) {
        long t0 = System.nanoTime();
        projector.flush();
        log.debug("Rebuild of {}: batch of {} events: read and apply {} ms, write {} ms", name, events,
                applyNanos / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    }

    private StreamingEventProcessor processor(String name) {
        return processors.apply(name).orElseThrow(() -> new IllegalArgumentException("no projection named " + name));
    }

    /** The position the projection's processor has reached (-1 before any event, or while stopped). */
    public long processed(String name) {
        return processor(name).processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).max().orElse(-1);
    }

    public Progress progress(String name) {
        Run run = runs.get(name);
        if (run == null) {
            return new Progress(name, State.IDLE, processed(name), ledger.headPosition(), 0, 0, null, null, null);
        }
        long position = run.position.get();
        long head = run.head.get();
        long end = run.finishedAt != null ? run.finishedNanos : System.nanoTime();
        double seconds = Math.max(1e-3, (end - run.startNanos) / 1e9);
        double rate = (position + 1) / seconds;
        if (run.finishedAt != null) {
            return new Progress(name, run.failure == null ? State.DONE : State.FAILED, position, head, position + 1, rate,
                    0L, run.startedAt, run.finishedAt);
        }
        Long left = rate <= 0 ? null : Math.round((head - position) / rate);
        return new Progress(name, State.RUNNING, position, head, position + 1, rate, left, run.startedAt, null);
    }

    /** Waits until the rebuild of {@code name} is over, or {@code timeout} passed; returns the last progress. */
    public Progress await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress p = progress(name);
        while (p.state() == State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
            p = progress(name);
        }
        return p;
    }

    private void report() {
        try {
            for (String name : runs.keySet()) {
                Progress p = progress(name);
                if (p.state() == State.RUNNING) {
                    log.info("Rebuild of projection {}: position {} of {}, {} events/s, about {} s left", p.projection(),
                            p.position(), p.head(), Math.round(p.eventsPerSecond()), p.secondsLeft());
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
