package org.equalityledger.service.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentAmended;
import org.equalityledger.api.commitment.CommitmentDetails;
import org.equalityledger.api.commitment.CommitmentPledged;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.NotPermittedException;
import org.equalityledger.api.common.Role;
import org.equalityledger.api.query.history.CommitmentHistory;
import org.equalityledger.api.query.history.History.Change;
import org.equalityledger.core.LedgerEntry;
import org.equalityledger.service.eventstore.LedgerEvents;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A commitment's history: its stored events as the ledger holds them (position, sequence, hash links),
 * each with its payload as read today (upcast to the current revision) and who did it, when and why.
 * The hash shown is the one stored with the event, and an event whose stored fields no longer give it
 * is marked: an altered event must not look consistent here.
 */
@Component
public class CommitmentHistories {

    private final LedgerEvents ledger;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final QueryGateway queries;

    public CommitmentHistories(LedgerEvents ledger, EventStore eventStore, ObjectMapper json, QueryGateway queries) {
        this.ledger = ledger;
        this.eventStore = eventStore;
        this.json = json;
        this.queries = queries;
    }

    @Schema(description = "Every stored event of a commitment, in order")
    public record History(String commitmentId, List<Event> events) {
    }

    @Schema(description = "One stored event")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(
            @Schema(description = "position in the whole ledger") long position,
            @Schema(description = "sequence within the commitment, from 0") long sequence,
            @Schema(description = "SHA-256 stored with the event (what checkpoints and proofs cover)") String hash,
            @Schema(description = "false when the event's stored fields no longer give its stored hash: it was "
                    + "altered after it was recorded") boolean hashMatchesContent,
            @Schema(description = "only when it differs from the stored hash: the SHA-256 its stored fields give")
            String contentHash,
            @Schema(description = "hash of the commitment's previous event; null for the first") String previousHash,
            String eventId,
            @Schema(example = "CommitmentPledged") String type,
            String revision,
            @Schema(description = "when the ledger recorded it") String recordedAt,
            @Schema(description = "the user who did it") String actor,
            @Schema(description = "the user's reason, where given") String reason,
            String correlationId,
            @Schema(description = "for amendments and corrections, each changed field: from, to")
            Map<String, Change> changes,
            @Schema(description = "the event's payload") JsonNode payload) {
    }

    /** The history as recorded by {@code asOf} (all of it when null). */
    public History of(String commitmentId, Actor reader, Instant asOf) {
        List<LedgerEntry> entries = ledger.entriesOf(commitmentId);
        if (entries.isEmpty() || !"Commitment".equals(entries.get(0).aggregateType())) {
            throw new UnknownResourceException("no commitment has the id " + commitmentId);
        }
        Map<Long, String> storedHashes = ledger.storedHashesOf(entries);
        Map<Long, DomainEventMessage<?>> messages = new HashMap<>();
        eventStore.readEvents(commitmentId).asStream().forEach(m -> messages.put(m.getSequenceNumber(), m));
        mayRead(reader, commitmentId, messages.values());
        Map<Long, Map<String, Change>> changes = new HashMap<>();
        queries.query(new CommitmentHistory(commitmentId, asOf), ResponseTypes.optionalInstanceOf(
                        org.equalityledger.api.query.history.History.class)).join()
                .ifPresent(h -> h.entries().forEach(e -> changes.put(e.position(), e.changes())));
        List<Event> events = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            if (asOf != null && Instant.parse(entry.recordedAt()).isAfter(asOf)) {
                break;
            }
            DomainEventMessage<?> message = messages.get(entry.sequence());
            JsonNode payload;
            MetaData metadata;
            String type;
            if (message != null) {
                payload = json.valueToTree(message.getPayload());
                metadata = message.getMetaData();
                type = message.getPayloadType().getSimpleName();
            } else {
                payload = readOrText(entry.payload());
                metadata = MetaData.emptyInstance();
                type = entry.payloadType().substring(entry.payloadType().lastIndexOf('.') + 1);
            }
            String reason = payload.hasNonNull("reason") ? payload.get("reason").asText()
                    : text(metadata.get("reason"));
            Object recordedAt = metadata.get("recordedAt");
            String stored = storedHashes.get(entry.position());
            boolean matches = entry.hash().equals(stored);
            events.add(new Event(entry.position(), entry.sequence(), stored, matches, matches ? null : entry.hash(),
                    entry.previousHash(),
                    entry.eventId(), type, entry.payloadRevision(),
                    recordedAt != null ? recordedAt.toString() : entry.recordedAt(),
                    text(metadata.get("actor")) != null ? text(metadata.get("actor")) : text(payload.get("by")),
                    reason, text(metadata.get("correlationId")), changes.get(entry.position()), payload));
        }
        return new History(commitmentId, events);
    }

    /**
     * Secretariat and auditors read every history; the leadership of an initiative the commitment
     * targets (or targeted) and the allies of its maker or of a co-maker (present or past) read its own.
     */
    private static void mayRead(Actor reader, String commitmentId, Iterable<DomainEventMessage<?>> events) {
        if (reader.has(Role.SECRETARIAT) || reader.has(Role.AUDITOR)) {
            return;
        }
        Set<String> makers = new LinkedHashSet<>();
        Set<String> initiatives = new LinkedHashSet<>();
        for (DomainEventMessage<?> event : events) {
            CommitmentDetails details = null;
            if (event.getPayload() instanceof CommitmentPledged pledged) {
                makers.add(pledged.makerId());
                details = pledged.details();
            } else if (event.getPayload() instanceof CommitmentAmended amended) {
                details = amended.details();
            }
            if (details != null) {
                makers.addAll(details.coMakerIds());
                initiatives.addAll(details.targetedInitiatives());
            }
        }
        if (makers.stream().noneMatch(reader::actsFor) && initiatives.stream().noneMatch(reader::leads)) {
            throw new NotPermittedException("the history of commitment " + commitmentId + " is for the secretariat, "
                    + "auditors, the leadership of its initiatives and the allies of its makers");
        }
    }

    private JsonNode readOrText(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            return json.getNodeFactory().textNode(payload);
        }
    }

    private static String text(Object value) {
        if (value instanceof JsonNode node) {
            return node.isNull() || node.isMissingNode() ? null : node.asText();
        }
        return value == null ? null : value.toString();
    }
}
