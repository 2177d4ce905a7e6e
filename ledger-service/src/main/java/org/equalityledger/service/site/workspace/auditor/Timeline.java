package org.equalityledger.service.site.workspace.auditor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equalityledger.api.query.history.History.Change;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.web.CommitmentHistories;
import org.springframework.context.MessageSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A commitment's history as the auditor's page shows it: each stored event with what it did in words,
 * its changes as text, its hash links, and whether a signed checkpoint covers it yet (only then is there
 * an inclusion proof to download).
 */
record Timeline(String commitmentId, List<Event> events, Long sealedSize) {

    /** One changed field: its name in the API, its label, the values before and after as text. */
    record ChangeLine(String field, String label, String from, String to) {
    }

    record Event(long position, long sequence, String what, String type, String actor, String recordedAt,
                 String reason, List<ChangeLine> changes, String hash, String previousHash,
                 boolean hashMatchesContent, String contentHash, boolean sealed) {
    }

    static Timeline of(CommitmentHistories.History history, Long sealedSize, SiteContext site, MessageSource messages,
                       ObjectMapper json) {
        Locale locale = site.getLocale();
        ReadableValues values = new ReadableValues(json, site, messages.getMessage("auditor.value.none", null, locale));
        List<Event> events = new ArrayList<>();
        for (CommitmentHistories.Event e : history.events()) {
            List<ChangeLine> changes = new ArrayList<>();
            if (e.changes() != null) {
                for (Map.Entry<String, Change> change : e.changes().entrySet()) {
                    String field = change.getKey();
                    changes.add(new ChangeLine(field, messages.getMessage("auditor.field." + field, null, field, locale),
                            values.text(change.getValue().from()), values.text(change.getValue().to())));
                }
            }
            events.add(new Event(e.position(), e.sequence(), what(e, messages, locale), e.type(), e.actor(),
                    e.recordedAt(), e.reason(), changes, e.hash(), e.previousHash(), e.hashMatchesContent(),
                    e.contentHash(), sealedSize != null && e.position() < sealedSize));
        }
        return new Timeline(history.commitmentId(), events, sealedSize);
    }

    /** The event in words (the commitment page's), else its type as stored. */
    private static String what(CommitmentHistories.Event e, MessageSource messages, Locale locale) {
        JsonNode payload = e.payload();
        // Years as written, not as numbers with a grouping separator.
        Object[] args = {text(payload, "year"), text(payload, "supersedesRevision")};
        return messages.getMessage("commitment.event." + e.type(), args, e.type(), locale);
    }

    private static String text(JsonNode payload, String field) {
        return payload == null || !payload.hasNonNull(field) ? "" : payload.get(field).asText();
    }
}
