package org.equalityledger.service.eventstore;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import com.mongodb.client.MongoDatabase;

/** The engine fixture for tests in other packages. */
public final class EngineFixtureAccess {

    private EngineFixtureAccess() {
    }

    public static EventStorageEngine engine(MongoDatabase database) {
        return EngineFixture.engine(database);
    }

    public static List<DomainEventMessage<?>> history(String aggregateId, int events) {
        return EngineFixture.history(aggregateId, events);
    }
}
