package org.equalityledger.core.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.equalityledger.core.checkpoint.Checkpoint;
import org.equalityledger.core.checkpoint.LedgerKeys;
import org.equalityledger.core.export.ExportFormat;
import org.equalityledger.core.json.Json;
import org.equalityledger.core.merkle.ConsistencyProof;
import org.equalityledger.core.merkle.InclusionProof;

/**
 * The offline verifier: an auditor's tool that needs only a JDK and this jar.
 *
 * <p>Exit status 0 when everything verified, 1 when a check failed, 2 when the command or an input file
 * was unusable.
 */
public final class Main {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private static final String USAGE = String.join("\n",
            "usage:",
            "  java -jar ledger-verifier.jar verify <export.jsonl> [--public-key <key.pem>] [--checkpoint <checkpoint.json>]...",
            "  java -jar ledger-verifier.jar inclusion <proof.json> [--public-key <key.pem> --checkpoint <checkpoint.json>]",
            "  java -jar ledger-verifier.jar consistency <proof.json> [--public-key <key.pem> --checkpoint <checkpoint.json>]...",
            "",
            "verify       checks every entry's hash, position and aggregate chain, and each checkpoint's Merkle root",
            "             and signature; --public-key is the ledger's key as you know it (else the export's own",
            "             is used), --checkpoint a checkpoint you hold from elsewhere.",
            "inclusion    checks that an entry is in a tree: {\"leafIndex\",\"treeSize\",\"entryHash\"|\"leafHash\",",
            "             \"auditPath\":[...],\"rootHash\"}",
            "consistency  checks that a tree extends an older one: {\"m\",\"n\",\"rootM\",\"rootN\",\"proof\":[...]}",
            "             With --checkpoint and --public-key, the proof's roots must be those of signed checkpoints.",
            "",
            "exit status: 0 verified, 1 a check failed, 2 bad usage or unreadable input");

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return new Main(out, err).dispatch(args);
        } catch (BadInput e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int dispatch(String[] args) {
        if (args.length < 2) {
            throw new BadInput(args.length == 1 && args[0].startsWith("-h") ? USAGE : "missing arguments\n" + USAGE);
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "verify":
                return verify(options);
            case "inclusion":
                return inclusion(options);
            case "consistency":
                return consistency(options);
            default:
                throw new BadInput("unknown command " + args[0] + "\n" + USAGE);
        }
    }

    private int verify(Options options) {
        PublicKey key = options.publicKey == null ? null : readKey(options.publicKey);
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (Path path : options.checkpoints) {
            checkpoints.add(readCheckpoint(path));
        }
        VerificationResult result;
        try {
            result = ExportVerifier.verify(options.file, key, checkpoints, done -> {
                if (done % 100_000 == 0 && done > 0) {
                    err.println("verified " + done + " entries");
                }
            });
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + options.file);
        } catch (IOException e) {
            throw new BadInput("cannot read " + options.file + ": " + e.getMessage());
        }
        out.println(result.message());
        if (result.ok() && result.coveredEntries() < result.entries()) {
            out.println("note: the last " + (result.entries() - result.coveredEntries())
                    + " entries come after the last checkpoint; no signature covers them yet");
        }
        if (result.ok() && key == null) {
            out.println("note: checked against the public key inside the export; pass --public-key with the "
                    + "ledger's published key to rule out a wholly forged export");
        }
        return result.ok() ? VERIFIED : FAILED;
    }

    private int inclusion(Options options) {
        InclusionProof proof;
        try {
            proof = InclusionProof.fromJson(readText(options.file));
        } catch (IllegalArgumentException e) {
            throw new BadInput(options.file + " is not an inclusion proof: " + e.getMessage());
        }
        if (!signedRoots(options, Map.of(proof.treeSize(), proof.rootHash()))) {
            return FAILED;
        }
        if (!proof.verify()) {
            out.println("FAILED: the proof does not show the entry at position " + proof.leafIndex()
                    + " in the tree of " + proof.treeSize() + " entries with root " + proof.rootHash());
            return FAILED;
        }
        out.println("OK: the entry at position " + proof.leafIndex() + " is in the tree of " + proof.treeSize()
                + " entries with root " + proof.rootHash());
        return VERIFIED;
    }

    private int consistency(Options options) {
        ConsistencyProof proof;
        try {
            proof = ConsistencyProof.fromJson(readText(options.file));
        } catch (IllegalArgumentException e) {
            throw new BadInput(options.file + " is not a consistency proof: " + e.getMessage());
        }
        if (!signedRoots(options, Map.of(proof.m(), proof.rootM(), proof.n(), proof.rootN()))) {
            return FAILED;
        }
        if (!proof.verify()) {
            out.println("FAILED: the proof does not show the tree of " + proof.m() + " entries (root " + proof.rootM()
                    + ") to be the start of the tree of " + proof.n() + " entries (root " + proof.rootN() + ")");
            return FAILED;
        }
        out.println("OK: the tree of " + proof.n() + " entries (root " + proof.rootN() + ") extends the tree of "
                + proof.m() + " entries (root " + proof.rootM() + ") without changing it");
        return VERIFIED;
    }

    /** Each given checkpoint must be signed by the key and match the proof's root at its size. */
    private boolean signedRoots(Options options, Map<Long, String> rootsBySize) {
        if (options.checkpoints.isEmpty()) {
            if (options.publicKey != null) {
                throw new BadInput("--public-key is used with --checkpoint here");
            }
            return true;
        }
        if (options.publicKey == null) {
            throw new BadInput("--checkpoint needs --public-key to check its signature");
        }
        PublicKey key = readKey(options.publicKey);
        for (Path path : options.checkpoints) {
            Checkpoint checkpoint = readCheckpoint(path);
            String at = "FAILED: checkpoint at size " + checkpoint.treeSize() + ": ";
            if (!checkpoint.verify(key)) {
                out.println(at + "signature does not verify with the key " + LedgerKeys.keyId(key));
                return false;
            }
            String root = rootsBySize.get(checkpoint.treeSize());
            if (root == null) {
                out.println(at + "the proof is about tree sizes " + rootsBySize.keySet() + ", not this one");
                return false;
            }
            if (!root.equals(checkpoint.rootHash())) {
                out.println(at + "root differs from the proof's root " + root);
                return false;
            }
        }
        return true;
    }

    private static PublicKey readKey(Path path) {
        try {
            return LedgerKeys.publicKeyFromPem(readText(path));
        } catch (IllegalArgumentException e) {
            throw new BadInput(path + " is not an Ed25519 public key in PEM: " + e.getMessage());
        }
    }

    private static Checkpoint readCheckpoint(Path path) {
        try {
            return ExportFormat.checkpointFromJson(Json.parseObject(readText(path)));
        } catch (IllegalArgumentException e) {
            throw new BadInput(path + " is not a checkpoint: " + e.getMessage());
        }
    }

    private static String readText(Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + path);
        } catch (CharacterCodingException e) {
            throw new BadInput(path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new BadInput("cannot read " + path + ": " + e.getMessage());
        }
    }

    private record Options(Path file, Path publicKey, List<Path> checkpoints) {

        static Options parse(String[] args) {
            Path file = null;
            Path publicKey = null;
            List<Path> checkpoints = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--public-key") || arg.equals("--checkpoint")) {
                    if (i + 1 == args.length) {
                        throw new BadInput(arg + " needs a file");
                    }
                    Path value = Path.of(args[++i]);
                    if (arg.equals("--checkpoint")) {
                        checkpoints.add(value);
                    } else if (publicKey != null) {
                        throw new BadInput("--public-key is given once");
                    } else {
                        publicKey = value;
                    }
                } else if (arg.startsWith("-")) {
                    throw new BadInput("unknown option " + arg + "\n" + USAGE);
                } else if (file != null) {
                    throw new BadInput("one file at a time: " + arg + "\n" + USAGE);
                } else {
                    file = Path.of(arg);
                }
            }
            if (file == null) {
                throw new BadInput("missing file\n" + USAGE);
            }
            return new Options(file, publicKey, checkpoints);
        }
    }

    /** Bad usage or an unreadable input file: exit status 2. */
    private static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
