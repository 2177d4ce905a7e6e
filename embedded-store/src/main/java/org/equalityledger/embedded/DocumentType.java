package org.equalityledger.embedded;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * H2's type for a collection's documents: stored as BSON, the form they arrived in. H2's own object
 * type Java-serialises a document, class descriptors and all, which made reading pages back the largest
 * part of the embedded server's time in stack samples, and the pages about three times the size.
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4_096));

    private DocumentType() {
    }

    /** Documents are values, never keys: H2 only asks whether two are the same. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public int getMemory(Document document) {
        return 48 + memoryOf(document);
    }

    /** A rough size on the heap, for H2's page cache accounting; not worth an encoding to count. */
    private static int memoryOf(Object value) {
        if (value instanceof String s) {
            return 48 + s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 40 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> list) {
            int memory = 40;
            for (Object element : list) {
                memory += 8 + memoryOf(element);
            }
            return memory;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        if (bson.capacity() > 1 << 20) {
            ENCODING.set(Unpooled.buffer(4_096)); // one huge document does not pin its buffer for good
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
