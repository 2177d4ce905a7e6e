package org.equalityledger.service.query;

import java.time.Duration;

import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.query.demo.DemoDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * What the read side does at start-up when asked on the command line:
 * {@code --ledger.demo-data=true [--ledger.demo-scale=10] [--ledger.exit-after-load=true]} loads the
 * demo data (only into an empty ledger); {@code --ledger.rebuild=commitments|dashboards|all} rebuilds
 * and exits when done, logging its progress.
 */
public final class ReadSideStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReadSideStartup.class);

    private final ReadSideProperties properties;
    private final DemoDataLoader loader;
    private final Rebuilds rebuilds;
    private final LedgerReader ledger;
    private final ApplicationContext context;

    ReadSideStartup(ReadSideProperties properties, DemoDataLoader loader, Rebuilds rebuilds, LedgerReader ledger,
                    ApplicationContext context) {
        this.properties = properties;
        this.loader = loader;
        this.rebuilds = rebuilds;
        this.ledger = ledger;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (properties.demoData()) {
            if (ledger.headPosition() >= 0) {
                log.info("Demo data not loaded: the ledger already holds {} events", ledger.headPosition() + 1);
            } else {
                loader.load(properties.demoScale(), 2021L);
                if (properties.exitAfterLoad()) {
                    waitForProjections();
                    exit(0);
                }
            }
        }
        String rebuild = properties.rebuild();
        if (rebuild != null && !rebuild.isBlank()) {
            int status = 0;
            for (String name : rebuild.equals("all") ? rebuilds.names() : java.util.List.of(rebuild.split(","))) {
                if (!rebuilds.knows(name)) {
                    log.error("No projection named {}; known: {}", name, rebuilds.names());
                    status = 2;
                    continue;
                }
                rebuilds.start(name);
                Rebuilds.Progress done = rebuilds.await(name, ReadSideConfiguration.LONG);
                log.info("Rebuild of {}: {}", name, ReadSideConfiguration.describe(done));
            }
            exit(status);
        }
    }

    private void waitForProjections() throws InterruptedException {
        long head = ledger.headPosition();
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        for (String name : rebuilds.names()) {
            while (rebuilds.processed(name) < head && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    private void exit(int status) {
        int code = SpringApplication.exit(context, () -> status);
        System.exit(code);
    }
}
