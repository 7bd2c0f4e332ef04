package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.SchemaError;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.SharedSpark;

/**
 * Seeded random damage to generated CSV sources: 504 mutated files (42 per source, each the header and
 * 20 rows of the generated file with one to three mutations: bytes, encodings, quoting, truncated lines,
 * huge and tiny numbers, odd dates, repeated and missing columns, a BOM, CRLF, blank lines).
 *
 * <p>The contract it holds the reader and the gate to: reading never fails except with a
 * {@link SchemaError} (exit 3) for a header that lacks a required column or names one twice; every row
 * the gate's parsing stage accepts is an exact reading of its text (so a damaged value is never paid
 * as something else); untouched rows stay accepted; and, on whole mutated datasets, the gate's tally
 * holds read = accepted + quarantined + deferred for every source and the threshold either passes or
 * fails with a {@link DataQualityException} (exit 3).
 */
@Tag("slow")
class CsvFuzzTest {
  private static final long SEED = 20261205L;
  private static final int FILES_PER_SOURCE = 42;
  private static final int ROWS_PER_FILE = 20;
  private static final int WHOLE_ROWS = 300;
  private static final LocalDate LOGICAL_DATE = LocalDate.of(2025, 3, 31);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path base;

  @BeforeAll
  static void generate() {
    base = dir.resolve("base");
    DemoDataGenerator.generate(SharedSpark.session(),
        new GeneratorOptions(base, 7, 0.01, YearMonth.of(2025, 1), 3, OutputFormat.CSV));
  }

  @Test
  void everyMutatedFileReadsWithEveryAcceptedRowAnExactReadingOfItsText() throws IOException {
    Random random = new Random(SEED);
    int files = 0;
    for (SourceTable table : SourceTable.values()) {
      List<String> lines = Files.readAllLines(base.resolve(table.tableName() + ".csv"), StandardCharsets.UTF_8);
      List<String> rows = lines.subList(1, Math.min(lines.size(), ROWS_PER_FILE + 1));
      Path rowFiles = Files.createDirectories(dir.resolve("fuzz").resolve(table.tableName()));
      Map<String, Set<Integer>> untouchedByFile = new HashMap<>();
      for (int i = 0; i < FILES_PER_SOURCE; i++, files++) {
        Mutated file = Mutated.of(random, lines.get(0), rows);
        if (file.headerChanged) {
          checkHeaderMutation(table, file, dir.resolve("fuzz-header-" + table.tableName() + "-" + i + ".csv"));
        } else {
          String name = "f" + i + ".csv";
          Files.write(rowFiles.resolve(name), file.bytes);
          if (!file.structural) {
            untouchedByFile.put(name, file.untouched);
          }
        }
      }
      checkRowMutations(table, rowFiles, rows, untouchedByFile);
    }
    assertThat(files).isGreaterThanOrEqualTo(500);
  }

  /** A repeated column, or a required one missing, stops with a SchemaError; else the file reads. */
  private static void checkHeaderMutation(SourceTable table, Mutated file, Path path) throws IOException {
    Files.write(path, file.bytes);
    List<String> header = Arrays.asList(file.header.replace("\uFEFF", "").split(",", -1));
    boolean requiredMissing = Arrays.stream(table.schema().fields())
        .anyMatch(f -> !f.nullable() && !header.contains(f.name()));
    boolean repeated = new HashSet<>(header).size() < header.size();
    try {
      Dataset<Row> parsed = ParsedSource.of(table, read(table, path));
      parsed.count();
      assertThat(requiredMissing || repeated).as(path + " header " + header).isFalse();
    } catch (SchemaError e) {
      assertThat(requiredMissing || repeated).as(path + ": " + e.getMessage()).isTrue();
    }
  }

  private static void checkRowMutations(SourceTable table, Path folder, List<String> baseRows,
      Map<String, Set<Integer>> untouchedByFile) throws IOException {
    Dataset<Row> parsed = ParsedSource.of(table, read(table, folder))
        .withColumn("_file", functions.input_file_name());
    Map<String, Set<String>> acceptedKeysByFile = new HashMap<>();
    for (Row row : parsed.collectAsList()) {
      String file = Path.of(java.net.URI.create(row.getAs("_file"))).getFileName().toString();
      if (row.getAs(Verdicts.REASON) == null) {
        assertExactReading(table, row, file);
        acceptedKeysByFile.computeIfAbsent(file, f -> new HashSet<>()).add(row.getAs(Verdicts.ROW_KEY));
      }
    }
    // rows no mutation touched (in files where no quote or line break was added) are still accepted
    Map<String, String> keyOfBaseRow = keysOf(table, baseRows);
    untouchedByFile.forEach((file, untouched) -> {
      for (int index : untouched) {
        assertThat(acceptedKeysByFile.getOrDefault(file, Set.of())).as(table.tableName() + " " + file + " row " + index)
            .contains(keyOfBaseRow.get(String.valueOf(index)));
      }
    });
  }

  /** The row key the gate gives each base row (by index), from the clean rows read on their own. */
  private static Map<String, String> keysOf(SourceTable table, List<String> baseRows) throws IOException {
    Path clean = dir.resolve("clean-" + table.tableName() + ".csv");
    String header = Files.readAllLines(base.resolve(table.tableName() + ".csv")).get(0);
    List<String> indexed = new ArrayList<>();
    Files.writeString(clean, header + "\n" + String.join("\n", baseRows) + "\n");
    List<Row> rows = ParsedSource.of(table, read(table, clean)).select(Verdicts.ROW_KEY).collectAsList();
    rows.forEach(r -> indexed.add(r.getString(0)));
    Map<String, String> byIndex = new HashMap<>();
    for (int i = 0; i < indexed.size(); i++) {
      byIndex.put(String.valueOf(i), indexed.get(i));
    }
    return byIndex;
  }

  /** Every contract column of an accepted row is exactly what its text says (personal columns: no replacement character). */
  private static void assertExactReading(SourceTable table, Row row, String file) {
    JsonNode original;
    try {
      original = JSON.readTree((String) row.getAs(Verdicts.ROW));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (StructField field : table.schema().fields()) {
      Object typed = row.getAs(field.name());
      String where = table.tableName() + " " + file + " " + row.getAs(Verdicts.ROW_KEY) + " " + field.name();
      if (!original.has(field.name())) {
        assertThat(String.valueOf(typed)).as(where).doesNotContain("\uFFFD");
        continue;
      }
      JsonNode node = original.get(field.name());
      String text = node.isNull() ? null : node.asText();
      if (typed == null) {
        assertThat(text).as(where).isNull();
      } else if (field.dataType() instanceof DecimalType) {
        assertThat(text.strip()).as(where).matches("[+-]?\\d+(\\.\\d+)?");
        assertThat(new BigDecimal(text.strip())).as(where).isEqualByComparingTo((BigDecimal) typed);
      } else if (field.dataType() instanceof IntegerType) {
        assertThat(Integer.parseInt(text.strip())).as(where).isEqualTo(typed);
      } else if (field.dataType() instanceof DateType) {
        LocalDate written = LocalDate.parse(text.strip());
        // java.sql.Date counts days in the Julian calendar before 1583, Spark in the proleptic Gregorian one
        if (written.getYear() > 1582) {
          assertThat(written).as(where).isEqualTo(((Date) typed).toLocalDate());
        }
      } else if (field.dataType() instanceof BooleanType) {
        assertThat(text.strip()).as(where).isEqualToIgnoringCase(String.valueOf(typed));
      } else {
        assertThat(typed).as(where).isEqualTo(text);
        assertThat(text).as(where).doesNotContain("\uFFFD");
      }
    }
  }

  @Test
  void wholeMutatedDatasetsPassOrFailWithExit3AndAlwaysReconcile() throws IOException {
    Random random = new Random(SEED + 1);
    for (int dataset = 0; dataset < 1; dataset++) {
      Path copy = dir.resolve("dataset-" + dataset);
      Files.createDirectories(copy);
      Map<SourceTable, Dataset<Row>> raw = new java.util.EnumMap<>(SourceTable.class);
      try {
        for (SourceTable table : SourceTable.values()) {
          List<String> lines = Files.readAllLines(base.resolve(table.tableName() + ".csv"), StandardCharsets.UTF_8);
          // the first rows of each source: children may lose their parents, which the gate quarantines
          Mutated file = Mutated.rowsOnly(random, lines.get(0), lines.subList(1, Math.min(lines.size(), WHOLE_ROWS)));
          Path path = Files.write(copy.resolve(table.tableName() + ".csv"), file.bytes);
          raw.put(table, read(table, path));
        }
        GateResult gate = InputGate.check(new SourceData(raw), LOGICAL_DATE, "USD");
        for (SourceTally tally : gate.tally()) {
          assertThat(tally.read()).as(tally.table().tableName())
              .isEqualTo(tally.accepted() + tally.quarantined() + tally.deferred());
        }
        try {
          gate.requireWithinThreshold(Settings.defaults().quality());
        } catch (DataQualityException expected) {
          assertThat(expected.getMessage()).contains("quality threshold");
        }
        gate.unpersist();
      } catch (SchemaError e) {
        fail("row mutations only, yet: " + e.getMessage());
      }
    }
  }

  private static Dataset<Row> read(SourceTable table, Path path) {
    return SourceReader.readRaw(SharedSpark.session(), table, new SourceSettings(SourceFormat.CSV, path.toString()));
  }

  /** One mutated file: its bytes, its header, which rows no mutation touched, and what kind of damage it got. */
  static final class Mutated {
    byte[] bytes;
    String header;
    boolean headerChanged;
    /** A quote or a line break was added: records may merge or split, so untouched rows are not followed. */
    boolean structural;
    Set<Integer> untouched = new HashSet<>();

    private static final String[] ODD_DATES = {"2025-02-30", "0000-01-01", "9999-12-31", "2025-1-5", "31/01/2025",
        "2025-13-01", " 2025-01-05", "2025-01-05T00:00:00", "20250105"};
    private static final String[] ODD_NUMBERS = {"1" + "0".repeat(40), "0.0000000001", "-1", "1e5", "1,000.00",
        "NaN", "Infinity", "0x10", "12.345678901", "99999999999999999.99", "-0", "+5", "  7  ", "", "1.2.3"};

    static Mutated of(Random random, String header, List<String> rows) {
      Mutated m = new Mutated();
      m.header = header;
      List<String> lines = new ArrayList<>(rows);
      List<byte[]> raw = new ArrayList<>();
      int mutations = 1 + random.nextInt(3);
      Map<Integer, byte[]> replaced = new HashMap<>();
      for (int k = 0; k < mutations; k++) {
        // header damage is rarer: each such file is read on its own (a Spark job), the others per source at once
        int kind = random.nextInt(24);
        if (kind == 22) {
          m.headerChanged = true;
          m.header = headerMutation(random, m.header, lines);
        } else if (kind == 23) {
          m.structural |= true;
          m.header = (random.nextBoolean() ? "\uFEFF" : "") + m.header;
        } else {
          int index = random.nextInt(lines.size());
          byte[] line = rowMutation(random, kind % 11, lines.get(index), m);
          replaced.put(index, line);
          lines.set(index, new String(line, StandardCharsets.ISO_8859_1));
        }
      }
      String eol = random.nextInt(8) == 0 ? "\r\n" : "\n";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes((m.header + eol).getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < lines.size(); i++) {
        out.writeBytes(replaced.containsKey(i) ? replaced.get(i) : lines.get(i).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
        if (!replaced.containsKey(i)) {
          m.untouched.add(i);
        }
      }
      m.bytes = out.toByteArray();
      return m;
    }

    static Mutated rowsOnly(Random random, String header, List<String> rows) {
      Mutated m;
      do {
        m = of(random, header, rows);
      } while (m.headerChanged);
      return m;
    }

    /** A column repeated or dropped, in the header and every row alike. */
    private static String headerMutation(Random random, String header, List<String> lines) {
      List<String> names = new ArrayList<>(Arrays.asList(header.split(",", -1)));
      int column = random.nextInt(names.size());
      boolean repeat = random.nextBoolean();
      if (repeat) {
        names.add(names.get(column));
      } else {
        names.remove(column);
      }
      for (int i = 0; i < lines.size(); i++) {
        List<String> fields = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
        if (fields.size() > column) {
          if (repeat) {
            fields.add(fields.get(column));
          } else {
            fields.remove(column);
          }
        }
        lines.set(i, String.join(",", fields));
      }
      return String.join(",", names);
    }

    /** One kind of damage to one line, as bytes (a line may end up not UTF-8). */
    private static byte[] rowMutation(Random random, int kind, String line, Mutated m) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      // splitting a line with quoted fields on commas, or cutting it, can leave a quote open
      m.structural |= line.indexOf('"') >= 0;
      String[] fields = line.split(",", -1);
      int f = random.nextInt(fields.length);
      switch (kind) {
        case 0 -> { // any byte anywhere
          int at = random.nextInt(bytes.length + 1);
          byte b = (byte) random.nextInt(256);
          m.structural |= b == '"' || b == '\n' || b == '\r';
          return insert(bytes, at, new byte[] {b});
        }
        case 1 -> { // Latin-1 where UTF-8 belongs, or a broken multi-byte sequence
          fields[f] = fields[f] + "\u00e9";
          byte[] latin = String.join(",", fields).getBytes(StandardCharsets.ISO_8859_1);
          return random.nextBoolean() ? latin : insert(bytes, random.nextInt(bytes.length + 1), new byte[] {(byte) 0xE2, (byte) 0x82});
        }
        case 2 -> { // RFC 4180 quoting, escaped quotes inside
          fields[f] = "\"" + fields[f].replace("\"", "\"\"") + (random.nextBoolean() ? " \"\"q\"\"" : "") + "\"";
          m.structural = true;
          return String.join(",", fields).getBytes(StandardCharsets.UTF_8);
        }
        case 3 -> { // a quote that never closes
          fields[f] = "\"" + fields[f];
          m.structural = true;
          return String.join(",", fields).getBytes(StandardCharsets.UTF_8);
        }
        case 4 -> { // truncated line
          return Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        case 5, 6 -> { // huge, tiny and malformed numbers
          fields[f] = ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)];
          m.structural |= fields[f].contains(",");
          return String.join(",", fields).getBytes(StandardCharsets.UTF_8);
        }
        case 7 -> { // odd dates
          fields[f] = ODD_DATES[random.nextInt(ODD_DATES.length)];
          return String.join(",", fields).getBytes(StandardCharsets.UTF_8);
        }
        case 8 -> { // a field too many or too few
          return (random.nextBoolean() ? line + ",extra" : line.substring(0, Math.max(0, line.lastIndexOf(','))))
              .getBytes(StandardCharsets.UTF_8);
        }
        default -> { // an emptied field, or a line with nothing but delimiters
          fields[f] = "";
          return (random.nextBoolean() ? String.join(",", fields) : ",".repeat(fields.length - 1))
              .getBytes(StandardCharsets.UTF_8);
        }
      }
    }

    private static byte[] insert(byte[] bytes, int at, byte[] added) {
      byte[] out = new byte[bytes.length + added.length];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(added, 0, out, at, added.length);
      System.arraycopy(bytes, at, out, at + added.length, bytes.length - at);
      return out;
    }
  }
}
