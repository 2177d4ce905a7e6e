package org.equalityledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equalityledger.service.support.Api.ALLY;
import static org.equalityledger.service.support.Api.SECRETARIAT;
import static org.equalityledger.service.support.Api.assertStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.equalityledger.core.LedgerEntry;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.LedgerReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every read answer says what it reflects: read now, the position the projections have applied and
 * when that event was recorded; read as of an instant, the last event recorded by then. A current
 * read is the read model as it stands, never an answer kept from before.
 */
class ReadAnswerPositionTest extends ApiTest {

    @Autowired
    Rebuilds rebuilds;
    @Autowired
    LedgerReader reader;

    private long caughtUp() throws InterruptedException {
        long head = api.head();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String name : rebuilds.names()) {
            while (rebuilds.processed(name) < head && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(rebuilds.processed(name)).as(name + " caught up").isEqualTo(head);
        }
        return head;
    }

    private Instant recordedAt(long position) {
        return reader.eventsBetween(position, position).get(0).recordedAt();
    }

    private JsonNode read(String user, String path) {
        return assertStatus(api.get(user, path), HttpStatus.OK);
    }

    @Test
    void answers_read_now_carry_the_head_the_projections_reached_and_when_it_was_recorded() throws Exception {
        String id = api.active(ALLY);
        long head = caughtUp();
        String maker = read(null, "/api/commitments/" + id).path("maker").path("makerId").asText();
        Instant headAt = recordedAt(head);

        for (String path : List.of("/api/commitments/" + id, "/api/commitments?size=1", "/api/commitment-makers/" + maker,
                "/api/reporting-cycles/2023", "/api/validation-queue", "/api/dashboards/global",
                "/api/dashboards/global?year=2022", "/api/dashboards/initiatives", "/api/dashboards/countries", "/api/dashboards/initiatives/gac",
                "/api/dashboards/countries/MX", "/api/commitments/" + id + "/history")) {
            JsonNode answer = read(SECRETARIAT, path);
            assertThat(answer.path("asOfPosition").asLong()).as(path).isEqualTo(head);
            assertThat(Instant.parse(answer.path("recordedUpTo").asText())).as(path).isEqualTo(headAt);
        }
    }

    @Test
    void answers_as_of_an_instant_carry_the_last_event_recorded_by_then() throws Exception {
        String id = api.active(ALLY);
        caughtUp();
        LedgerEntry pledge = ledger.entriesOf(id).get(0);
        Instant asOf = Instant.parse(pledge.recordedAt());
        long then = reader.lastPositionAt(asOf);
        assertThat(then).isGreaterThanOrEqualTo(pledge.position()).isLessThan(api.head());

        for (String path : List.of("/api/commitments/" + id + "?asOf=" + asOf, "/api/dashboards/global?asOf=" + asOf,
                "/api/dashboards/initiatives?asOf=" + asOf, "/api/dashboards/countries?asOf=" + asOf, "/api/commitments/" + id + "/history?asOf=" + asOf)) {
            JsonNode answer = read(SECRETARIAT, path);
            assertThat(answer.path("asOfPosition").asLong()).as(path).isEqualTo(then);
            assertThat(Instant.parse(answer.path("recordedUpTo").asText())).as(path).isEqualTo(recordedAt(then))
                    .isBeforeOrEqualTo(asOf);
        }
        assertThat(read(null, "/api/commitments/" + id + "?asOf=" + asOf).path("status").asText()).isEqualTo("PLEDGED");
    }

    @Test
    void a_dashboard_read_right_after_a_change_the_projection_applied_shows_it() throws Exception {
        for (String path : List.of("/api/dashboards/global", "/api/dashboards/countries/MX",
                "/api/dashboards/initiatives/gac?year=2022")) {
            caughtUp();
            long before = read(null, path).path("figures").path("commitments").asLong();
            api.pledged(ALLY);
            long head = caughtUp();
            JsonNode after = read(null, path);
            assertThat(after.path("figures").path("commitments").asLong()).as(path).isEqualTo(before + 1);
            assertThat(after.path("asOfPosition").asLong()).as(path).isEqualTo(head);
        }
    }
}
