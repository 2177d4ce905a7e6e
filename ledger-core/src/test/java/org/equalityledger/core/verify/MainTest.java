package org.equalityledger.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InclusionProof;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path temp;

    private ExportFixture fixture;
    private Path key;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void create() throws IOException {
        fixture = ExportFixture.create();
        key = Files.writeString(temp.resolve("ledger.pub.pem"), LedgerKeys.toPem(ExportFixture.KEYS.getPublic()));
    }

    private int run(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        out.reset();
        err.reset();
        return Main.run(strings, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private Path checkpointFile(Checkpoint checkpoint) throws IOException {
        return file("checkpoint-" + checkpoint.treeSize() + ".json", Json.write(ExportFormat.checkpointJson(checkpoint, false)));
    }

    @Test
    void verify_exits_0_for_an_intact_export() throws IOException {
        Path export = fixture.write(temp, "export.jsonl");
        assertThat(run("verify", export, "--public-key", key, "--checkpoint", checkpointFile(fixture.checkpoints.get(1))))
                .as(out() + err()).isEqualTo(Main.VERIFIED);
        assertThat(out()).startsWith("OK: 200 entries, 4 checkpoints verified (signed up to size 180), root "
                + HexFormat.of().formatHex(fixture.log.root())).contains("the last 20 entries come after the last checkpoint");

        assertThat(run("verify", export)).isEqualTo(Main.VERIFIED);
        assertThat(out()).contains("pass --public-key");
    }

    @Test
    void verify_exits_1_naming_the_first_bad_position() throws IOException {
        fixture.lines.remove(12);
        Path export = fixture.write(temp, "export.jsonl");
        assertThat(run("verify", export, "--public-key", key)).isEqualTo(Main.FAILED);
        assertThat(out()).startsWith("FAILED: position 12: ");
    }

    @Test
    void verify_exits_1_when_the_export_was_signed_by_another_key() throws IOException {
        Path export = fixture.write(temp, "export.jsonl");
        Path otherKey = file("other.pem", LedgerKeys.toPem(LedgerKeys.generate().getPublic()));
        assertThat(run("verify", export, "--public-key", otherKey)).isEqualTo(Main.FAILED);
        assertThat(out()).startsWith("FAILED: the export's public key");
    }

    @Test
    void bad_usage_and_unreadable_inputs_exit_2() throws IOException {
        Path export = fixture.write(temp, "export.jsonl");
        assertThat(run()).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("usage:");
        assertThat(run("verify")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("audit", export)).isEqualTo(Main.BAD_INPUT);
        assertThat(run("verify", export, "--strict")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("verify", export, "--public-key")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("verify", temp.resolve("missing.jsonl"))).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("no such file");
        assertThat(run("verify", export, "--public-key", file("bad.pem", "not a key"))).isEqualTo(Main.BAD_INPUT);
        assertThat(run("verify", export, "--checkpoint", file("bad.json", "{\"treeSize\":1}"))).isEqualTo(Main.BAD_INPUT);
        assertThat(run("inclusion", file("bad-proof.json", "{\"leafIndex\":1"))).isEqualTo(Main.BAD_INPUT);
        assertThat(run("consistency", file("not-utf8.json", "\u00ff").toString())).isEqualTo(Main.BAD_INPUT);
        Files.write(temp.resolve("latin1.json"), new byte[] {'{', (byte) 0xff, '}'});
        assertThat(run("consistency", temp.resolve("latin1.json"))).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("not UTF-8");
    }

    @Test
    void inclusion_exits_0_for_a_good_proof_and_1_for_a_tampered_one() throws IOException {
        InclusionProof proof = InclusionProof.of(fixture.log, 41, 180, fixture.entries.get(41).hash());
        assertThat(run("inclusion", file("inclusion.json", proof.toJson()))).as(err()).isEqualTo(Main.VERIFIED);
        assertThat(out()).startsWith("OK: the entry at position 41 is in the tree of 180 entries");

        InclusionProof other = new InclusionProof(42, 180, null, proof.leafHash(), proof.auditPath(), proof.rootHash());
        assertThat(run("inclusion", file("wrong-index.json", other.toJson()))).isEqualTo(Main.FAILED);
        assertThat(out()).startsWith("FAILED:");
    }

    @Test
    void inclusion_can_tie_its_root_to_a_signed_checkpoint() throws IOException {
        Checkpoint at180 = fixture.checkpoints.get(2);
        Path proof = file("inclusion.json", InclusionProof.of(fixture.log, 41, 180, null).toJson());
        assertThat(run("inclusion", proof, "--public-key", key, "--checkpoint", checkpointFile(at180)))
                .as(out() + err()).isEqualTo(Main.VERIFIED);

        Path otherProof = file("inclusion-120.json", InclusionProof.of(fixture.log, 41, 120, null).toJson());
        assertThat(run("inclusion", otherProof, "--public-key", key, "--checkpoint", checkpointFile(at180)))
                .isEqualTo(Main.FAILED);

        Path otherKey = file("other.pem", LedgerKeys.toPem(LedgerKeys.generate().getPublic()));
        assertThat(run("inclusion", proof, "--public-key", otherKey, "--checkpoint", checkpointFile(at180)))
                .isEqualTo(Main.FAILED);
        assertThat(out()).contains("signature does not verify");

        assertThat(run("inclusion", proof, "--checkpoint", checkpointFile(at180))).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void consistency_exits_0_for_a_good_proof_and_1_for_a_tampered_one() throws IOException {
        ConsistencyProof proof = ConsistencyProof.of(fixture.log, 60, 180);
        Path good = file("consistency.json", proof.toJson());
        assertThat(run("consistency", good)).isEqualTo(Main.VERIFIED);
        assertThat(out()).startsWith("OK: the tree of 180 entries");
        assertThat(run("consistency", good, "--public-key", key, "--checkpoint", checkpointFile(fixture.checkpoints.get(0)),
                "--checkpoint", checkpointFile(fixture.checkpoints.get(2)))).as(out() + err()).isEqualTo(Main.VERIFIED);

        String otherRoot = HexFormat.of().formatHex(fixture.log.root(61));
        ConsistencyProof tampered = new ConsistencyProof(60, 180, otherRoot, proof.rootN(), proof.proof());
        assertThat(run("consistency", file("tampered.json", tampered.toJson()))).isEqualTo(Main.FAILED);
        assertThat(run("consistency", good, "--public-key", key, "--checkpoint", checkpointFile(fixture.checkpoints.get(1))))
                .isEqualTo(Main.FAILED);
    }
}
