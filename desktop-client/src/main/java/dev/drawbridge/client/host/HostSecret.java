package dev.drawbridge.client.host;

import dev.drawbridge.relay.auth.TokenSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted relay's token secret: 32 random bytes, kept in one file of the app's home so that
 * invite links stay valid across restarts, readable by its owner only where the file system has
 * POSIX permissions. Deleting the file revokes every link the host ever made.
 */
public final class HostSecret {
  /** The file's name inside the hosted relay's folder. */
  public static final String FILE_NAME = "relay-secret";

  private static final Logger LOG = LoggerFactory.getLogger(HostSecret.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private HostSecret() {}

  /** The secret in {@code dir}, made on first use (and again if the file holds a weak one). */
  public static String loadOrCreate(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      var weakness = TokenSecrets.weakness(secret);
      if (weakness.isEmpty()) {
        return secret;
      }
      LOG.warn("Replacing the hosted relay's secret in {}: {}", file, weakness.get());
    }
    String secret = generate();
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    createOwnerOnly(tmp);
    Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return secret;
  }

  /** 32 random bytes as URL-safe base64 (43 characters), never one the relay calls weak. */
  static String generate() {
    while (true) {
      byte[] bytes = new byte[BYTES];
      RANDOM.nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      if (TokenSecrets.weakness(secret).isEmpty()) {
        return secret;
      }
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    try {
      // Created with its permissions, so the secret is never readable by others, not even briefly.
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // Windows: the file inherits the user profile's ACL, which other users cannot read.
      try {
        Files.createFile(file);
      } catch (FileAlreadyExistsException again) {
        // Made between delete and create: written over next.
      }
      var f = file.toFile();
      boolean narrowed = f.setReadable(false, false) && f.setReadable(true, true);
      if (!narrowed) {
        LOG.debug("Could not narrow the permissions of {}", file);
      }
    }
  }
}
