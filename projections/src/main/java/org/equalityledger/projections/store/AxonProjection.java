package org.equalityledger.projections.store;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Drives a {@link Projector} from an Axon streaming processor: the processor's batch is the
 * projector's batch (its documents read at the first event, written at the last), so one batch of
 * events costs a few reads and one bulk write per collection. A failing write fails the batch; the
 * processor retries it, and the positions kept in the documents make the retry change nothing twice.
 * A rebuild does not reset the processor: it builds a new generation of the read models beside
 * ({@link ReadModelGenerations}) and the processor goes on from its token into it.
 */
public abstract class AxonProjection {

    private final Projector projector;

    protected AxonProjection(Projector projector) {
        this.projector = projector;
    }

    public Projector projector() {
        return projector;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message, TrackingToken token) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        String resource = "projection:" + projector.name();
        if (unitOfWork != null && !unitOfWork.resources().containsKey(resource)) {
            unitOfWork.resources().put(resource, Boolean.TRUE);
            projector.begin(batchOf(unitOfWork, message, token));
            // In case the last message of the batch is not delivered here: still written before commit.
            unitOfWork.onPrepareCommit(u -> projector.flush());
            unitOfWork.onRollback(u -> projector.begin(List.of()));
        }
        projector.apply(new LedgerEvent(token.position().orElseThrow(), message.getTimestamp(), payload));
        if (unitOfWork == null || !(unitOfWork instanceof BatchingUnitOfWork<?> b) || b.isLastMessage()) {
            projector.flush();
        }
    }

    private static List<LedgerEvent> batchOf(UnitOfWork<?> unitOfWork, EventMessage<?> message, TrackingToken token) {
        List<LedgerEvent> events = new ArrayList<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> b) {
            for (Object m : b.getMessages()) {
                if (m instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                        && tracked.trackingToken().position().isPresent()) {
                    Object payload;
                    try {
                        payload = tracked.getPayload();
                    } catch (RuntimeException unreadable) {
                        continue;
                    }
                    events.add(new LedgerEvent(tracked.trackingToken().position().getAsLong(), tracked.getTimestamp(), payload));
                }
            }
        } else {
            events.add(new LedgerEvent(token.position().orElseThrow(), message.getTimestamp(), message.getPayload()));
        }
        return events;
    }
}
