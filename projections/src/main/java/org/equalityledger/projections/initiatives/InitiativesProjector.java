package org.equalityledger.projections.initiatives;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.equalityledger.api.query.initiatives.InitiativeView;
import org.equalityledger.projections.store.DocCache;
import org.equalityledger.projections.store.LedgerEvent;
import org.equalityledger.projections.store.Projector;
import org.equalityledger.projections.store.ReadModelJson;
import org.equalityledger.projections.store.ReadModels;

/**
 * The "initiatives" projection: {@code rm_initiative_views}, {@code _id} = initiative id, {@code state}
 * = the {@link InitiativeFold folded} {@link InitiativeView} as JSON text, {@code kind} beside it for the
 * list's filter. The commitments projection keeps its own small {@code rm_initiatives} (the names its
 * rows and queue show, read in the same batch as the commitments, so never behind them); this room
 * holds what readers of initiatives ask for: periods, targets, and every holder of every role.
 */
public final class InitiativesProjector implements Projector {

    public static final String NAME = "initiatives";
    public static final String VIEWS = "rm_initiative_views";

    public static final List<String> COLLECTIONS = List.of(VIEWS);

    private final ReadModels readModels;
    private DocCache views;

    /** Writes into the collections {@code readModels} names: the ones readers read, or a rebuild's. */
    public InitiativesProjector(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return COLLECTIONS;
    }

    @Override
    public void begin(List<LedgerEvent> batch) {
        views = new DocCache(readModels.collection(VIEWS));
        extend(batch);
    }

    @Override
    public void extend(List<LedgerEvent> more) {
        if (views == null) {
            views = new DocCache(readModels.collection(VIEWS));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (LedgerEvent e : more) {
            String id = InitiativeFold.initiativeIdOf(e.payload());
            if (id != null) {
                ids.add(id);
            }
        }
        views.preload(ids);
    }

    @Override
    public void apply(LedgerEvent event) {
        String id = InitiativeFold.initiativeIdOf(event.payload());
        if (id == null) {
            return;
        }
        if (views == null) {
            begin(List.of(event));
        }
        Document doc = views.get(id);
        if (DocCache.position(doc) >= event.position()) {
            return; // applied before a crash: a retried batch changes nothing twice
        }
        InitiativeView before = doc == null ? null : ReadModelJson.fromStored(doc.get("state"), InitiativeView.class);
        InitiativeView after = InitiativeFold.apply(before, event);
        if (after != null) {
            views.put(id, new Document(DocCache.POSITION, event.position()).append("kind", after.kind().name())
                    .append("state", ReadModelJson.toJson(after)));
        }
    }

    @Override
    public int held() {
        return 0; // a few documents, whatever the ledger's size
    }

    @Override
    public void flush() {
        if (views != null) {
            views.flush();
        }
    }
}
