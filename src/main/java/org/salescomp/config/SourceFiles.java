package org.salescomp.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructField;
import org.salescomp.io.SchemaError;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SourceTable;

/**
 * The checks of the input files a run can make before Spark starts, so that {@code run},
 * {@code run --dry-run} and {@code validate-config} stop on the same problems with one line: a path that
 * does not exist or cannot be read, a Delta source without a transaction log (exit 2, naming the config
 * key), an empty CSV file or a CSV header without a required column (exit 3, as the run would).
 * Only local paths are checked; a remote one ({@code s3a://}, {@code hdfs://}) and a metastore table
 * are left to the run.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /** Checks every source; returns the number of sources checked (the others are remote or tables). */
  public static int check(Map<SourceTable, SourceSettings> sources) {
    int checked = 0;
    for (Map.Entry<SourceTable, SourceSettings> e : sources.entrySet()) {
      Optional<Path> local = localPath(e.getValue());
      if (local.isPresent()) {
        check(e.getKey(), e.getValue(), local.get());
        checked++;
      }
    }
    return checked;
  }

  private static void check(SourceTable table, SourceSettings source, Path path) {
    String key = "salescomp.sources." + table.tableName() + ".path";
    if (!Files.exists(path)) {
      throw new ConfigError(null, key, "no such file or folder: " + source.location());
    }
    if (!Files.isReadable(path)) {
      throw new ConfigError(null, key, "cannot be read (permissions): " + source.location());
    }
    if (source.format() == SourceFormat.DELTA && !Files.isDirectory(path.resolve("_delta_log"))) {
      throw new ConfigError(null, key, "not a Delta table (no _delta_log folder): " + source.location());
    }
    if (source.format() == SourceFormat.CSV) {
      checkCsvHeader(table, source, path);
    }
  }

  /** The first line of the first data file: present, and naming every required column. */
  private static void checkCsvHeader(SourceTable table, SourceSettings source, Path path) {
    Path file = firstDataFile(path).orElseThrow(() -> SchemaError.empty(table.tableName(), source.location()));
    if (!Files.isReadable(file)) {
      throw new ConfigError(null, "salescomp.sources." + table.tableName() + ".path",
          "cannot be read (permissions): " + file);
    }
    String header;
    try (BufferedReader reader = Files.newBufferedReader(file, Charset.forName(source.csv().encoding()))) {
      header = reader.readLine();
    } catch (IOException | java.io.UncheckedIOException e) {
      // undecodable bytes in the header, or a read error: the run's reader says which row
      return;
    }
    if (header == null || header.isBlank()) {
      throw SchemaError.empty(table.tableName(), source.location());
    }
    List<String> columns = Arrays.stream(header.split(java.util.regex.Pattern.quote(source.csv().delimiter()), -1))
        .map(c -> c.strip().replaceAll("^\"|\"$", "").replace("\uFEFF", ""))
        .toList();
    for (StructField field : table.schema().fields()) {
      if (!field.nullable() && !columns.contains(field.name())) {
        throw new SchemaError(table.tableName(), field.name(), field.dataType().simpleString(),
            source.location(), columns);
      }
    }
  }

  private static Optional<Path> firstDataFile(Path path) {
    if (!Files.isDirectory(path)) {
      return Optional.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> data = new ArrayList<>(files
          .filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("_")
              && !f.getFileName().toString().startsWith("."))
          .toList());
      data.sort(null);
      return data.stream().filter(f -> f.toFile().length() > 0).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The local path of a file source; empty for a metastore table or a remote file system. */
  static Optional<Path> localPath(SourceSettings source) {
    if (source.format() == SourceFormat.TABLE) {
      return Optional.empty();
    }
    String location = source.location();
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    boolean hasScheme = colon > 1 && (slash < 0 || colon < slash);
    if (!hasScheme) {
      return Optional.of(Path.of(location));
    }
    URI uri = URI.create(location.replace(" ", "%20"));
    return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
  }
}
