package org.equalityledger.core.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.equalityledger.core.LedgerEntry;

/** The ledger's Ed25519 signing key: PEM encoding, key ids, and the key kept in a data folder. */
public final class LedgerKeys {

    public static final String ALGORITHM = "Ed25519";
    public static final String PRIVATE_KEY_FILE = "checkpoint-signing-key.pem";
    public static final String PUBLIC_KEY_FILE = "checkpoint-signing-key.pub.pem";

    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";

    private LedgerKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    /** First 16 hex digits of SHA-256 over the X.509 SubjectPublicKeyInfo. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(LedgerEntry.sha256(key.getEncoded())).substring(0, 16);
    }

    /** X.509 SubjectPublicKeyInfo in PEM. */
    public static String toPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    /** PKCS#8 in PEM. */
    public static String toPem(PrivateKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(PUBLIC_LABEL, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(PRIVATE_LABEL, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /**
     * The key pair kept in {@code folder}, created there on first use. An existing private key is never
     * replaced: every checkpoint it signed would become unverifiable.
     */
    public static KeyPair loadOrCreate(Path folder) throws IOException {
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile)) {
            if (!Files.exists(publicFile)) {
                throw new IOException(privateFile + " has no " + PUBLIC_KEY_FILE + " beside it; restore it from a backup "
                        + "or from a published export");
            }
            PrivateKey privateKey = privateKeyFromPem(Files.readString(privateFile, StandardCharsets.US_ASCII));
            PublicKey publicKey = publicKeyFromPem(Files.readString(publicFile, StandardCharsets.US_ASCII));
            if (!isPair(privateKey, publicKey)) {
                throw new IOException(publicFile + " is not the public half of " + privateFile);
            }
            return new KeyPair(publicKey, privateKey);
        }
        if (!Files.isDirectory(folder)) {
            createOwnerOnlyFolder(folder);
        }
        KeyPair keys = generate();
        // The public key goes first: a private key on disk then always has its public half.
        writeOwnerOnly(publicFile, toPem(keys.getPublic()));
        writeOwnerOnly(privateFile, toPem(keys.getPrivate()));
        return keys;
    }

    private static boolean isPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "equality-ledger/key-pair-probe".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature ed25519 = Signature.getInstance(ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(probe);
            byte[] signature = ed25519.sign();
            ed25519.initVerify(publicKey);
            ed25519.update(probe);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " ... " + end + " block");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " block is not base64", e);
        }
    }

    private static void createOwnerOnlyFolder(Path folder) throws IOException {
        if (supportsPosix(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Written beside the target and moved into place, so a crash never leaves half a key. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (supportsPosix(folder)) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
            restrictToOwner(temporary);
        }
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static boolean supportsPosix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Windows and other ACL file systems: one entry, the owner's. */
    private static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        AclEntry ownerOnly = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(Files.getOwner(file))
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        acl.setAcl(List.of(ownerOnly));
    }
}
