package org.equalityledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The embedded store's write-ahead journal: every write command, in the order it was applied,
 * appended and synced before it is answered. H2 then needs to commit only now and then, and a crash
 * loses nothing: the commands after H2's last commit are applied again from here.
 *
 * <p>The file starts with the generation it belongs to; H2 records the generation of each commit,
 * and a journal of an older generation is wholly contained in H2 already.
 */
final class CommandJournal implements AutoCloseable {

    /** A command as written: its database, name and whole command document. */
    record Entry(String database, String command, Document query) {
    }

    /** Where a command ended up in the journal, so its writer can wait for exactly that much to be synced. */
    record Ticket(long generation, long end) {
    }

    private final FileChannel channel;
    private final boolean sync;
    private long generation;
    private long written;
    private long synced;

    CommandJournal(Path file, boolean sync) {
        this.sync = sync;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal " + file, e);
        }
    }

    /** The commands of {@code generation} in the file, up to the first one torn by a crash. */
    synchronized List<Entry> entriesOf(long wantedGeneration) {
        List<Entry> entries = new ArrayList<>();
        try {
            long size = channel.size();
            if (size < Long.BYTES || readLong(0) != wantedGeneration) {
                return entries;
            }
            long position = Long.BYTES;
            while (position + 8 <= size) {
                ByteBuffer header = read(position, 8);
                int length = header.getInt();
                int checksum = header.getInt();
                if (length <= 0 || position + 8 + length > size) {
                    break;
                }
                byte[] bytes = read(position + 8, length).array();
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if ((int) crc.getValue() != checksum) {
                    break;
                }
                Document record = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
                entries.add(new Entry((String) record.get("db"), (String) record.get("command"),
                        (Document) record.get("query")));
                position += 8 + length;
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal", e);
        }
    }

    /** Empties the journal and starts {@code newGeneration}; called once H2 holds everything in it. */
    synchronized void startGeneration(long newGeneration) {
        try {
            channel.truncate(0);
            ByteBuffer header = ByteBuffer.allocate(Long.BYTES).putLong(0, newGeneration);
            channel.write(header, 0);
            channel.force(false);
            generation = newGeneration;
            written = Long.BYTES;
            synced = written;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the journal", e);
        }
    }

    synchronized Ticket append(String database, String command, Document query) {
        Document record = new Document("db", database).append("command", command).append("query", query);
        ByteBuf buffer = Unpooled.buffer();
        BsonEncoder.encodeDocument(record, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ByteBuffer out = ByteBuffer.allocate(8 + bytes.length);
        out.putInt(bytes.length).putInt((int) crc.getValue()).put(bytes).flip();
        try {
            while (out.hasRemaining()) {
                written += channel.write(out, written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal", e);
        }
        return new Ticket(generation, written);
    }

    /**
     * Returns once the ticket's command is on disk. One sync covers every command written before it,
     * so concurrent writers share it.
     */
    void syncUpTo(Ticket ticket) {
        if (!sync) {
            return;
        }
        synchronized (this) {
            // A newer generation means H2 committed and synced this command already.
            if (ticket.generation() != generation || synced >= ticket.end()) {
                return;
            }
            try {
                long upTo = written;
                channel.force(false);
                synced = upTo;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot sync the journal", e);
            }
        }
    }

    private long readLong(long position) throws IOException {
        return read(position, Long.BYTES).getLong();
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of journal");
            }
        }
        return buffer.flip();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
