package org.equalityledger.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The in-process server's H2 backend, made durable: a write command is applied, appended to the
 * {@link CommandJournal} and synced before its answer leaves, so nothing acknowledged is lost to a
 * {@code kill -9} or a power cut. Left to itself H2 commits in the background about once a second
 * and loses what came after; committing H2 after every command instead would rewrite whole pages
 * each time and grow the file by tens of kilobytes per command.
 *
 * <p>Write commands run one at a time, so the journal's order is the order they were applied in and
 * applying it again gives the same result. Reads run beside them (H2 is multi-version).
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    private static final String STATE_MAP = "ledger_journal_state";
    private static final String GENERATION = "generation";

    private final MVStore store;
    private final MVMap<String, Long> state;
    private final CommandJournal journal;
    private final ReentrantLock writes = new ReentrantLock();

    DurableH2Backend(MVStore store, Path journalFile, boolean sync) {
        super(store);
        this.store = store;
        this.state = store.openMap(STATE_MAP);
        this.journal = new CommandJournal(journalFile, sync);
    }

    /** Applies what the journal holds beyond H2's last commit, then folds it into H2. */
    void recover() {
        long generation = state.getOrDefault(GENERATION, 0L);
        List<CommandJournal.Entry> entries = journal.entriesOf(generation);
        if (!entries.isEmpty()) {
            Channel replay = new EmbeddedChannel();
            for (CommandJournal.Entry entry : entries) {
                super.handleCommand(replay, entry.database(), entry.command(), entry.query());
            }
            replay.close();
            log.info("Applied {} journalled commands that came after the store's last commit", entries.size());
        }
        // Always: the journal file gets the header of a generation H2 knows before anything is appended.
        commitAndStartGeneration();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return LedgerH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Document answer;
        CommandJournal.Ticket ticket;
        writes.lock();
        try {
            answer = super.handleCommand(channel, databaseName, command, query);
            ticket = journal.append(databaseName, command, query);
        } finally {
            writes.unlock();
        }
        journal.syncUpTo(ticket);
        return answer;
    }

    /**
     * Commits H2 and starts a new, empty journal generation. Holding the write lock, no command is
     * half applied, so the commit holds exactly the commands journalled so far.
     */
    void checkpoint() {
        writes.lock();
        try {
            if (store.hasUnsavedChanges()) {
                commitAndStartGeneration();
            }
        } finally {
            writes.unlock();
        }
    }

    private void commitAndStartGeneration() {
        writes.lock();
        try {
            long next = state.getOrDefault(GENERATION, 0L) + 1;
            state.put(GENERATION, next);
            store.commit();
            store.sync();
            journal.startGeneration(next);
        } finally {
            writes.unlock();
        }
    }

    /** Rewrites sparse chunks so that the file stays near the size of the live data. */
    void compact() {
        writes.lock();
        try {
            store.compact(60, 16 * 1024 * 1024);
        } finally {
            writes.unlock();
        }
        checkpoint();
    }

    @Override
    public void close() {
        checkpoint();
        super.close();
        journal.close();
    }
}
