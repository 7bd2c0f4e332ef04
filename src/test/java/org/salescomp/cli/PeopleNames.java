package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;

/** The names of people in a world's inputs (reps and customers; team names are not people's). */
final class PeopleNames {
  private final Set<String> names = new HashSet<>();

  PeopleNames(Settings settings) {
    for (SourceTable table : List.of(SourceTable.REPS, SourceTable.CUSTOMERS)) {
      names.addAll(SourceReader.read(SharedSpark.session(), table, settings.source(table))
          .select("name").distinct().as(Encoders.STRING()).collectAsList());
    }
    names.removeIf(n -> n == null || n.isBlank());
  }

  int size() {
    return names.size();
  }

  /** Fails naming the text's first line (the command or file it came from) when a name is in it. */
  void assertNoneIn(String text) {
    for (String name : names) {
      assertThat(text.contains(name)).as("a person's name in " + text.lines().findFirst().orElse("")).isFalse();
    }
  }
}
