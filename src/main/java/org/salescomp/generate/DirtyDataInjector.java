package org.salescomp.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.CsvRecord;
import org.salescomp.common.LocalFiles;
import org.salescomp.io.SourceTable;

/**
 * {@code generate --dirty FRACTION}: adds bad rows of every reason code to the tables the generator
 * just wrote, and writes {@value #MANIFEST} ({@code source,key,reason}), one line per row the
 * data-quality gate must quarantine, so that tests can compare the two exactly.
 *
 * <p>About {@code FRACTION} of each table's rows are added (rounded, so small tables may get none),
 * and every essential {@link DirtyRecipe} once whatever the fraction, so that every reason code
 * appears. The rows are made from good rows by {@link DirtyRowMaker} and come after the clean rows.
 * CSV output gets unparseable values and a malformed line; Parquet stores typed values, which always
 * parse, so Parquet output has no UNPARSEABLE rows (the gate's text parsing is the same for a text
 * column in Parquet; tests cover it directly). The same options give the same bytes: samples and
 * picks are seeded, the order of recipes is fixed, and Parquet is rewritten by {@link TableWriter}.
 */
public final class DirtyDataInjector {
  public static final String MANIFEST = "dirty-manifest.csv";

  private DirtyDataInjector() {}

  /** Adds the bad rows to the tables in {@code options.out()}; returns rows added per table name. */
  public static Map<String, Long> inject(SparkSession spark, GeneratorOptions options, double fraction) {
    if (!(fraction > 0 && fraction <= 0.5)) {
      throw new IllegalArgumentException("the dirty fraction must be above 0 and at most 0.5, got " + fraction);
    }
    Path out = options.out().toAbsolutePath().normalize();
    LocalDate lastDay = options.start().plusMonths(options.months() - 1L).atEndOfMonth();
    Map<SourceTable, Dataset<Row>> clean = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      clean.put(table, read(spark, out, options.format(), table));
    }
    List<DirtyRow> rows = plan(DirtySamples.of(clean, options.seed(), lastDay), fraction, options.format());
    if (options.format() == OutputFormat.CSV) {
      appendCsv(out, rows);
    } else {
      rewriteParquet(spark, out, clean, rows);
    }
    writeManifest(out.resolve(MANIFEST), rows);
    Map<String, Long> added = new LinkedHashMap<>();
    for (SourceTable table : SourceTable.values()) {
      long n = rows.stream().filter(r -> r.table() == table).count();
      if (n > 0) {
        added.put(table.tableName(), n);
      }
    }
    return added;
  }

  /** Every essential recipe once, then each table's recipes in turn until its share of the fraction is reached. */
  static List<DirtyRow> plan(DirtySamples samples, double fraction, OutputFormat format) {
    DirtyRowMaker maker = new DirtyRowMaker(samples);
    List<DirtyRecipe> recipes = DirtyRecipe.all().stream()
        .filter(r -> format == OutputFormat.CSV || !r.csvOnly()).toList();
    List<DirtyRow> rows = new ArrayList<>();
    Map<SourceTable, Long> hosted = new EnumMap<>(SourceTable.class);
    for (DirtyRecipe recipe : recipes) {
      if (recipe.essential()) {
        add(rows, hosted, recipe, maker);
      }
    }
    for (SourceTable host : SourceTable.values()) {
      List<DirtyRecipe> own = recipes.stream().filter(r -> r.host() == host).toList();
      long budget = Math.round(fraction * samples.rowCount(host));
      for (int i = 0; !own.isEmpty() && hosted.getOrDefault(host, 0L) < budget; i++) {
        add(rows, hosted, own.get(i % own.size()), maker);
      }
    }
    return rows;
  }

  private static void add(List<DirtyRow> rows, Map<SourceTable, Long> hosted, DirtyRecipe recipe, DirtyRowMaker maker) {
    List<DirtyRow> made = recipe.make().apply(maker);
    rows.addAll(made);
    hosted.merge(recipe.host(), made.stream().filter(r -> r.table() == recipe.host()).count(), Long::sum);
  }

  private static Dataset<Row> read(SparkSession spark, Path out, OutputFormat format, SourceTable table) {
    return format == OutputFormat.CSV
        ? spark.read().schema(table.schema()).option("header", true).option("mode", "FAILFAST")
            .csv(out.resolve(table.tableName() + ".csv").toString())
        : spark.read().parquet(out.resolve(table.tableName()).toString());
  }

  private static void appendCsv(Path out, List<DirtyRow> rows) {
    for (SourceTable table : SourceTable.values()) {
      StringBuilder lines = new StringBuilder();
      rows.stream().filter(r -> r.table() == table).forEach(r -> lines.append(r.csvLine()).append('\n'));
      if (lines.length() > 0) {
        Path file = out.resolve(table.tableName() + ".csv");
        try {
          Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot append to " + file, e);
        }
      }
    }
  }

  /** Writes clean + dirty rows of each affected table next to the output, then swaps the folders. */
  private static void rewriteParquet(SparkSession spark, Path out, Map<SourceTable, Dataset<Row>> clean,
      List<DirtyRow> rows) {
    Path staging = out.resolve(".dirty-staging");
    TableWriter writer = TableWriter.into(staging, OutputFormat.PARQUET);
    List<SourceTable> touched = new ArrayList<>();
    for (SourceTable table : SourceTable.values()) {
      List<Row> dirty = rows.stream().filter(r -> r.table() == table).map(DirtyDataInjector::sparkRow).toList();
      if (!dirty.isEmpty()) {
        writer.write(table, clean.get(table).unionByName(spark.createDataFrame(dirty, nullable(table.schema()))));
        touched.add(table);
      }
    }
    try {
      for (SourceTable table : touched) {
        LocalFiles.deleteRecursively(out.resolve(table.tableName()));
        Files.move(staging.resolve(table.tableName()), out.resolve(table.tableName()));
      }
      LocalFiles.deleteRecursively(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the tables in " + out, e);
    }
  }

  private static Row sparkRow(DirtyRow row) {
    Object[] values = new Object[row.values().length];
    for (int i = 0; i < values.length; i++) {
      Object v = row.values()[i];
      values[i] = v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v;
    }
    return RowFactory.create(values);
  }

  /** The contract's types, every column nullable: a dirty row may lack a required value. */
  private static StructType nullable(StructType schema) {
    StructType all = new StructType();
    for (StructField f : schema.fields()) {
      all = all.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    return all;
  }

  private static void writeManifest(Path file, List<DirtyRow> rows) {
    List<String> lines = rows.stream()
        .map(r -> CsvRecord.of(List.of(r.table().tableName(), r.rowKey(), r.reason())))
        .sorted().toList();
    try {
      Files.writeString(file, "source,key,reason\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
