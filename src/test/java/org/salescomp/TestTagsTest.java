package org.salescomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class is tagged {@code fast} or {@code slow}, so that {@code mvn -B -o test -Dgroups=fast}
 * (README, "Tests") misses no fast test and runs no slow one. Fast: no generated data set, no Delta
 * table, no browser, database or notebook; hand-built fixtures, in memory.
 */
@Tag("fast")
class TestTagsTest {
  private static final Pattern TAG = Pattern.compile("@Tag\\(\"(fast|slow)\"\\)");

  @Test
  void everyTestClassIsFastOrSlow() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      List<String> untagged = files
          .filter(f -> f.toString().endsWith("Test.java"))
          .filter(f -> TAG.matcher(read(f)).results().count() != 1)
          .map(Path::toString)
          .toList();
      assertThat(untagged).as("test classes without exactly one of @Tag(\"fast\"), @Tag(\"slow\")").isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
