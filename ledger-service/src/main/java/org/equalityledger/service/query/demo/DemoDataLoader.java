package org.equalityledger.service.query.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.equalityledger.api.initiative.DefineAction;
import org.equalityledger.service.domain.initiative.ReferenceSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data set through the command side: every step of a {@link DemoDataPlan} is sent
 * through Axon's command gateway as the secretariat, a leader or an ally, with the domain's clock
 * (Axon's event clock, which {@code DomainClock} reads) set to the historical hour of the step, so events
 * are recorded then. Commands of one hour to different aggregates run side by side; those to the same
 * aggregate in order. The clock is shared by the whole process: load while no one else writes.
 */
public final class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    public record Result(int commands, int refused, Map<String, Integer> refusals, double seconds) {
    }

    private final CommandGateway commands;
    private final int writers;
    private final Runnable pausing;
    private final Runnable resuming;

    /**
     * @param writers  commands to different aggregates of one hour of the plan run side by side
     * @param pausing  run before loading (e.g. stop the read side's processors: they catch up after, in large batches)
     * @param resuming run after loading
     */
    public DemoDataLoader(CommandGateway commands, int writers, Runnable pausing, Runnable resuming) {
        this.commands = commands;
        this.writers = writers;
        this.pausing = pausing;
        this.resuming = resuming;
    }

    public Result load(double scale, long seed) {
        List<ReferenceSet.Step> reference = ReferenceSet.shipped().steps(DemoDataPlan.SECRETARIAT);
        Map<String, List<String>> actions = new LinkedHashMap<>();
        for (ReferenceSet.Step step : reference) {
            if (step.command() instanceof DefineAction d) {
                actions.computeIfAbsent(d.initiativeId(), k -> new ArrayList<>()).add(d.actionCode());
            }
        }
        List<DemoDataPlan.Step> steps = DemoDataPlan.plan(seed, scale, reference, actions);
        log.info("Demo data: {} commands at scale {} (seed {}), {} writers", steps.size(), scale, seed, writers);
        Clock original = GenericEventMessage.clock;
        long t0 = System.nanoTime();
        Map<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        pausing.run();
        try {
            Set<Object> referenceCommands = reference.stream().map(ReferenceSet.Step::command)
                    .collect(java.util.stream.Collectors.toSet());
            int done = 0;
            int i = 0;
            while (i < steps.size()) {
                Instant firstInstant = steps.get(i).at();
                Instant windowStart = firstInstant.truncatedTo(ChronoUnit.HOURS);
                Map<String, List<DemoDataPlan.Step>> byAggregate = new LinkedHashMap<>();
                List<DemoDataPlan.Step> window = new ArrayList<>();
                for (; i < steps.size() && steps.get(i).at().truncatedTo(ChronoUnit.HOURS).equals(windowStart); i++) {
                    window.add(steps.get(i));
                }
                // A window with reference steps runs as one sequence: a parent initiative is launched
                // before its children, and a pledge after the initiative it targets.
                boolean inOrder = window.stream().anyMatch(step -> referenceCommands.contains(step.command()));
                for (DemoDataPlan.Step step : window) {
                    byAggregate.computeIfAbsent(inOrder ? "in order" : target(step.command()), k -> new ArrayList<>()).add(step);
                }
                // Every event of a window is recorded at the window's first instant, so recording times
                // follow positions however the writers interleave.
                GenericEventMessage.clock = Clock.fixed(firstInstant, ZoneOffset.UTC);
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                for (List<DemoDataPlan.Step> sequence : byAggregate.values()) {
                    futures.add(pool.submit(() -> sequence.forEach(step -> send(step, refused, refusals))));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    f.get();
                }
                int before = done;
                done += byAggregate.values().stream().mapToInt(List::size).sum();
                if (done / 5_000 != before / 5_000) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    log.info("Demo data: {} of {} commands ({} commands/s)", done, steps.size(), Math.round(done / s));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data loading interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("demo data loading failed", e.getCause());
        } finally {
            GenericEventMessage.clock = original;
            pool.shutdownNow();
            resuming.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.info("Demo data loaded: {} commands in {} s ({} commands/s), {} refused by the domain's rules {}", steps.size(),
                Math.round(seconds), Math.round(steps.size() / seconds), refused.get(), refusals);
        return new Result(steps.size(), refused.get(), new TreeMap<>(refusals), seconds);
    }

    private void send(DemoDataPlan.Step step, java.util.concurrent.atomic.AtomicInteger refused, Map<String, Integer> refusals) {
        try {
            commands.sendAndWait(step.command());
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            refusals.merge(step.command().getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())
                    .replaceAll("demo-[cm]-\\d+", "…").replaceAll("\\d{4}-\\d{2}-\\d{2}\\S*", "…"), 1, Integer::sum);
        }
    }

    /** The aggregate a command goes to: commands to one aggregate run in order, others side by side. */
    private static String target(Object command) {
        for (String accessor : List.of("commitmentId", "makerId", "initiativeId", "cycleId")) {
            try {
                return accessor + ":" + command.getClass().getMethod(accessor).invoke(command);
            } catch (ReflectiveOperationException e) {
                // next
            }
        }
        return command.getClass().getName();
    }
}
