package org.salescomp.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files on the local disk (generated data, test folders); the lakehouse goes through Hadoop's file system. */
public final class LocalFiles {
  private LocalFiles() {}

  /** Deletes a file or a folder with everything in it; nothing when it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      // deepest first, so each folder is empty when its turn comes
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
