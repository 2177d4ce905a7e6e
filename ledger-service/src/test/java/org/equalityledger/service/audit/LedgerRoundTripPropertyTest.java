package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.equalityledger.core.Unicode;
import org.equalityledger.core.verify.Main;
import org.equalityledger.core.verify.VerificationResult;
import org.equalityledger.service.store.TestStores;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 11: the canonical form is total. Whatever an event holds (any UTF-16 code units in its text,
 * lone surrogates, NUL and every plane among them; numbers huge, negative and in exponent form; nested
 * values), it is appended by the real engine on the embedded store, read back unchanged, sealed, and
 * verified by the service's verify and by the offline verifier on the export; or, if one of its JSON
 * names holds a lone surrogate, which Jackson could never read back, it is refused and nothing of
 * its unit of work is stored.
 */
class LedgerRoundTripPropertyTest {

    /** A payload that puts generated text and numbers everywhere Jackson writes them. */
    record Probe(String text, List<String> texts, Map<String, String> named, BigDecimal amount, BigInteger count,
                 long whole, double ratio, Probe nested) {
    }

    /** One event: its aggregate ("" for none), payload and metadata. */
    record Event(String aggregate, Probe payload, Map<String, String> metadata) {
    }

    @Property(tries = 40)
    void whatever_an_event_holds_it_verifies_after_append_store_export_and_offline(
            @ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 3) List<@From("events") Event>> units)
            throws IOException {
        AuditFixture fixture = AuditFixture.on(TestStores.embedded());
        Map<String, Long> sequences = new HashMap<>();
        List<Event> stored = new ArrayList<>();
        int refused = 0;
        for (List<Event> unit : units) {
            Map<String, Long> next = new HashMap<>(sequences);
            List<EventMessage<?>> messages = unit.stream().<EventMessage<?>>map(e -> message(e, next)).toList();
            if (unit.stream().anyMatch(LedgerRoundTripPropertyTest::holdsALoneSurrogateInAName)) {
                assertThatThrownBy(() -> fixture.engine.appendEvents(messages))
                        .isInstanceOf(EventStoreException.class)
                        .hasMessageContaining("a lone surrogate in a name");
                refused++;
            } else {
                fixture.engine.appendEvents(messages);
                sequences.putAll(next);
                stored.addAll(unit);
            }
        }

        Statistics.label("events stored").collect(stored.size() < 5 ? "0-4" : stored.size() < 10 ? "5-9" : "10+");
        Statistics.label("units refused").collect(refused);
        // A record's text shows every string it holds.
        Statistics.label("a stored event holds a lone surrogate").collect(stored.stream()
                .anyMatch(e -> !Unicode.isWellFormed(e.toString())));

        assertReadBackUnchanged(fixture, stored);
        LedgerSealer.Seal seal = fixture.sealer.seal();
        if (stored.isEmpty()) {
            assertThat(seal.outcome()).isEqualTo(LedgerSealer.Outcome.EMPTY);
            return;
        }
        assertThat(seal.outcome()).as(seal.reason()).isEqualTo(LedgerSealer.Outcome.SEALED);
        assertThat(seal.checkpoint().treeSize()).isEqualTo(stored.size());
        VerificationResult service = fixture.verification.verify().result();
        assertThat(service.ok()).as(service.message()).isTrue();
        assertThat(service.entries()).isEqualTo(stored.size());
        Path folder = Files.createTempDirectory("ledger-round-trip");
        try {
            AuditFixture.Offline offline = fixture.offline(folder);
            assertThat(offline.result()).isEqualTo(service);
            assertThat(offline.exitStatus()).as(offline.output()).isEqualTo(Main.VERIFIED);
        } finally {
            delete(folder);
        }
    }

    private static EventMessage<?> message(Event event, Map<String, Long> sequences) {
        if (event.aggregate().isEmpty()) {
            return new GenericEventMessage<>(event.payload(), event.metadata());
        }
        long sequence = sequences.merge(event.aggregate(), 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("Probe", event.aggregate(), sequence, event.payload(), event.metadata());
    }

    private static boolean holdsALoneSurrogateInAName(Event event) {
        Stream<String> names = event.metadata().keySet().stream();
        for (Probe p = event.payload(); p != null; p = p.nested()) {
            names = Stream.concat(names, p.named().keySet().stream());
        }
        return names.anyMatch(name -> !Unicode.isWellFormed(name));
    }

    private static void assertReadBackUnchanged(AuditFixture fixture, List<Event> stored) {
        List<Object> payloads = new ArrayList<>();
        List<Map<String, Object>> metadata = new ArrayList<>();
        fixture.engine.readEvents(null, false).forEach(m -> {
            payloads.add(m.getPayload());
            metadata.add(new HashMap<>(m.getMetaData()));
        });
        assertThat(payloads).containsExactlyElementsOf(stored.stream().map(Event::payload).toList());
        for (int i = 0; i < stored.size(); i++) {
            assertThat(metadata.get(i)).containsAllEntriesOf(stored.get(i).metadata());
        }
        for (String aggregate : stored.stream().map(Event::aggregate).filter(a -> !a.isEmpty()).distinct().toList()) {
            List<Object> ofAggregate = fixture.engine.readEvents(aggregate).asStream()
                    .<Object>map(DomainEventMessage::getPayload).toList();
            assertThat(ofAggregate).containsExactlyElementsOf(stored.stream()
                    .filter(e -> e.aggregate().equals(aggregate)).map(Event::payload).toList());
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ------------------------------------------------------------------ what events hold

    @Provide
    Arbitrary<Event> events() {
        // A few aggregates, so that chains grow; ids are well-formed text of any kind (the API checks them).
        Arbitrary<String> aggregate = Arbitraries.oneOf(List.of(
                Arbitraries.of("", "c-1", "c-2", "m-1"),
                text().filter(Unicode::isWellFormed).filter(s -> !s.isEmpty())));
        return Combinators.combine(aggregate, probe(), names(text())).as(Event::new);
    }

    private Arbitrary<Probe> probe() {
        return Arbitraries.recursive(
                () -> probe(Arbitraries.<Probe>just(null)),
                this::probe,
                0, 3);
    }

    private Arbitrary<Probe> probe(Arbitrary<Probe> nested) {
        return Combinators.combine(text(), text().list().ofMaxSize(3), names(text()), decimal(), integer(),
                        Arbitraries.longs(), finiteDouble(), nested)
                .as(Probe::new);
    }

    /** Names are mostly well-formed; now and then one holds a lone surrogate, which must be refused. */
    private static Arbitrary<Map<String, String>> names(Arbitrary<String> values) {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(12, text().filter(Unicode::isWellFormed)),
                Tuple.of(1, text()));
        return Arbitraries.maps(name, values).ofMaxSize(3);
    }

    /**
     * Any sequence of UTF-16 code units, built from pieces that matter: ASCII, control characters and
     * NUL, any code unit (lone surrogates included), any plane's character, and the characters and
     * texts that JSON escaping and replacement characters could confuse.
     */
    private static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(List.of(
                Arbitraries.strings().ascii().ofMaxLength(8),
                Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf),
                Arbitraries.chars().range('\u007f', '\u009f').map(String::valueOf),
                Arbitraries.chars().all().map(String::valueOf),
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf),
                Arbitraries.integers().between(0, Character.MAX_CODE_POINT).map(Character::toString),
                Arbitraries.of("\"", "\\", "\\u", "\\ud800", "\\\\ud800", "?", "\ufffd", "\ufeff", "\uffff",
                        "\u2028", "$", ".", ":", "{}", "</script>", "\ud83d\ude00", "\udbff\udfff")));
        return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    /** Plain, negative and huge decimals, with scales that make Jackson write exponent forms. */
    private static Arbitrary<BigDecimal> decimal() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(300).negate(), BigInteger.TEN.pow(300));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-1_000, 1_000))
                .as(BigDecimal::new);
    }

    private static Arbitrary<BigInteger> integer() {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(400).negate(), BigInteger.TEN.pow(400));
    }

    private static Arbitrary<Double> finiteDouble() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.doubles(),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e-300, 6.02214076e23)));
    }
}
