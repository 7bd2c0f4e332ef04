package org.salescomp.generate;

import com.typesafe.config.ConfigUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.salescomp.io.SourceTable;

/**
 * {@code <out>/sources.conf}: a HOCON overlay that points {@code salescomp.sources.<table>} at each
 * generated table, so the pipeline reads the demo data with {@code --config <out>/sources.conf}.
 */
final class SourcesConf {
  static final String FILE_NAME = "sources.conf";

  private SourcesConf() {}

  static Path write(Path out, OutputFormat format, Function<SourceTable, Path> location) {
    StringBuilder conf = new StringBuilder(
        "# Written by the salescomp demo-data generator: the generated input tables.\n");
    for (SourceTable table : SourceTable.values()) {
      conf.append("salescomp.sources.").append(table.tableName())
          .append(" { format = ").append(format.sourceFormat())
          .append(", path = ").append(ConfigUtil.quoteString(location.apply(table).toString()))
          .append(" }\n");
    }
    Path file = out.resolve(FILE_NAME);
    try {
      Files.writeString(file, conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
