package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.generate.DirtyDataInjector;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.GeneratedSample;
import org.salescomp.testing.SharedSpark;

/**
 * The gate on generated data (scale 0.05, six months, read the way a run reads them): on clean data
 * nothing is quarantined; on {@code generate --dirty 0.02} data the quarantine is exactly the
 * generator's manifest, row for row, and the accepted rows are exactly the clean ones.
 */
@Tag("slow")
class GeneratedDataGateTest {
  static final YearMonth START = GeneratedSample.START;
  static final int MONTHS = GeneratedSample.MONTHS;
  static final LocalDate LOGICAL_DATE = START.plusMonths(MONTHS - 1).atEndOfMonth();
  static final double FRACTION = 0.02;

  @TempDir static Path dir;
  static GateResult clean;
  static GateResult dirty;
  static GateResult dirtyParquet;

  /** Clean Parquet (the demo's format), and a dirty copy of it; a dirty copy of the same data as CSV. */
  @BeforeAll
  static void generateCleanAndDirty() throws IOException {
    copy(GeneratedSample.folder(), dir.resolve("dirty-parquet"));
    DirtyDataInjector.inject(spark(), options(dir.resolve("dirty-parquet"), OutputFormat.PARQUET), FRACTION);
    copy(GeneratedSample.csvFolder(), dir.resolve("dirty"));
    DirtyDataInjector.inject(spark(), options(dir.resolve("dirty"), OutputFormat.CSV), FRACTION);
    clean = gate(GeneratedSample.folder());
    dirty = gate(dir.resolve("dirty"));
    dirtyParquet = gate(dir.resolve("dirty-parquet"));
  }

  @AfterAll
  static void release() {
    clean.unpersist();
    dirty.unpersist();
    dirtyParquet.unpersist();
  }

  @Test
  void onCleanDataNothingIsQuarantined() {
    assertThat(clean.quarantine("t").count()).isZero();
    for (SourceTally tally : clean.tally()) {
      assertThat(tally.quarantined()).as(tally.table().tableName()).isZero();
      assertThat(tally.read()).as(tally.table().tableName()).isEqualTo(tally.accepted() + tally.deferred());
    }
  }

  @Test
  void onDirtyDataTheQuarantineIsExactlyTheManifest() throws IOException {
    assertThat(quarantined(dirty)).isEqualTo(manifest(dir.resolve("dirty")));
  }

  /** Lateness depends on the months a lakehouse closed, not on the data: LedgerEndToEndTest covers it. */
  @Test
  void theManifestHoldsEveryReasonCode() throws IOException {
    assertThat(manifest(dir.resolve("dirty")).stream().map(line -> line.substring(line.lastIndexOf(',') + 1)).distinct())
        .containsExactlyInAnyOrder(Arrays.stream(ReasonCode.values()).filter(c -> c != ReasonCode.LATE_FOR_CLOSED_PERIOD)
            .map(Enum::name).toArray(String[]::new));
  }

  /** The CSV output holds the same rows as the Parquet output of the same options (see CsvOutputTest). */
  @Test
  void theGoodRowsBesideTheBadOnesAreAllAccepted() {
    SourceData cleanRows = clean.accepted();
    for (GateResult gate : List.of(dirty, dirtyParquet)) {
      SourceData dirtyRows = gate.accepted();
      for (SourceTable table : SourceTable.values()) {
        Dataset<Row> a = cleanRows.get(table);
        Dataset<Row> b = dirtyRows.get(table);
        assertThat(a.exceptAll(b).count()).as(table.tableName()).isZero();
        assertThat(b.exceptAll(a).count()).as(table.tableName()).isZero();
      }
    }
  }

  @Test
  void theBadShareStaysUnderTheDefaultThreshold() {
    for (SourceTally tally : dirty.tally()) {
      // tables too small for a share of 2% get only the essential rows, hosted by large tables
      assertThat(BadShareThreshold.share(tally).doubleValue()).as(tally.table().tableName()).isLessThan(0.05);
    }
    assertThatCode(() -> dirty.requireWithinThreshold(Settings.defaults().quality())).doesNotThrowAnyException();
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws IOException {
    copy(GeneratedSample.csvFolder(), dir.resolve("dirty-again"));
    DirtyDataInjector.inject(spark(), options(dir.resolve("dirty-again"), OutputFormat.CSV), FRACTION);
    for (String file : List.of(DirtyDataInjector.MANIFEST, "deals.csv", "deal_credits.csv", "reps.csv")) {
      assertThat(Files.readAllBytes(dir.resolve("dirty-again").resolve(file)))
          .as(file).isEqualTo(Files.readAllBytes(dir.resolve("dirty").resolve(file)));
    }
  }

  @Test
  void parquetOutputHasEveryReasonButUnparseable() throws IOException {
    List<String> manifest = manifest(dir.resolve("dirty-parquet"));
    assertThat(quarantined(dirtyParquet)).isEqualTo(manifest);
    assertThat(manifest).noneMatch(line -> line.endsWith(",UNPARSEABLE"));
    assertThat(manifest.stream().map(line -> line.substring(line.lastIndexOf(',') + 1)).distinct()).hasSize(
        ReasonCode.values().length - 2);
  }

  /** The options of the shared sample, for an injection into a copy of it. */
  static GeneratorOptions options(Path out, OutputFormat format) {
    return GeneratedSample.options(out, format);
  }

  /** The sources as a run reads them: through {@code <out>/sources.conf} and {@link SourceReader#readRaw}. */
  static GateResult gate(Path out) {
    Settings settings = Settings.load(List.of(out.resolve("sources.conf")));
    Map<SourceTable, Dataset<Row>> raw = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      raw.put(table, SourceReader.readRaw(spark(), table, settings.source(table)));
    }
    return InputGate.check(new SourceData(raw), LOGICAL_DATE, "USD");
  }

  /** Quarantined rows as manifest lines ({@code source,key,reason}, the key quoted when it has a comma), sorted. */
  static List<String> quarantined(GateResult gate) {
    return gate.quarantine("t").selectExpr("concat(source, ',', case when row_key like '%,%' then concat('\"', "
            + "row_key, '\"') else row_key end, ',', reason)")
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
  }

  static List<String> manifest(Path out) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve(DirtyDataInjector.MANIFEST));
    assertThat(lines.get(0)).isEqualTo("source,key,reason");
    return lines.stream().skip(1).sorted().toList();
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    // the copy's sources.conf must point at the copy's files
    Files.writeString(to.resolve("sources.conf"), Files.readString(to.resolve("sources.conf"))
        .replace(from.toAbsolutePath().toString(), to.toAbsolutePath().toString()));
  }

  static SparkSession spark() {
    return SharedSpark.session();
  }
}
