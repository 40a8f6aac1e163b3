package io.plateau.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Local files written whole or not at all: beside the target under a temporary name, then moved over it. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code text} (UTF-8) to {@code target}, replacing it atomically; a failure leaves no temporary behind. */
  public static void writeString(Path target, String text) throws IOException {
    Path staged = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(staged, text, StandardCharsets.UTF_8);
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(staged);
    }
  }
}
