package org.equalityledger.service.store;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The in-process server's H2 backend, made durable: a command's changes are committed to the file
 * and synced before its answer leaves, so nothing acknowledged is lost to a {@code kill -9} or a
 * power cut. Left to itself H2 commits in the background, about once a second.
 *
 * <p>Commands run concurrently and each commits after it finishes; a commit waits for the commands
 * in flight so that it never captures half of one (a document without its index entry), and one
 * commit covers every command finished before it (group commit).
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;
    private final boolean sync;
    private final ReadWriteLock consistency = new ReentrantReadWriteLock();

    DurableH2Backend(MVStore store, boolean sync) {
        super(store);
        this.store = store;
        this.sync = sync;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer;
        consistency.readLock().lock();
        try {
            answer = super.handleCommand(channel, databaseName, command, query);
        } finally {
            consistency.readLock().unlock();
        }
        if (store.hasUnsavedChanges()) {
            commit();
        }
        return answer;
    }

    @Override
    public void commit() {
        consistency.writeLock().lock();
        try {
            if (store.hasUnsavedChanges()) {
                store.commit();
                if (sync) {
                    store.sync();
                }
            }
        } finally {
            consistency.writeLock().unlock();
        }
    }

    /** Rewrites sparse chunks: with background commits off, H2 would not reclaim their space. */
    void compact() {
        consistency.writeLock().lock();
        try {
            store.compact(80, 16 * 1024 * 1024);
            store.commit();
        } finally {
            consistency.writeLock().unlock();
        }
    }
}
