package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.io.CsvOptions;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceSettings;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;

/** CSV decoding: RFC 4180 quoting, strict UTF-8 with the byte offset, and a source's own delimiter, encoding and date pattern. */
@Tag("fast")
class StrictCsvTest {
  private static final String DEALS_HEADER =
      "deal_id,customer_id,owner_rep_id,product_category,channel,amount,currency,close_date,status,status_date\n";

  @TempDir Path dir;

  @Test
  void rfc4180QuotingAndStrictUtf8() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(DEALS_HEADER.getBytes(StandardCharsets.UTF_8));
    // an escaped quote inside a quoted field
    file.writeBytes("\"D-1 \"\"x\"\"\",C-1,R-1,software,direct,100.00,EUR,2025-03-03,won,\n".getBytes(StandardCharsets.UTF_8));
    // a delimiter and a line break inside quotes
    file.writeBytes("D-2,\"C-2, Inc.\nBranch\",R-1,software,direct,100.00,EUR,2025-03-03,won,\n".getBytes(StandardCharsets.UTF_8));
    // valid UTF-8 beyond ASCII, and a replacement character that is really in the data
    file.writeBytes("D-3,C-3,R-1,café,direct\uFFFD,100.00,EUR,2025-03-03,won,\n".getBytes(StandardCharsets.UTF_8));
    // "hardw" then a Latin-1 byte E4 (ä) that is not UTF-8: byte 5 of the field
    file.writeBytes("D-4,C-4,R-1,hardw".getBytes(StandardCharsets.UTF_8));
    file.write(0xE4);
    file.writeBytes("re,direct,100.00,EUR,2025-03-03,won,\n".getBytes(StandardCharsets.UTF_8));
    // a date with a line break inside its quotes (found by CsvFuzzTest: it used to crash the Spark job)
    file.writeBytes("D-5,C-5,R-1,software,direct,100.00,EUR,\"2025-03-03\n\",won,\n".getBytes(StandardCharsets.UTF_8));
    Path csv = Files.write(dir.resolve("deals.csv"), file.toByteArray());

    Map<String, String> byDeal = verdicts(SourceTable.DEALS, new SourceSettings(SourceFormat.CSV, csv.toString()),
        "deal_id", "concat_ws('|', product_category, channel, customer_id)");

    assertThat(byDeal).containsExactly(
        Map.entry("D-1 \"x\"", "ok software|direct|C-1"),
        Map.entry("D-2", "ok software|direct|C-2, Inc.\nBranch"),
        Map.entry("D-3", "ok café|direct\uFFFD|C-3"),
        Map.entry("D-4", "UNPARSEABLE product_category: invalid UTF-8 at byte 5"),
        Map.entry("D-5", "UNPARSEABLE close_date: '2025-03-03\n' is not a date yyyy-MM-dd"));
  }

  @Test
  void aSourceDeclaresItsDelimiterEncodingAndDatePattern() throws IOException {
    String text = "currency;rate_date;rate_to_reporting\n"
        + "EUR;03.03.2025;1.100000\n"
        + "GBP;2025-03-03;1.250000\n"   // the contract's pattern is not this source's
        + "CAD;31.06.2025;0.700000\n"   // no 31 June
        + "CHF;04.03.2025;0.950000\n";
    Path csv = Files.write(dir.resolve("fx.csv"), text.getBytes(StandardCharsets.ISO_8859_1));
    SourceSettings source = new SourceSettings(SourceFormat.CSV, csv.toString(),
        new CsvOptions(";", "ISO-8859-1", "dd.MM.yyyy"));

    Map<String, String> byCurrency = verdicts(SourceTable.FX_RATES, source, "currency", "cast(rate_date as string)");

    assertThat(byCurrency).containsExactly(
        Map.entry("CAD", "UNPARSEABLE rate_date: '31.06.2025' is not a date dd.MM.yyyy"),
        Map.entry("CHF", "ok 2025-03-04"),
        Map.entry("EUR", "ok 2025-03-03"),
        Map.entry("GBP", "UNPARSEABLE rate_date: '2025-03-03' is not a date dd.MM.yyyy"));
  }

  /** key -> "ok value" or "REASON detail", sorted by key. */
  private static Map<String, String> verdicts(SourceTable table, SourceSettings source, String key, String value) {
    Dataset<Row> parsed = ParsedSource.of(table, SourceReader.readRaw(SharedSpark.session(), table, source));
    List<Row> rows = parsed.selectExpr("coalesce(" + key + ", " + Verdicts.ROW_KEY + ")",
        "case when " + Verdicts.REASON + " is null then concat('ok ', " + value + ") else concat("
            + Verdicts.REASON + ", ' ', " + Verdicts.DETAIL + ") end").collectAsList();
    Map<String, String> byKey = new TreeMap<>();
    rows.forEach(r -> byKey.put(r.getString(0), r.getString(1)));
    return byKey;
  }
}
