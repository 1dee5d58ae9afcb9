package dev.bazaar.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the HMAC key tokens are signed with: configured, or generated once and persisted. */
final class JwtSigningKey {

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);
    private static final int MIN_BYTES = 32;

    private JwtSigningKey() {}

    static SecretKey load(JwtProperties properties) {
        byte[] bytes = properties.secret() != null && !properties.secret().isBlank()
                ? Base64.getDecoder().decode(properties.secret().trim())
                : readOrCreate(properties.keyFile());
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("bazaar.security.jwt.secret must be at least 256 bits (32 bytes)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(
                            file,
                            Base64.getEncoder().encodeToString(fresh),
                            java.nio.file.StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                    log.info("Generated a JWT signing key in {}", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another instance sharing the data directory wrote it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user's profile permissions
        }
    }
}
