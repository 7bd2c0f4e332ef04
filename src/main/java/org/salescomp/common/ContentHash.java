package org.salescomp.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The project's one content hash: SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
public final class ContentHash {
  /** Bytes of the digest in a short name: 16 hex digits, plenty to tell plan versions or runs apart. */
  private static final int SHORT_BYTES = 8;

  private ContentHash() {}

  /** A short, stable name for a piece of content: the first 8 bytes of its SHA-256. */
  public static String of(String canonical) {
    return HexFormat.of().formatHex(sha256(canonical), 0, SHORT_BYTES);
  }

  /** The whole SHA-256 (64 hex digits), where a fingerprint must not collide by chance. */
  public static String full(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
