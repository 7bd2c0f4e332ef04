package org.salescomp.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.salescomp.common.LocalFiles;
import org.salescomp.io.SourceTable;

/**
 * Writes the generated tables into the output folder, so that the same rows give the same bytes:
 * Parquet part files are renamed {@code part-00000.parquet}, {@code part-00001.parquet}, ... in
 * partition order, their footers are made independent of the writing process
 * ({@link ParquetFooters}), and Spark's {@code .crc} and {@code _SUCCESS} files are removed. A CSV
 * table is one file: a header, then the part files concatenated in partition order.
 */
final class TableWriter {
  private final Path out;
  private final OutputFormat format;

  private TableWriter(Path out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** A writer into {@code out}, after removing what an earlier generation wrote there. */
  static TableWriter into(Path out, OutputFormat format) {
    try {
      Files.createDirectories(out);
      for (SourceTable table : SourceTable.values()) {
        LocalFiles.deleteRecursively(out.resolve(table.tableName()));
        LocalFiles.deleteRecursively(out.resolve(table.tableName() + ".csv"));
        LocalFiles.deleteRecursively(partsFolder(out, table));
      }
      LocalFiles.deleteRecursively(out.resolve(SourcesConf.FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the output folder " + out, e);
    }
    return new TableWriter(out, format);
  }

  Path location(SourceTable table) {
    return format == OutputFormat.CSV ? out.resolve(table.tableName() + ".csv")
        : out.resolve(table.tableName());
  }

  /** Writes the table and returns how many rows it holds. */
  long write(SourceTable table, Dataset<Row> rows) {
    Dataset<Row> conformed = conform(table, rows);
    try {
      return format == OutputFormat.CSV ? writeCsv(table, conformed) : writeParquet(table, conformed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + table.tableName() + " to " + out, e);
    }
  }

  /** The contract's columns in the contract's order; a type that differs is a generator bug. */
  private static Dataset<Row> conform(SourceTable table, Dataset<Row> rows) {
    for (StructField field : table.schema().fields()) {
      StructField actual = rows.schema().apply(field.name());
      if (!actual.dataType().sameType(field.dataType())) {
        throw new IllegalStateException(table.tableName() + "." + field.name() + " is "
            + actual.dataType().simpleString() + ", the contract says "
            + field.dataType().simpleString());
      }
    }
    return rows.select(Arrays.stream(table.schema().fieldNames()).map(functions::col)
        .toArray(Column[]::new));
  }

  private long writeParquet(SourceTable table, Dataset<Row> rows) throws IOException {
    Path folder = location(table);
    rows.write().mode(SaveMode.Overwrite).option("compression", "snappy")
        .parquet(folder.toString());
    List<Path> parts = tidy(folder, ".parquet");
    long count = 0;
    for (int i = 0; i < parts.size(); i++) {
      Path part = Files.move(parts.get(i), folder.resolve(String.format("part-%05d.parquet", i)));
      count += ParquetFooters.normalize(part);
    }
    return count;
  }

  private long writeCsv(SourceTable table, Dataset<Row> rows) throws IOException {
    Path parts = partsFolder(out, table);
    // RFC 4180, as the reader expects: a quote inside a quoted field is doubled, not backslashed
    rows.write().mode(SaveMode.Overwrite).option("header", false).option("escape", "\"")
        .option("dateFormat", "yyyy-MM-dd").option("compression", "none").csv(parts.toString());
    String header = String.join(",", table.schema().fieldNames()) + "\n";
    long count = 0;
    try (OutputStream csv = Files.newOutputStream(location(table))) {
      csv.write(header.getBytes(StandardCharsets.UTF_8));
      for (Path part : tidy(parts, ".csv")) {
        count += copyCountingLines(part, csv);
      }
    }
    LocalFiles.deleteRecursively(parts);
    return count;
  }

  private static Path partsFolder(Path out, SourceTable table) {
    return out.resolve("." + table.tableName() + ".csv.parts");
  }

  /** Deletes Spark's bookkeeping files and returns the part files in partition order. */
  private static List<Path> tidy(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
      for (Path file : all) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_")) {
          Files.delete(file);
        }
      }
      return all.stream()
          .filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .toList();
    }
  }

  /** Appends a file to a stream; returns the number of lines copied (no value spans lines). */
  private static long copyCountingLines(Path file, OutputStream out) throws IOException {
    long lines = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    return lines;
  }
}
