package io.olmp.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (and, for npm tarballs, SHA-1) of files, as lower-case hex. */
final class FileHashes {

  private FileHashes() {}

  static String sha256(Path file) throws IOException {
    return digest(file, "SHA-256");
  }

  static String sha1(Path file) throws IOException {
    return digest(file, "SHA-1");
  }

  static String sha256(byte[] content) {
    return HexFormat.of().formatHex(newDigest("SHA-256").digest(content));
  }

  private static String digest(Path file, String algorithm) throws IOException {
    MessageDigest digest = newDigest(algorithm);
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
