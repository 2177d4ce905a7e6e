package org.equalityledger.service.config;

import java.util.Set;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.equalityledger.api.common.LocalizedName;
import org.equalityledger.api.initiative.ActionDefined;
import org.equalityledger.api.initiative.InitiativeLaunched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ledger's first schema evolution. Revision 1 of {@link InitiativeLaunched} and {@link ActionDefined}
 * named an initiative or action in English, Spanish and French; revision 2 names it in up to five
 * languages ({@link LocalizedName}), a language without a name being absent. A revision-1 event reads
 * as revision 2 with the names it recorded and no Russian or Arabic one: an upcaster adds nothing the
 * ledger did not record, so the pages fall back to English for those two.
 *
 * <p>Only what is read is upcast: a stored event keeps the bytes its hash was computed over, so the
 * audit verifies a ledger holding both revisions. An event stored without a revision counts as
 * revision 1, Axon's reading of a payload type that had no {@code @Revision} yet.
 */
public final class NamesInFiveLanguagesUpcaster extends SingleEventUpcaster {

    private static final String REVISION_1 = "1";
    private static final String REVISION_2 = "2";
    private static final Set<String> TYPES = Set.of(InitiativeLaunched.class.getName(), ActionDefined.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPES.contains(representation.getType().getName()) && (revision == null || REVISION_1.equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), REVISION_2),
                JsonNode.class, NamesInFiveLanguagesUpcaster::revision2);
    }

    /** The payload with its names as revision 2 holds them: the languages given, in order, none null. */
    static JsonNode revision2(JsonNode payload) {
        ObjectNode event = payload.deepCopy();
        JsonNode names = event.path("names");
        ObjectNode given = event.objectNode();
        for (String language : LocalizedName.LANGUAGES) {
            JsonNode name = names.path(language);
            if (name.isTextual()) {
                given.set(language, name);
            }
        }
        event.set("names", given);
        return event;
    }
}
